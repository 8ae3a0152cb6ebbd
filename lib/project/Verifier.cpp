//===- Verifier.cpp - fix --verify: rewritten code must still compile -----===//

#include "rehost/Verifier.h"

#include "rehost/FileIO.h"
#include "rehost/Paths.h"
#include "rehost/ProjectRoot.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace rehost {

const char UnparsedReason[] =
    "its translation unit did not parse; fix the build flags and run again";

std::vector<FileOutcome>
withholdUnparsed(EditPlan &Plan, llvm::ArrayRef<TranslationUnitFacts> Units) {
  llvm::StringSet<> Parsed;
  for (const TranslationUnitFacts &Unit : Units)
    if (Unit.Error.empty())
      for (const std::string &File : Unit.Files)
        Parsed.insert(File);
  std::vector<FileOutcome> Withheld;
  std::vector<FilePlan> Kept;
  for (FilePlan &File : Plan.Files) {
    if (Parsed.contains(File.Path)) {
      Kept.push_back(std::move(File));
      continue;
    }
    FileOutcome Outcome;
    Outcome.Path = File.Path;
    Outcome.Error = "its translation unit did not parse";
    Outcome.Reason = UnparsedReason;
    Withheld.push_back(std::move(Outcome));
  }
  Plan.Files = std::move(Kept);
  return Withheld;
}

std::vector<FileOutcome> withholdOutsideRoot(EditPlan &Plan,
                                             llvm::StringRef Root) {
  std::vector<FileOutcome> Withheld;
  std::vector<FilePlan> Kept;
  for (FilePlan &File : Plan.Files) {
    if (isUnderDirectory(realPath(File.Path), Root)) {
      Kept.push_back(std::move(File));
      continue;
    }
    FileOutcome Outcome;
    Outcome.Path = File.Path;
    Outcome.Error = "outside the project root " + Root.str();
    Outcome.Reason = "not rewritten: outside the project root " + Root.str() +
                     " (--allow-outside-root rewrites it)";
    Withheld.push_back(std::move(Outcome));
  }
  Plan.Files = std::move(Kept);
  return Withheld;
}

std::string installedRuntimeIncludeDir(llvm::StringRef Executable) {
  llvm::SmallString<256> Dir(Executable);
  llvm::sys::path::remove_filename(Dir); // PREFIX/bin
  llvm::sys::path::remove_filename(Dir); // PREFIX
  llvm::sys::path::append(Dir, "include");
  return std::string(Dir);
}

llvm::Error checkRuntimeHeaders(llvm::StringRef Dir, const EditPlan &Plan) {
  std::set<std::string> Headers;
  for (const FilePlan &File : Plan.Files)
    Headers.insert(File.Includes.begin(), File.Includes.end());
  for (const std::string &Header : Headers) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Header);
    if (!llvm::sys::fs::is_regular_file(Path))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "--verify parses the rewritten code against the installed "
          "runtime's headers, and " +
              Path +
              " does not exist; install the runtime beside rehost or "
              "pass --runtime-include DIR; nothing was written");
  }
  return llvm::Error::success();
}

void verifyEdits(const ScanRequest &Request,
                 llvm::ArrayRef<TranslationUnitFacts> Units,
                 std::vector<FileOutcome> &Outcomes,
                 llvm::StringRef RuntimeIncludeDir, llvm::raw_ostream &Log) {
  llvm::StringMap<FileOutcome *> Changed;
  for (FileOutcome &Outcome : Outcomes)
    if (Outcome.Written)
      Changed[Outcome.Path] = &Outcome;

  // Only units that parsed before and read a changed file can be broken.
  ScanRequest Again = Request;
  Again.Files.clear();
  Again.IsExcluded = nullptr;
  // After the project's own include path, and only the installed headers:
  // what the project compiles against once the runtime is installed, never
  // the copy in rehost's source tree.
  Again.RuntimeIncludeDirs = {RuntimeIncludeDir.str()};
  std::map<std::string, const TranslationUnitFacts *> ByMain;
  for (const TranslationUnitFacts &Unit : Units)
    if (Unit.Error.empty() &&
        llvm::any_of(Unit.Files,
                     [&](const std::string &F) { return Changed.count(F); })) {
      Again.Files.push_back(Unit.MainFile);
      ByMain[Unit.MainFile] = &Unit;
    }
  if (Again.Files.empty())
    return;

  auto Reparsed = collectFacts(Again, Log);
  if (!Reparsed) {
    Log << "rehost: error: --verify could not parse again: "
        << llvm::toString(Reparsed.takeError()) << "\n";
    return;
  }
  for (const TranslationUnitFacts &Unit : *Reparsed) {
    if (Unit.Error.empty())
      continue;
    for (const std::string &File : ByMain[Unit.MainFile]->Files) {
      auto It = Changed.find(File);
      if (It == Changed.end() || !It->second->Error.empty())
        continue;
      FileOutcome &Outcome = *It->second;
      if (llvm::Error Err = writeFileAtomically(File, Outcome.Original)) {
        Outcome.Error = "the rewrite broke " + Unit.MainFile +
                        " and restoring the original failed: " +
                        llvm::toString(std::move(Err));
        Outcome.Diagnostic = File + ": error: " + Outcome.Error;
        continue;
      }
      Outcome.Error = "the rewrite broke the build of " + Unit.MainFile +
                      " (errors above); the original was restored";
      Outcome.Written = false;
      Outcome.Restored = true;
    }
  }
}

} // namespace rehost
