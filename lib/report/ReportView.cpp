//===- ReportView.cpp - The reviewer reports' content, decided once -------===//

#include "ReportView.h"

namespace rehost {
namespace {

/// What an empty cell reads as, so "nothing" is visibly on purpose.
constexpr llvm::StringLiteral Nothing = "—";

Paragraph text(llvm::StringRef Text) {
  return {Span{Text.str(), /*Code=*/false}};
}

/// Source and identifiers as code; an empty value as Nothing.
Paragraph codeOrNothing(llvm::StringRef Code) {
  Code = Code.trim();
  if (Code.empty())
    return text(Nothing);
  return {Span{Code.str(), /*Code=*/true}};
}

Paragraph textOrNothing(llvm::StringRef Text) {
  return text(Text.empty() ? llvm::StringRef(Nothing) : Text);
}

Paragraph variableList(const std::vector<std::string> &Variables) {
  if (Variables.empty())
    return text(Nothing);
  Paragraph Out;
  for (const std::string &Variable : Variables) {
    if (!Out.empty())
      Out.push_back(Span{", ", false});
    Out.push_back(Span{Variable, true});
  }
  return Out;
}

Table profileTable(const std::vector<ProfileInfo> &Profiles) {
  Table Out;
  Out.Header = {"Profile", "Endpoint", "Sites", "Overridden by",
                "Must now be set"};
  for (const ProfileInfo &P : Profiles)
    Out.Rows.push_back({codeOrNothing(P.Name), codeOrNothing(P.Endpoint),
                        text(std::to_string(P.Sites)),
                        variableList(P.Variables), variableList(P.MustSet)});
  return Out;
}

Table findingTable(const std::vector<Finding> &Findings) {
  Table Out;
  Out.Header = {"Line", "API", "Rule", "Before", "After", "Action", "Reason"};
  for (const Finding &F : Findings) {
    // A scan has no Before yet; the line as written is what it would be.
    llvm::StringRef Before = F.Before.empty() ? F.LineText : F.Before;
    Out.Rows.push_back({text(std::to_string(F.Line)), codeOrNothing(F.Api),
                        text(ruleId(F.R)), codeOrNothing(Before),
                        codeOrNothing(F.After), text(actionName(F.Act)),
                        textOrNothing(F.Reason)});
  }
  return Out;
}

std::string fixedShare(const Summary &S) {
  if (S.Findings == 0)
    return "no findings";
  // Rounded down: 199 of 200 must not read as 100%.
  unsigned Percent = S.Fixed * 100ULL / S.Findings;
  return std::to_string(S.Fixed) + " of " + std::to_string(S.Findings) +
         (S.Findings == 1 ? " finding" : " findings") + " fixed (" +
         std::to_string(Percent) + "%)";
}

LinkingSection linkingSection() {
  LinkingSection Out;
  Out.Heading = "Linking the runtime";
  Out.PkgConfigIntro = {
      Span{"Rewritten code calls the runtime library ", false},
      Span{"rehost-runtime", true}, Span{". Link it with pkg-config:", false}};
  Out.PkgConfig = {"sh",
                   {"cc app.c $(pkg-config --cflags --libs rehost-runtime)"}};
  Out.CMakeIntro = text("or with CMake:");
  Out.CMake = {"cmake",
               {"find_package(RehostRuntime REQUIRED)",
                "target_link_libraries(app PRIVATE rehost::runtime)"}};
  Out.Doctor = {Span{"rehost-doctor PROFILE", true},
                Span{" shows what a profile resolves to: each setting with "
                     "the variable, config file or default it comes from.",
                     false}};
  Out.Deploy = {
      Span{"rehost env", true},
      Span{" writes the variables the deployment must now set for each "
           "profile of the runtime's ",
           false},
      Span{"rehost.toml", true},
      Span{": a dotenv file, a Kubernetes ConfigMap with a Secret stub, or a "
           "compose environment block (",
           false},
      Span{"--format dotenv", true},
      Span{", ", false},
      Span{"k8s", true},
      Span{" or ", false},
      Span{"compose", true},
      Span{"). It never writes a password.", false}};
  return Out;
}

} // namespace

ReportView buildReportView(const Report &R) {
  Summary S = R.computeSummary();
  // Headers with findings are counted with the files but are not scanned
  // translation units, so the difference can go below zero.
  unsigned Listed = S.FilesWithFindings + S.FilesWithErrors;
  unsigned Clean = S.FilesScanned > Listed ? S.FilesScanned - Listed : 0;

  ReportView View;
  View.Title = "rehost " + R.Command + " report";
  View.SummaryHeading = "Summary";
  View.Counts = {{"Files scanned", S.FilesScanned},
                 {"Files with findings", S.FilesWithFindings},
                 {"Files fixed", S.FilesFixed},
                 {"Files clean", Clean},
                 {"Files with errors", S.FilesWithErrors},
                 {"Findings", S.Findings},
                 {"Findings fixable", S.Fixable},
                 {"Findings fixed", S.Fixed},
                 {"Findings manual", S.Manual}};
  // Only reports that have them: most projects suppress nothing.
  if (S.Suppressed)
    View.Counts.push_back({"Findings suppressed", S.Suppressed});
  if (S.Baselined)
    View.Counts.push_back({"Findings in the baseline", S.Baselined});
  View.FixedShare = fixedShare(S);
  View.ProfilesHeading = "Profiles";
  View.Profiles = profileTable(R.Profiles);
  View.NoProfiles = "No endpoint to move onto a profile.";
  View.FilesHeading = "Files";
  View.NoFiles = "No file has findings or errors.";
  for (const FileReport &File : R.Files) {
    bool Failed = File.State == FileReport::Status::Error;
    bool Skipped = File.State == FileReport::Status::Skipped;
    if (File.Findings.empty() && !Failed && !Skipped)
      continue;
    FileSection Section;
    Section.Path = File.DisplayPath;
    if (Failed)
      Section.Error = "Not analysed: " +
                      (File.Error.empty() ? "unknown error" : File.Error);
    if (Skipped)
      Section.Error = "Not analysed, " + File.Error;
    if (!File.Findings.empty())
      Section.Findings = findingTable(File.Findings);
    View.Files.push_back(std::move(Section));
  }
  View.Linking = linkingSection();
  return View;
}

} // namespace rehost
