//===- ReportView.cpp - The reviewer reports' content, decided once -------===//

#include "ReportView.h"

#include "rehost/Paths.h"

#include "llvm/ADT/SmallVector.h"

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

/// The line a finding is on, as it was before any rewrite.
llvm::StringRef lineBefore(const Finding &F) {
  // A scan has no Before yet; the line as written is what it would be.
  return F.Before.empty() ? F.LineText : F.Before;
}

Table findingTable(const std::vector<Finding> &Findings) {
  Table Out;
  Out.Header = {"Line", "API", "Rule", "Before", "After", "Action", "Reason"};
  for (const Finding &F : Findings) {
    Out.Rows.push_back({text(std::to_string(F.Line)), codeOrNothing(F.Api),
                        text(ruleId(F.R)), codeOrNothing(lineBefore(F)),
                        codeOrNothing(F.After), text(actionName(F.Act)),
                        textOrNothing(F.Reason)});
  }
  return Out;
}

/// \p F's rewrite as a diff hunk; the header names the file the edit is in
/// when that is another (a macro body in a header).
Hunk changeOf(const FileReport &File, const Finding &F, llvm::StringRef Root) {
  llvm::StringRef Before = lineBefore(F);
  if (F.After.empty() || Before.empty())
    return {};
  std::string Where = "@@ line " + std::to_string(F.Line);
  if (!F.EditFile.empty() && F.EditFile != File.Path)
    Where += ", edited in " + displayPath(F.EditFile, Root);
  Hunk Out{Where + " @@"};
  llvm::SmallVector<llvm::StringRef, 2> Lines;
  Before.rtrim("\r\n").split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    Out.push_back(("-" + Line.rtrim('\r')).str());
  Lines.clear();
  llvm::StringRef(F.After).rtrim("\r\n").split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    Out.push_back(("+" + Line.rtrim('\r')).str());
  return Out;
}

/// \p F's path to the client call, each hop with where it hands the value
/// on; empty for a direct finding.
Paragraph chainOf(const Finding &F) {
  if (F.Chain.empty())
    return {};
  Paragraph Out{Span{"Line " + std::to_string(F.Line) + " reaches ", false},
                Span{F.Api, true}, Span{" through ", false}};
  for (size_t I = 0; I != F.Chain.size(); ++I) {
    if (I)
      Out.push_back(Span{HopSeparator.str(), false});
    Out.push_back(Span{F.Chain[I].Name, true});
    Out.push_back(Span{" (" + placeOf(F.Chain[I]) + ")", false});
  }
  return Out;
}

std::string findings(unsigned N) {
  return std::to_string(N) + (N == 1 ? " finding" : " findings");
}

/// Only fix fixes: a report of any other command that said "0 of 4 fixed"
/// would read as a failed fix.
std::string fixedShare(const Summary &S, bool IsFix) {
  if (S.Findings == 0)
    return "no findings";
  if (!IsFix)
    return findings(S.Findings) + ", " + std::to_string(S.Fixable) + " fixable";
  // Rounded down: 199 of 200 must not read as 100%.
  unsigned Percent = S.Fixed * 100ULL / S.Findings;
  return std::to_string(S.Fixed) + " of " + findings(S.Findings) + " fixed (" +
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
  View.FixedShare = fixedShare(S, R.Command == "fix");
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
    for (const Finding &F : File.Findings) {
      Section.Changes.push_back(changeOf(File, F, R.Root));
      Section.Chains.push_back(chainOf(F));
    }
    View.Files.push_back(std::move(Section));
  }
  View.Linking = linkingSection();
  return View;
}

} // namespace rehost
