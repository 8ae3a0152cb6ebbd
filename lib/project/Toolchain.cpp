//===- Toolchain.cpp - The Clang that rehost links: its files, its flags --===//

#include "rehost/Toolchain.h"

#include "clang/Driver/Options.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Option/Arg.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"

#include <set>
#include <vector>

namespace rehost {

llvm::StringRef clangResourceDir() { return REHOST_CLANG_RESOURCE_DIR; }

llvm::ArrayRef<llvm::StringRef> runtimeIncludeDirs() {
  static const llvm::StringRef Dirs[] = {REHOST_RUNTIME_INSTALLED_INCLUDE_DIR,
                                         REHOST_RUNTIME_SOURCE_INCLUDE_DIR};
  return Dirs;
}

namespace {

/// GCC flags the Clang driver knows by name yet refuses or misreads, so the
/// generic "unknown argument" check does not catch them. A flag is matched
/// when it starts with the entry (`=`-entries take a value).
constexpr llvm::StringLiteral GccOnlyFlagPrefixes[] = {
    "-fno-tree-",      // GCC's tree passes (-fno-tree-vrp ...): Clang warns.
    "-ftree-",         // ditto.
    "-fipa-",          // GCC's interprocedural passes.
    "-fno-ipa-",       // ditto.
    "-mabi=",          // Clang 19 refuses it on x86-64 ("unsupported option").
    "-mrecord-mcount", // The kernel's ftrace flags: unsupported on x86-64.
    "-mindirect-branch", // GCC's retpoline spelling (-mindirect-branch=...).
    "-mfunction-return=",
    "-fconserve-stack",
    "-fno-var-tracking-assignments",
    "-fvar-tracking-assignments",
    "-Wno-psabi", // Clang accepts it today, but it means nothing to Clang.
};

/// A flag added to every command, and the first Clang major that knows its
/// warning group.
struct VersionedFlag {
  llvm::StringLiteral Flag;
  unsigned FirstClang;
};

/// Errors of Clang's that are warnings (or silence) under GCC. Each is added
/// only for a Clang that knows it: -Wno-unknown-warning-option hides an
/// unknown one, but only after Clang has looked for the nearest known name
/// (an edit distance to every warning group, for every unit: 13% of the
/// pre-filter on Clang 14). 14 stands for every Clang rehost builds with.
constexpr VersionedFlag GccWarningDowngrades[] = {
    // Project flags naming GCC's own warnings (-Wno-maybe-uninitialized).
    {"-Wno-unknown-warning-option", 14},
    // A std::string passed through `...`: GCC warns, Clang errs.
    {"-Wno-error=non-pod-varargs", 14},
    // int-to-char in braces: GCC warns for non-constants.
    {"-Wno-error=c++11-narrowing", 14},
    // `register` in C++17: GCC warns.
    {"-Wno-error=register", 14},
    // "abc"suffix without a space in C++11: GCC warns.
    {"-Wno-error=reserved-user-defined-literal", 14},
    // Out-of-range enum values in constant expressions.
    {"-Wno-error=enum-constexpr-conversion", 16},
    // The address of a temporary: GCC accepts it under -fpermissive.
    {"-Wno-error=address-of-temporary", 14},
};

bool isKnownToRefuse(llvm::StringRef Arg) {
  for (llvm::StringRef Prefix : GccOnlyFlagPrefixes)
    if (Arg.size() >= Prefix.size() && Arg.substr(0, Prefix.size()) == Prefix)
      return true;
  return false;
}

/// The indices in \p Args (the command without the compiler) of the
/// arguments the Clang driver does not know.
std::set<unsigned> unknownArguments(llvm::ArrayRef<const char *> Args) {
  const llvm::opt::OptTable &Table = clang::driver::getDriverOptTable();
  unsigned MissingIndex = 0, MissingCount = 0;
#if LLVM_VERSION_MAJOR >= 17
  // The default visibility is the driver's own (not clang-cl's, not -cc1's).
  llvm::opt::InputArgList Parsed =
      Table.ParseArgs(Args, MissingIndex, MissingCount);
#else
  llvm::opt::InputArgList Parsed =
      Table.ParseArgs(Args, MissingIndex, MissingCount, /*FlagsToInclude=*/0,
                      clang::driver::options::CLOption |
                          clang::driver::options::NoDriverOption);
#endif
  std::set<unsigned> Out;
  for (const llvm::opt::Arg *A :
       Parsed.filtered(clang::driver::options::OPT_UNKNOWN))
    Out.insert(A->getIndex());
  return Out;
}

} // namespace

bool isGccOnlyFlag(llvm::StringRef Arg) {
  if (isKnownToRefuse(Arg))
    return true;
  std::string Copy = Arg.str();
  const char *Args[] = {Copy.c_str()};
  return !unknownArguments(Args).empty();
}

llvm::ArrayRef<llvm::StringRef> gccWarningDowngrades() {
  static const std::vector<llvm::StringRef> Flags = [] {
    std::vector<llvm::StringRef> Known;
    for (const VersionedFlag &F : GccWarningDowngrades)
      if (F.FirstClang <= LLVM_VERSION_MAJOR)
        Known.push_back(F.Flag);
    return Known;
  }();
  return Flags;
}

clang::tooling::ArgumentsAdjuster gccCompatAdjuster() {
  return [](const clang::tooling::CommandLineArguments &Args, llvm::StringRef) {
    if (Args.empty())
      return Args;
    std::vector<const char *> Rest;
    for (size_t I = 1; I != Args.size(); ++I)
      Rest.push_back(Args[I].c_str());
    std::set<unsigned> Unknown = unknownArguments(Rest);
    clang::tooling::CommandLineArguments Out{Args.front()};
    for (size_t I = 1; I != Args.size(); ++I)
      if (!Unknown.count(I - 1) && !isKnownToRefuse(Args[I]))
        Out.push_back(Args[I]);
    for (llvm::StringRef Flag : gccWarningDowngrades())
      Out.push_back(Flag.str());
    return Out;
  };
}

} // namespace rehost
