//===- Uri.cpp - Connection URIs and node lists, without leaking passwords ===//
//
// The grammar is the runtime's own reader (runtime/shared/url_split.cpp);
// this file adds what the tool needs on top of it: the passwords to mask,
// the numbers checked, and one spelling for one server.
//
//===----------------------------------------------------------------------===//

#include "rehost/Uri.h"

#include "url_split.hpp"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <cstdint>
#include <optional>

namespace rehost {
namespace {

using detail::UrlKind;

llvm::StringRef ref(std::string_view View) {
  return {View.data(), View.size()};
}

std::string quoted(llvm::StringRef Text) { return ("'" + Text + "'").str(); }

/// Keeps the first error: the one the runtime stops at.
void fail(UriParts &P, const llvm::Twine &Message) {
  if (P.Error.empty())
    P.Error = Message.str();
}

/// The runtime refuses these when it reads the values; the tool, which has
/// no profile to resolve, checks them with the URL.
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

void addSecret(UriParts &P, llvm::StringRef Password) {
  if (!Password.empty())
    P.Secrets.push_back(Password);
}

/// Query keys come last and win over the user info and the path.
void readQuery(const detail::UrlParts &Url, UriParts &P) {
  for (const detail::UrlParam &Param : Url.query) {
    std::string Key = detail::url_query_key(Param.key);
    llvm::StringRef Value = ref(Param.value);
    if (Key == "db" || Key == "database")
      P.Db = Value;
    else if (Key == "user" || Key == "username")
      P.User = Value;
    else if (Key == "password") {
      P.Password = Value;
      addSecret(P, Value);
    } else if (Key == "sentinel_password")
      addSecret(P, Value);
  }
}

void readLocation(const detail::UrlParts &Url, UriParts &P) {
  P.Transport =
      Url.kind == UrlKind::unix_socket ? UriTransport::Unix : UriTransport::Tcp;
  P.Tls = Url.kind == UrlKind::tls;
  P.Sentinel = Url.kind == UrlKind::sentinel;
  P.Db = ref(Url.db);
  if (P.Sentinel) {
    for (const detail::UrlNode &Node : Url.sentinels)
      P.Sentinels.push_back({ref(Node.host), ref(Node.port)});
    if (!P.Sentinels.empty()) {
      P.Host = P.Sentinels.front().Host;
      P.Port = P.Sentinels.front().Port;
    }
    P.Master = ref(Url.master);
  } else if (P.Transport == UriTransport::Unix) {
    P.Host = ref(Url.socket);
  } else {
    P.Host = ref(Url.address.host);
    P.Port = ref(Url.address.port);
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
  return detail::percent_decode({Text.data(), Text.size()});
}

UriParts splitUri(llvm::StringRef Uri) {
  detail::UrlParts Url = detail::split_url({Uri.data(), Uri.size()});
  UriParts P;
  P.Scheme = ref(Url.scheme);
  P.KnownScheme = Url.kind != UrlKind::unknown;
  P.Error = Url.error;
  P.User = ref(Url.user);
  P.Password = ref(Url.password);
  addSecret(P, P.Password);
  readLocation(Url, P);
  readQuery(Url, P);
  for (const UriNode &Node : P.Sentinels)
    if (!Node.Port.empty())
      checkNumber(P, Node.Port, "port", 1, 65535);
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
