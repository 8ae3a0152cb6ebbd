//===- Uri.cpp - Connection URIs and node lists, without leaking passwords ===//

#include "rehost/Uri.h"

#include "llvm/ADT/StringExtras.h"

namespace rehost {
namespace {

/// redis-plus-plus reads "tcp://word@host" as a password, not a user name.
bool loneInfoIsPassword(llvm::StringRef Scheme) {
  return Scheme == "tcp" || Scheme == "unix";
}

void splitHostPort(llvm::StringRef HostPort, UriParts &P) {
  if (HostPort.consume_front("[")) {
    auto [Host, After] = HostPort.split(']');
    P.Host = Host;
    if (After.consume_front(":"))
      P.Port = After;
    return;
  }
  std::tie(P.Host, P.Port) = HostPort.split(':');
}

} // namespace

UriParts splitUri(llvm::StringRef Uri) {
  UriParts P;
  llvm::StringRef Rest = Uri;
  size_t SchemeEnd = Rest.find("://");
  if (SchemeEnd != llvm::StringRef::npos) {
    P.Scheme = Rest.take_front(SchemeEnd);
    Rest = Rest.drop_front(SchemeEnd + 3);
  }
  Rest = Rest.take_until([](char C) { return C == '?'; });

  // The user info ends at the last '@' before the first '/': a password may
  // hold '@', a socket path follows it.
  size_t At = Rest.take_until([](char C) { return C == '/'; }).rfind('@');
  if (At != llvm::StringRef::npos) {
    llvm::StringRef Info = Rest.take_front(At);
    Rest = Rest.drop_front(At + 1);
    if (Info.contains(':')) {
      std::tie(P.User, P.Password) = Info.split(':');
      P.HasPassword = true;
    } else if (loneInfoIsPassword(P.Scheme)) {
      P.Password = Info;
      P.HasPassword = true;
    } else {
      P.User = Info;
    }
  }

  if (P.Scheme == "unix") {
    P.Host = Rest;
    return P;
  }
  auto [HostPort, Db] = Rest.split('/');
  splitHostPort(HostPort, P);
  P.Db = Db;
  return P;
}

std::string redactUri(llvm::StringRef Uri) {
  UriParts P = splitUri(Uri);
  if (!P.HasPassword)
    return Uri.str();
  size_t Begin = P.Password.data() - Uri.data();
  return (Uri.take_front(Begin) + "***" +
          Uri.drop_front(Begin + P.Password.size()))
      .str();
}

std::string normaliseUri(llvm::StringRef Uri) {
  UriParts P = splitUri(Uri);
  if (P.Host.empty())
    return {};
  if (P.Scheme == "unix")
    return ("unix://" + P.Host).str();
  std::string Out = P.Scheme == "rediss" ? "rediss://" : "redis://";
  Out += P.Host.contains(':') ? ("[" + P.Host + "]").str() : P.Host.str();
  Out += ":" + (P.Port.empty() ? llvm::StringRef("6379") : P.Port).str();
  if (!P.Db.empty() && P.Db != "0")
    Out += "/" + P.Db.str();
  return Out;
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
