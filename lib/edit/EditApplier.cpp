//===- EditApplier.cpp - Phase three: the planned edits, written safely ---===//

#include "rehost/EditApplier.h"

#include "IncludePlacement.h"
#include "rehost/FileIO.h"
#include "rehost/LLVMCompat.h"
#include "rehost/Paths.h"
#include "rehost/Site.h"

#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/ReplacementsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace rehost {
namespace {

llvm::Expected<std::pair<std::string, std::vector<FileEdit>>>
rewrite(const FilePlan &Plan, llvm::StringRef Code) {
  // The include first: an include and a site edit at one offset keep that
  // order.
  std::vector<FileEdit> Edits = runtimeIncludeEdits(Plan, Code);
  llvm::append_range(Edits, Plan.Edits);
  llvm::stable_sort(Edits, [](const FileEdit &A, const FileEdit &B) {
    return A.Offset < B.Offset;
  });
  clang::tooling::Replacements Replaces;
  for (const FileEdit &E : Edits)
    if (llvm::Error Err = Replaces.add(
            clang::tooling::Replacement(Plan.Path, E.Offset, E.Length, E.Text)))
      return std::move(Err);
  auto Result = clang::tooling::applyAllReplacements(Code, Replaces);
  if (!Result)
    return Result.takeError();
  return std::make_pair(std::move(*Result), std::move(Edits));
}

/// True when no permission bit lets anyone write \p Path. The mode bits,
/// not access(): as root every file is writable, yet a file its owner made
/// read-only is not one to rewrite.
bool isReadOnly(llvm::StringRef Path) {
  namespace fs = llvm::sys::fs;
  llvm::ErrorOr<fs::perms> Perms = fs::getPermissions(Path);
  return Perms &&
         (*Perms & (fs::owner_write | fs::group_write | fs::others_write)) == 0;
}

FileOutcome prepareOne(const FilePlan &Plan, llvm::StringRef Root) {
  FileOutcome Outcome;
  Outcome.Path = Plan.Path;
  auto Refuse = [&](std::string Error) {
    Outcome.Error = std::move(Error);
    Outcome.Diagnostic = Plan.Path + ": error: " + Outcome.Error;
    return Outcome;
  };
  // A file left as it is, for a reason the report gives as it stands.
  auto Keep = [&](llvm::StringRef Why) {
    Outcome.Error =
        displayPath(Plan.Path, Root) + Why.str() + "; not rewritten";
    Outcome.Reason = Outcome.Error;
    Outcome.Diagnostic = "rehost: error: " + Outcome.Error;
    return Outcome;
  };
  auto Buffer = llvm::MemoryBuffer::getFile(Plan.Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return Refuse("cannot read it: " + Buffer.getError().message());
  llvm::StringRef Code = (*Buffer)->getBuffer();
  if (contentDigest(Code) != Plan.Digest)
    return Keep(" changed on disk since it was parsed");
  if (isReadOnly(Plan.Path))
    return Keep(" is read-only");
  auto Rewritten = rewrite(Plan, Code);
  if (!Rewritten)
    return Refuse("its edits cannot be applied: " +
                  llvm::toString(Rewritten.takeError()));
  std::vector<std::string> Secrets;
  for (auto [Offset, Length] : Plan.SecretSpans)
    if (Offset + Length <= Code.size())
      Secrets.push_back(Code.substr(Offset, Length).str());
  Outcome.Diff = redactSecrets(
      unifiedDiff(displayPath(Plan.Path, Root), Code, Rewritten->second),
      Secrets);
  Outcome.Edits = std::move(Rewritten->second);
  Outcome.Original = Code.str();
  Outcome.Rewritten = std::move(Rewritten->first);
  return Outcome;
}

/// Whether \p Path still holds \p Content.
bool holds(llvm::StringRef Path, llvm::StringRef Content) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  return Buffer &&
         contentDigest((*Buffer)->getBuffer()) == contentDigest(Content);
}

} // namespace

std::vector<FileOutcome> prepareEdits(const EditPlan &Plan,
                                      llvm::StringRef Root) {
  std::vector<FileOutcome> Out;
  for (const FilePlan &File : Plan.Files)
    Out.push_back(prepareOne(File, Root));
  return Out;
}

llvm::Error undoEdits(std::vector<FileOutcome> &Outcomes) {
  llvm::Error Failed = llvm::Error::success();
  for (FileOutcome &Outcome : Outcomes) {
    if (!Outcome.Written)
      continue;
    if (llvm::Error Err = writeFileAtomically(Outcome.Path, Outcome.Original))
      Failed = llvm::joinErrors(std::move(Failed), std::move(Err));
    else
      Outcome.Written = false;
  }
  return Failed;
}

llvm::Error commitEdits(std::vector<FileOutcome> &Outcomes) {
  for (FileOutcome &Outcome : Outcomes) {
    if (!Outcome.Error.empty() || Outcome.Written)
      continue;
    llvm::Error Err = llvm::Error::success();
    if (!holds(Outcome.Path, Outcome.Original))
      Err = llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          Outcome.Path + ": it changed on disk since it was parsed");
    else
      Err = writeFileAtomically(Outcome.Path, Outcome.Rewritten);
    if (!Err) {
      Outcome.Written = true;
      continue;
    }
    std::string Message = llvm::toString(std::move(Err));
    if (llvm::Error Undo = undoEdits(Outcomes))
      Message += "; restoring the files written before it failed too: " +
                 llvm::toString(std::move(Undo));
    else
      Message += "; no file was changed";
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
  }
  return llvm::Error::success();
}

std::vector<FileOutcome> applyEditPlan(const EditPlan &Plan,
                                       llvm::StringRef Root,
                                       const ApplyOptions &Options) {
  std::vector<FileOutcome> Out = prepareEdits(Plan, Root);
  if (Options.DryRun)
    return Out;
  if (llvm::Error Err = commitEdits(Out)) {
    std::string Message = llvm::toString(std::move(Err));
    for (FileOutcome &Outcome : Out)
      if (Outcome.Error.empty()) {
        Outcome.Error = Message;
        Outcome.Diagnostic = "rehost: error: " + Message;
      }
  }
  return Out;
}

void writeExportedFixes(llvm::ArrayRef<FileOutcome> Outcomes,
                        llvm::raw_ostream &OS) {
  clang::tooling::TranslationUnitReplacements Fixes;
  for (const FileOutcome &Outcome : Outcomes) {
    if (!Outcome.Error.empty())
      continue;
    if (Fixes.MainSourceFile.empty())
      Fixes.MainSourceFile = Outcome.Path;
    for (const FileEdit &E : Outcome.Edits)
      Fixes.Replacements.emplace_back(Outcome.Path, E.Offset, E.Length, E.Text);
  }
  llvm::yaml::Output YAML(OS);
  YAML << Fixes;
}

} // namespace rehost
