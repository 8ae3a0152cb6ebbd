//===- JsonWriter.cpp - The machine-readable report -----------------------===//

#include "rehost/Paths.h"
#include "rehost/Report.h"
#include "rehost/Version.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace rehost {
namespace {

llvm::json::Object findingToJson(const Finding &F) {
  llvm::json::Object Out{
      {"rule", ruleId(F.R)},
      {"api", F.Api},
      {"kind", apiKindName(F.Kind)},
      {"line", F.Line},
      {"column", F.Column},
      {"line_text", F.LineText},
      {"function", F.Function},
      {"endpoint", F.Endpoint},
      {"credential", credentialName(F.Credential)},
      {"profile", F.Profile},
      {"action", actionName(F.Act)},
      {"reason", F.Reason},
      {"message", F.message()},
      {"fingerprint", F.Fingerprint},
  };
  if (!F.SuppressedBy.empty())
    Out["suppressed_by"] = F.SuppressedBy;
  // After is empty when nothing would change; Before only when it would.
  if (!F.Before.empty())
    Out["before"] = F.Before;
  if (!F.After.empty())
    Out["after"] = F.After;
  // Only a derived finding has one: a direct finding's output is unchanged.
  if (!F.Chain.empty()) {
    llvm::json::Array Chain;
    for (const FlowStep &Step : F.Chain)
      Chain.push_back(llvm::json::Object{{"function", Step.Name},
                                         {"file", Step.File},
                                         {"line", Step.Line},
                                         {"column", Step.Column}});
    Out["chain"] = std::move(Chain);
  }
  return Out;
}

/// The compiler's first error, its path shown as the files' paths are.
llvm::json::Object compilerErrorToJson(const CompilerError &E,
                                       llvm::StringRef Root) {
  llvm::json::Object Out{{"message", E.Message}};
  if (!E.File.empty()) {
    Out["path"] = displayPath(E.File, Root);
    Out["line"] = E.Line;
    Out["column"] = E.Column;
  }
  return Out;
}

llvm::json::Object fileToJson(const FileReport &File, llvm::StringRef Root) {
  llvm::json::Array Findings;
  for (const Finding &F : File.Findings)
    Findings.push_back(findingToJson(F));
  llvm::json::Object Out{{"path", File.DisplayPath},
                         {"status", statusName(File.State)},
                         {"findings", std::move(Findings)}};
  if (!File.Error.empty())
    Out["error"] = File.Error;
  if (File.FirstError)
    Out["first_error"] = compilerErrorToJson(*File.FirstError, Root);
  return Out;
}

llvm::json::Object summaryToJson(const Summary &S) {
  return llvm::json::Object{
      {"files_scanned", S.FilesScanned},
      {"files_with_findings", S.FilesWithFindings},
      {"files_with_errors", S.FilesWithErrors},
      {"files_fixed", S.FilesFixed},
      {"findings", S.Findings},
      {"fixable", S.Fixable},
      {"fixed", S.Fixed},
      {"manual", S.Manual},
      {"suppressed", S.Suppressed},
      {"baselined", S.Baselined},
      {"untraced_client_calls", S.UntracedClientCalls},
      {"by_rule",
       llvm::json::Object{
           {"hardcoded-endpoint", S.HardcodedEndpoints},
           {"hardcoded-credential", S.HardcodedCredentials},
           {"partially-hardcoded", S.PartiallyHardcoded},
       }},
  };
}

llvm::json::Array stringArray(const std::vector<std::string> &Strings) {
  return llvm::json::Array(Strings);
}

llvm::json::Array profilesToJson(const std::vector<ProfileInfo> &Profiles) {
  llvm::json::Array Out;
  for (const ProfileInfo &P : Profiles) {
    Out.push_back(llvm::json::Object{{"name", P.Name},
                                     {"address", P.Address},
                                     {"endpoint", P.Endpoint},
                                     {"sites", P.Sites},
                                     {"variables", stringArray(P.Variables)},
                                     {"must_set", stringArray(P.MustSet)}});
  }
  return Out;
}

} // namespace

void writeJson(const Report &Input, llvm::raw_ostream &OS) {
  const Report R = sanitizedReport(Input);
  llvm::json::Array Files;
  for (const FileReport &File : R.Files)
    Files.push_back(fileToJson(File, R.Root));
  llvm::json::Object Doc{{"tool", "rehost"},
                         {"version", Version},
                         {"root", R.Root},
                         {"files", std::move(Files)},
                         {"profiles", profilesToJson(R.Profiles)},
                         {"summary", summaryToJson(R.computeSummary())}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))) << '\n';
}

} // namespace rehost
