//===- EditApplier.cpp - Phase three: the planned edits, written safely ---===//

#include "rehost/EditApplier.h"

#include "rehost/FileIO.h"
#include "rehost/LLVMCompat.h"
#include "rehost/Report.h"

#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/Inclusions/HeaderIncludes.h"
#include "clang/Tooling/ReplacementsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace rehost {
namespace {

/// True when the file ends its lines with CR LF: inserted lines follow it.
bool usesCrLf(llvm::StringRef Code) {
  size_t NewLine = Code.find('\n');
  return NewLine != llvm::StringRef::npos && NewLine > 0 &&
         Code[NewLine - 1] == '\r';
}

/// The include lines the file still needs (none for a header it includes
/// already), where its include block puts them.
std::vector<FileEdit> includeEdits(const FilePlan &Plan, llvm::StringRef Code) {
  clang::tooling::HeaderIncludes Includes(
      Plan.Path, Code, clang::format::getLLVMStyle().IncludeStyle);
  std::vector<FileEdit> Out;
  for (const std::string &Header : Plan.Includes) {
    std::optional<clang::tooling::Replacement> Insert =
        insertInclude(Includes, Header, /*IsAngled=*/true);
    if (!Insert)
      continue;
    std::string Text = Insert->getReplacementText().str();
    if (usesCrLf(Code))
      Text = llvm::join(llvm::split(Text, '\n'), "\r\n");
    Out.push_back({Insert->getOffset(), Insert->getLength(), std::move(Text)});
  }
  return Out;
}

llvm::Expected<std::pair<std::string, std::vector<FileEdit>>>
rewrite(const FilePlan &Plan, llvm::StringRef Code) {
  std::vector<FileEdit> Edits = Plan.Edits;
  llvm::append_range(Edits, includeEdits(Plan, Code));
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
