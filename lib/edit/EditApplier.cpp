//===- EditApplier.cpp - Phase three: the planned edits, written safely ---===//

#include "rehost/EditApplier.h"

#include "IncludePlacement.h"
#include "rehost/FileIO.h"
#include "rehost/Report.h"

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

FileOutcome applyOne(const FilePlan &Plan, llvm::StringRef Root,
                     const ApplyOptions &Options) {
  FileOutcome Outcome;
  Outcome.Path = Plan.Path;
  auto Buffer = llvm::MemoryBuffer::getFile(Plan.Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    Outcome.Error = "cannot read it: " + Buffer.getError().message();
    return Outcome;
  }
  llvm::StringRef Code = (*Buffer)->getBuffer();
  if (contentDigest(Code) != Plan.Digest) {
    Outcome.Error = "it changed on disk since it was parsed; not rewritten";
    return Outcome;
  }
  auto Rewritten = rewrite(Plan, Code);
  if (!Rewritten) {
    Outcome.Error =
        "its edits cannot be applied: " + llvm::toString(Rewritten.takeError());
    return Outcome;
  }
  Outcome.Diff =
      unifiedDiff(displayPath(Plan.Path, Root), Code, Rewritten->second);
  Outcome.Edits = std::move(Rewritten->second);
  Outcome.Original = Code.str();
  if (Options.DryRun)
    return Outcome;
  if (llvm::Error Err = writeFileAtomically(Plan.Path, Rewritten->first))
    Outcome.Error = llvm::toString(std::move(Err));
  return Outcome;
}

} // namespace

std::vector<FileOutcome> applyEditPlan(const EditPlan &Plan,
                                       llvm::StringRef Root,
                                       const ApplyOptions &Options) {
  std::vector<FileOutcome> Out;
  for (const FilePlan &File : Plan.Files)
    Out.push_back(applyOne(File, Root, Options));
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
