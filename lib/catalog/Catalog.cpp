//===- Catalog.cpp - The client APIs rehost understands, as data ----------===//

#include "rehost/Catalog.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace rehost {
namespace {

using R = ArgRole;

const llvm::StringRef HiredisHeaders[] = {"hiredis/hiredis.h", "hiredis/async.h",
                                          "hiredis.h", "async.h"};
const LibraryFamily Hiredis{"hiredis", HiredisHeaders};

const ArgRole HostPort[] = {R::Host, R::Port};
const ArgRole HostPortOther[] = {R::Host, R::Port, R::Other};
const ArgRole Path[] = {R::UnixPath};
const ArgRole PathOther[] = {R::UnixPath, R::Other};

const CallEntry Calls[] = {
    // hiredis, synchronous and non-blocking contexts.
    {"redisConnect", &Hiredis, HostPort, "rehost_redisConnect"},
    {"redisConnectWithTimeout", &Hiredis, HostPortOther,
     "rehost_redisConnectWithTimeout"},
    {"redisConnectNonBlock", &Hiredis, HostPort, "rehost_redisConnectNonBlock"},
    {"redisConnectBindNonBlock", &Hiredis, HostPortOther,
     "rehost_redisConnectBindNonBlock"},
    {"redisConnectBindNonBlockWithReuse", &Hiredis, HostPortOther,
     "rehost_redisConnectBindNonBlockWithReuse"},
    {"redisConnectUnix", &Hiredis, Path, "rehost_redisConnectUnix"},
    {"redisConnectUnixWithTimeout", &Hiredis, PathOther,
     "rehost_redisConnectUnixWithTimeout"},
    {"redisConnectUnixNonBlock", &Hiredis, Path,
     "rehost_redisConnectUnixNonBlock"},
    // hiredis, asynchronous contexts.
    {"redisAsyncConnect", &Hiredis, HostPort, "rehost_redisAsyncConnect"},
    {"redisAsyncConnectBind", &Hiredis, HostPortOther,
     "rehost_redisAsyncConnectBind"},
    {"redisAsyncConnectBindWithReuse", &Hiredis, HostPortOther,
     "rehost_redisAsyncConnectBindWithReuse"},
    {"redisAsyncConnectUnix", &Hiredis, Path, "rehost_redisAsyncConnectUnix"},
};

} // namespace

llvm::ArrayRef<CallEntry> callCatalog() { return Calls; }

const CallEntry *findCall(llvm::StringRef Name) {
  const auto *It = llvm::find_if(
      Calls, [&](const CallEntry &Entry) { return Entry.Name == Name; });
  return It == std::end(Calls) ? nullptr : It;
}

bool isFamilyHeader(const LibraryFamily &Family, llvm::StringRef Path) {
  llvm::SmallString<256> Native(Path);
  llvm::sys::path::native(Native, llvm::sys::path::Style::posix);
  llvm::StringRef P = Native;
  return llvm::any_of(Family.Headers, [&](llvm::StringRef Suffix) {
    if (!P.endswith(Suffix))
      return false;
    return P.size() == Suffix.size() || P[P.size() - Suffix.size() - 1] == '/';
  });
}

} // namespace rehost
