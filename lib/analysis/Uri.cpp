//===- Uri.cpp - Connection URIs and node lists, without leaking passwords ===//
//
// The rules here mirror runtime/src/url.cpp; runtime/test/uri_cases.inc is
// the table both are tested against. Change both, and the table, together.
//
//===----------------------------------------------------------------------===//

#include "rehost/Uri.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <cstdint>
#include <optional>

namespace rehost {
namespace {

struct SchemeInfo {
  llvm::StringLiteral Name;
  UriTransport Transport;
  bool Tls;
};

/// The schemes the runtime reads (lower-cased before the look-up).
const SchemeInfo Schemes[] = {
    {"redis", UriTransport::Tcp, false},
    {"tcp", UriTransport::Tcp, false},
    {"valkey", UriTransport::Tcp, false},
    {"rediss", UriTransport::Tcp, true},
    {"redis+ssl", UriTransport::Tcp, true},
    {"redis+tls", UriTransport::Tcp, true},
    {"valkeys", UriTransport::Tcp, true},
    {"unix", UriTransport::Unix, false},
    {"redis-socket", UriTransport::Unix, false},
    {"redis+socket", UriTransport::Unix, false},
    {"redis+unix", UriTransport::Unix, false},
};

/// Keeps the first error: the one the runtime stops at.
void fail(UriParts &P, const llvm::Twine &Message) {
  if (P.Error.empty())
    P.Error = Message.str();
}

std::string quoted(llvm::StringRef Text) { return ("'" + Text + "'").str(); }

bool isWellEncoded(llvm::StringRef Text) {
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '%' &&
        (I + 2 >= Text.size() || !llvm::isHexDigit(Text[I + 1]) ||
         !llvm::isHexDigit(Text[I + 2])))
      return false;
  return true;
}

/// \p Part names the component in the error: its value may be secret.
void checkEncoding(UriParts &P, llvm::StringRef Text, llvm::StringRef Part) {
  if (!isWellEncoded(Text))
    fail(P, "bad percent-encoding in the URL's " + Part);
}

void checkNumber(UriParts &P, llvm::StringRef Text, llvm::StringRef What,
                 unsigned Min, unsigned Max) {
  if (Text.empty() || !llvm::all_of(Text, llvm::isDigit)) {
    fail(P, What + " " + quoted(Text) + " is not a number");
    return;
  }
  unsigned long long Value = 0;
  if (Text.getAsInteger(10, Value) || Value < Min || Value > Max)
    fail(P, What + " " + quoted(Text) + " is out of range " + llvm::Twine(Min) +
                ".." + llvm::Twine(Max));
}

void splitUserInfo(llvm::StringRef Info, UriParts &P) {
  auto [User, Password] = Info.split(':');
  if (!Info.contains(':')) {
    Password = Info;
    User = {};
  }
  checkEncoding(P, User, "username");
  checkEncoding(P, Password, "password");
  P.User = User;
  P.Password = Password;
  if (!Password.empty())
    P.Secrets.push_back(Password);
}

/// host[:port] or [v6][:port]; the caller checks the port.
UriNode splitNode(llvm::StringRef HostPort, UriParts &P) {
  UriNode Node;
  if (HostPort.consume_front("[")) {
    size_t Close = HostPort.find(']');
    if (Close == llvm::StringRef::npos) {
      fail(P, "IPv6 host has no closing ']'");
      Node.Host = HostPort;
      return Node;
    }
    Node.Host = HostPort.take_front(Close);
    llvm::StringRef After = HostPort.drop_front(Close + 1);
    if (!After.empty() && !After.consume_front(":"))
      fail(P, "unexpected text after the IPv6 host");
    Node.Port = After;
  } else {
    std::tie(Node.Host, Node.Port) = HostPort.split(':');
    // A node list keeps its first host; the runtime refuses it here.
    if (Node.Port.contains(':'))
      fail(P, "host has several ':' (put an IPv6 address in brackets)");
  }
  checkEncoding(P, Node.Host, "host");
  return Node;
}

void splitHostPort(llvm::StringRef HostPort, UriParts &P) {
  UriNode Node = splitNode(HostPort, P);
  P.Host = Node.Host;
  P.Port = Node.Port;
}

/// redis+sentinel://[userinfo@]SENTINELS/MASTER[/db], after the user info.
void splitSentinelLocation(llvm::StringRef Location, UriParts &P) {
  auto [Nodes, Path] = Location.split('/');
  llvm::SmallVector<llvm::StringRef, 4> Items;
  Nodes.split(Items, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    UriNode Node = splitNode(Item, P);
    if (Node.Host.empty())
      fail(P, "Sentinel URL has a sentinel without a host");
    if (!Node.Port.empty())
      checkNumber(P, Node.Port, "port", 1, 65535);
    P.Sentinels.push_back(Node);
  }
  if (P.Sentinels.empty())
    fail(P, "Sentinel URL names no sentinel, as in "
            "redis+sentinel://h1:26379,h2:26379/mymaster");
  else {
    P.Host = P.Sentinels.front().Host;
    P.Port = P.Sentinels.front().Port;
  }
  auto [Master, Db] = Path.split('/');
  if (Master.empty())
    fail(P, "Sentinel URL names no master, as in "
            "redis+sentinel://h1:26379,h2:26379/mymaster");
  checkEncoding(P, Master, "master name");
  if (Db.contains('/'))
    fail(P, "Sentinel URL path is not /master or /master/db");
  P.Master = Master;
  P.Db = Db;
}

/// Query keys come last and win over the user info and the path.
void readQuery(llvm::StringRef Query, UriParts &P) {
  llvm::SmallVector<llvm::StringRef, 4> Params;
  Query.split(Params, '&', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Param : Params) {
    auto [RawKey, Value] = Param.split('=');
    checkEncoding(P, RawKey, "query key");
    std::string Key = llvm::StringRef(percentDecode(RawKey)).lower();
    if (!Param.contains('=')) {
      fail(P, "query key " + quoted(Key) + " has no '=value'");
      continue;
    }
    checkEncoding(P, Value, "query value");
    if (Key == "timeout")
      fail(P, "query key 'timeout' is ambiguous; use connect_timeout or "
              "socket_timeout");
    else if (Key == "protocol" && Value != "2")
      fail(P, "protocol " + quoted(Value) +
                  " is not supported (only RESP2, protocol=2)");
    else if (Key == "db" || Key == "database")
      P.Db = Value;
    else if (Key == "user" || Key == "username")
      P.User = Value;
    else if (Key == "password") {
      P.Password = Value;
      if (!Value.empty())
        P.Secrets.push_back(Value);
    } else if (Key == "sentinel_password" && !Value.empty())
      P.Secrets.push_back(Value);
  }
}

/// The value of IPv4 text as inet_aton reads it (1 to 4 decimal parts, the
/// last filling the remaining bytes), or none. Octal and hex parts are left
/// out: nobody writes them for the local server.
std::optional<uint32_t> ipv4Value(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Text.split(Parts, '.');
  if (Parts.empty() || Parts.size() > 4)
    return std::nullopt;
  uint64_t Value = 0;
  for (size_t I = 0; I < Parts.size(); ++I) {
    llvm::StringRef Part = Parts[I];
    uint64_t Number = 0;
    if (Part.empty() || !llvm::all_of(Part, llvm::isDigit) ||
        (Part.size() > 1 && Part.front() == '0') ||
        Part.getAsInteger(10, Number))
      return std::nullopt;
    bool Last = I + 1 == Parts.size();
    unsigned Bits = Last ? 8 * (4 - I) : 8;
    if (Number >> Bits)
      return std::nullopt;
    Value = Last ? (Value << Bits) | Number : (Value << 8) | Number;
  }
  return static_cast<uint32_t>(Value);
}

} // namespace

std::string percentDecode(llvm::StringRef Text) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '%' && I + 2 < Text.size() &&
        llvm::isHexDigit(Text[I + 1]) && llvm::isHexDigit(Text[I + 2])) {
      Out += static_cast<char>(llvm::hexDigitValue(Text[I + 1]) * 16 +
                               llvm::hexDigitValue(Text[I + 2]));
      I += 2;
      continue;
    }
    Out += Text[I];
  }
  return Out;
}

UriParts splitUri(llvm::StringRef Uri) {
  UriParts P;
  llvm::StringRef Rest = Uri;
  size_t SchemeEnd = Rest.find("://");
  if (SchemeEnd != llvm::StringRef::npos) {
    P.Scheme = Rest.take_front(SchemeEnd);
    Rest = Rest.drop_front(SchemeEnd + 3);
    std::string Lower = P.Scheme.lower();
    const SchemeInfo *Known = llvm::find_if(
        Schemes, [&](const SchemeInfo &S) { return S.Name == Lower; });
    if (Known != std::end(Schemes)) {
      P.KnownScheme = true;
      P.Transport = Known->Transport;
      P.Tls = Known->Tls;
    } else if (Lower == "redis+sentinel" || Lower == "redis-sentinel") {
      P.KnownScheme = true;
      P.Sentinel = true;
    } else {
      fail(P, "URL scheme " + quoted(Lower) + " is not redis, rediss or unix");
    }
  } else {
    fail(P, "not a URL (expected redis://, rediss:// or unix://)");
  }
  if (Rest.contains('#'))
    fail(P, "URL contains '#' (percent-encode it as %23 in a password)");

  auto [Location, Query] = Rest.split('?');
  // The user info ends at the last '@' before the first '/': a password may
  // hold '@', a socket path follows it.
  size_t At = Location.take_until([](char C) { return C == '/'; }).rfind('@');
  if (At != llvm::StringRef::npos) {
    splitUserInfo(Location.take_front(At), P);
    Location = Location.drop_front(At + 1);
  }

  if (P.Sentinel) {
    splitSentinelLocation(Location, P);
  } else if (P.Transport == UriTransport::Unix) {
    P.Host = Location;
    if (Location.substr(0, 1) != "/")
      fail(P, "unix URL needs an absolute socket path, as in "
              "unix:///run/redis.sock");
    checkEncoding(P, Location, "path");
  } else {
    auto [HostPort, Path] = Location.split('/');
    splitHostPort(HostPort, P);
    if (Path.contains('/'))
      fail(P, "URL path is not a database number");
    P.Db = Path;
  }
  readQuery(Query, P);

  if (!P.Port.empty())
    checkNumber(P, P.Port, "port", 1, 65535);
  if (!P.Db.empty())
    checkNumber(P, P.Db, "db", 0, 1u << 20);
  P.HasPassword = !P.Secrets.empty();
  return P;
}

std::string redactUri(llvm::StringRef Uri) {
  UriParts P = splitUri(Uri);
  llvm::SmallVector<llvm::StringRef, 2> Secrets(P.Secrets.begin(),
                                                P.Secrets.end());
  llvm::sort(Secrets, [](llvm::StringRef A, llvm::StringRef B) {
    return A.data() > B.data();
  });
  std::string Out = Uri.str();
  for (llvm::StringRef Secret : Secrets)
    Out.replace(Secret.data() - Uri.data(), Secret.size(), "***");
  return Out;
}

namespace {

/// host:port with loopback aliases as one and IPv6 in brackets.
std::string normaliseNode(llvm::StringRef Host, llvm::StringRef Port,
                          llvm::StringRef DefaultPort) {
  std::string Name = normaliseHost(percentDecode(Host));
  if (Name.find(':') != std::string::npos)
    Name = "[" + Name + "]";
  return Name + ":" + (Port.empty() ? DefaultPort : Port).str();
}

} // namespace

std::string normaliseUri(llvm::StringRef Uri) {
  UriParts P = splitUri(Uri);
  if (P.Host.empty())
    return {};
  std::string Db = normaliseDb(P.Db);
  if (P.Sentinel) {
    std::vector<std::string> Nodes;
    for (const UriNode &Node : P.Sentinels)
      Nodes.push_back(normaliseNode(Node.Host, Node.Port, "26379"));
    return "redis+sentinel://" + llvm::join(Nodes, ",") + "/" +
           percentDecode(P.Master) + (Db.empty() ? "" : "/" + Db);
  }
  if (P.Transport == UriTransport::Unix)
    return "unix://" + percentDecode(P.Host) + (Db.empty() ? "" : "?db=" + Db);
  return (P.Tls ? "rediss://" : "redis://") +
         normaliseNode(P.Host, P.Port, "6379") + (Db.empty() ? "" : "/" + Db);
}

std::string normaliseDb(llvm::StringRef Db) {
  unsigned Number = 0;
  if (Db.empty() || Db.getAsInteger(10, Number))
    return Db.str();
  return Number == 0 ? std::string() : std::to_string(Number);
}

bool isLoopbackHost(llvm::StringRef Host) {
  std::string Name = Host.trim().rtrim('.').lower();
  llvm::StringRef Bare = Name;
  if (Bare.size() >= 2 && Bare.front() == '[' && Bare.back() == ']')
    Bare = Bare.drop_front().drop_back();
  if (Bare == "localhost" || Bare == "::1" || Bare == "0:0:0:0:0:0:0:1")
    return true;
  std::optional<uint32_t> V4 = ipv4Value(Bare);
  return V4 && (*V4 == 0x7f000001 || *V4 == 0);
}

std::string normaliseHost(llvm::StringRef Host) {
  if (isLoopbackHost(Host))
    return "127.0.0.1";
  llvm::StringRef Bare = Host;
  if (Bare.size() >= 2 && Bare.front() == '[' && Bare.back() == ']')
    Bare = Bare.drop_front().drop_back();
  return Bare.lower();
}

llvm::SmallVector<llvm::StringRef, 4> splitNodes(llvm::StringRef Nodes) {
  llvm::SmallVector<llvm::StringRef, 4> Out;
  llvm::SmallVector<llvm::StringRef, 4> Pieces;
  Nodes.split(Pieces, ',');
  for (llvm::StringRef Piece : Pieces)
    if (!Piece.trim().empty())
      Out.push_back(Piece.trim());
  return Out;
}

} // namespace rehost
