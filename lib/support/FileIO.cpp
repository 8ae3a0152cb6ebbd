//===- FileIO.cpp - Reading and replacing source files safely -------------===//

#include "rehost/FileIO.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace rehost {
namespace {

llvm::Error fileError(const llvm::Twine &Path, const llvm::Twine &What,
                      std::error_code EC) {
  return llvm::createStringError(EC, "%s: cannot %s: %s", Path.str().c_str(),
                                 What.str().c_str(), EC.message().c_str());
}

} // namespace

std::string contentDigest(llvm::StringRef Content) {
  llvm::MD5 Hash;
  Hash.update(Content);
  llvm::MD5::MD5Result Result;
  Hash.final(Result);
  return std::string(Result.digest());
}

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Content) {
  namespace fs = llvm::sys::fs;
  llvm::SmallString<256> Target(Path);
  unsigned Mode = fs::all_read | fs::all_write;
  bool Exists = fs::exists(Path);
  if (Exists) {
    if (std::error_code EC = fs::real_path(Path, Target))
      return fileError(Path, "resolve it", EC);
    llvm::ErrorOr<fs::perms> Perms = fs::getPermissions(Target);
    if (!Perms)
      return fileError(Path, "read its permissions", Perms.getError());
    Mode = *Perms;
  }

  llvm::SmallString<256> Model(Target);
  llvm::sys::path::remove_filename(Model);
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Target) +
                                     "-rehost-%%%%%%.tmp");
  int FD = -1;
  llvm::SmallString<256> Temp;
  if (std::error_code EC =
          fs::createUniqueFile(Model, FD, Temp, fs::OF_None, Mode))
    return fileError(Path, "create a temporary file next to it", EC);
  auto Discard = [&](llvm::Error Err) {
    fs::remove(Temp);
    return Err;
  };
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Content;
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      return Discard(fileError(Path, "write it", EC));
    }
  }
  // The umask applied at creation: give the file its permissions exactly.
  if (Exists)
    if (std::error_code EC =
            fs::setPermissions(Temp, static_cast<fs::perms>(Mode)))
      return Discard(fileError(Path, "keep its permissions", EC));
  if (std::error_code EC = fs::rename(Temp, Target))
    return Discard(fileError(Path, "replace it", EC));
  return llvm::Error::success();
}

llvm::Error writeCacheFile(llvm::StringRef Path, llvm::StringRef Content) {
  llvm::StringRef Directory = llvm::sys::path::parent_path(Path);
  if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
    return llvm::createStringError(EC, "cannot create " + Directory + ": " +
                                           EC.message());
  llvm::SmallString<256> Ignore(Directory);
  llvm::sys::path::append(Ignore, ".gitignore");
  if (!llvm::sys::fs::exists(Ignore))
    if (llvm::Error Err = writeFileAtomically(Ignore, "*\n"))
      return Err;
  return writeFileAtomically(Path, Content);
}

llvm::Expected<std::optional<std::string>> readCacheFile(llvm::StringRef Path,
                                                         llvm::StringRef What) {
  if (!llvm::sys::fs::exists(Path))
    return std::nullopt;
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read " + What + " " + Path + ": " +
                                       Buffer.getError().message());
  return (*Buffer)->getBuffer().str();
}

} // namespace rehost
