//===- FixTransaction.cpp - `rehost fix`'s writes: all of them, or none ---===//

#include "rehost/FixTransaction.h"

#include "rehost/Verifier.h"

#include "llvm/ADT/STLExtras.h"

namespace rehost {

char FixAbandoned::ID = 0;

void FixAbandoned::log(llvm::raw_ostream &OS) const { OS << Reason; }

std::error_code FixAbandoned::convertToErrorCode() const {
  return llvm::inconvertibleErrorCode();
}

namespace {

/// What the fix did to the files: those refused (with why) and whether the
/// others were written.
FixRecord fixRecord(llvm::ArrayRef<FileOutcome> Outcomes, bool SourcesWritten) {
  FixRecord Record;
  Record.SourcesWritten = SourcesWritten;
  for (const FileOutcome &Outcome : Outcomes)
    if (!Outcome.Error.empty())
      Record.Refused[Outcome.Path] = Outcome.Reason.empty()
                                         ? "not rewritten: " + Outcome.Error
                                         : Outcome.Reason;
  return Record;
}

/// The profiles of \p Report whose findings were rewritten: the runtime's
/// config file lists them.
std::vector<ProfileInfo> fixedProfilesOf(const Report &Report) {
  std::vector<ProfileInfo> Out;
  for (const ProfileInfo &Profile : Report.Profiles)
    for (const FileReport &File : Report.Files)
      if (llvm::any_of(File.Findings, [&](const Finding &F) {
            return Report.outcome(F).Act == Action::Fixed &&
                   F.Profile == Profile.Name;
          })) {
        Out.push_back(Profile);
        break;
      }
  return Out;
}

} // namespace

FixTransaction::FixTransaction(FixSettings Settings, const ScanRequest &Scanned,
                               llvm::ArrayRef<TranslationUnitFacts> Units,
                               Resolution &Resolved, llvm::raw_ostream &Log)
    : Settings(std::move(Settings)), Scanned(Scanned), Units(Units),
      TheReport(Resolved.Findings), Plan(Resolved.Edits), Log(Log) {
  TheReport.Command = "fix";
}

llvm::Error FixTransaction::plan() {
  // A file only units with errors read: no parse shows its rewrite compiles.
  Outcomes = withholdUnparsed(Plan, Units);
  if (!Settings.AllowOutsideRoot)
    for (FileOutcome &Outside : withholdOutsideRoot(Plan, TheReport.Root)) {
      OutsideRoot.push_back(Outside.Path);
      Outcomes.push_back(std::move(Outside));
    }
  if (Settings.Verify && Settings.WritesSources)
    if (llvm::Error Err = checkRuntimeHeaders(Settings.RuntimeInclude, Plan))
      return Err;
  llvm::append_range(Outcomes, prepareEdits(Plan, TheReport.Root));
  llvm::sort(Outcomes, [](const FileOutcome &A, const FileOutcome &B) {
    return A.Path < B.Path;
  });
  return llvm::Error::success();
}

llvm::Error FixTransaction::checkRuntimeConfig() const {
  Report Planned = TheReport;
  Planned.Fix = fixRecord(Outcomes, /*SourcesWritten=*/true);
  auto Merge = prepareRuntimeConfig(Settings.RuntimeConfig,
                                    fixedProfilesOf(Planned), Settings.Strict);
  return Merge ? llvm::Error::success() : Merge.takeError();
}

llvm::Error
FixTransaction::writeSources(llvm::function_ref<llvm::Error()> CheckReport) {
  if (!Settings.WritesSources)
    return llvm::Error::success();
  // Whatever can fail is tried before the first source is written.
  if (llvm::Error Err = checkRuntimeConfig())
    return abandon(std::move(Err));
  if (llvm::Error Err = CheckReport())
    return abandon(std::move(Err));
  if (llvm::Error Err = commitEdits(Outcomes))
    return abandon(std::move(Err));
  if (Settings.Verify)
    verifyEdits(Scanned, Units, Outcomes, Settings.RuntimeInclude, Log);
  return llvm::Error::success();
}

llvm::Error FixTransaction::record(
    llvm::function_ref<llvm::Error(const Report &)> WriteReport) {
  // After --verify, which may have put originals back: what stays written.
  TheReport.Fix = fixRecord(Outcomes, Settings.WritesSources);
  Fixed = fixedProfilesOf(TheReport);
  if (Settings.WritesSources) {
    auto Merge =
        prepareRuntimeConfig(Settings.RuntimeConfig, Fixed, Settings.Strict);
    if (!Merge)
      return abandon(Merge.takeError());
    if (llvm::Error Err = commitRuntimeConfig(*Merge))
      return abandon(std::move(Err));
    RuntimeConfig = std::move(*Merge);
  }
  if (llvm::Error Err = WriteReport(TheReport))
    return abandon(std::move(Err));
  return llvm::Error::success();
}

llvm::ArrayRef<std::string> FixTransaction::addedProfiles() const {
  if (!RuntimeConfig)
    return {};
  return RuntimeConfig->Added;
}

llvm::Error FixTransaction::abandon(llvm::Error Why) {
  // Undone before the caller prints anything: on a full disk, standard error
  // may be a file that cannot take the message either.
  llvm::Error Undo = RuntimeConfig ? undoRuntimeConfig(*RuntimeConfig)
                                   : llvm::Error::success();
  Undo = llvm::joinErrors(std::move(Undo), undoEdits(Outcomes));
  RuntimeConfig.reset();
  return llvm::make_error<FixAbandoned>(llvm::toString(std::move(Why)),
                                        Undo ? llvm::toString(std::move(Undo))
                                             : std::string());
}

} // namespace rehost
