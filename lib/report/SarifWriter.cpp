//===- SarifWriter.cpp - SARIF 2.1.0 for code scanning --------------------===//
//
// Paths are relative URIs under the SRCROOT base so GitHub code scanning can
// place results in the repository; partialFingerprints carry the finding's
// fingerprint (no line number in it), so an alert keeps its identity when
// code above it moves.
//
//===----------------------------------------------------------------------===//

#include "rehost/LLVMCompat.h"
#include "rehost/Paths.h"
#include "rehost/Report.h"
#include "rehost/Version.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace rehost {
namespace {

/// What code scanning shows of a rule: its title, description, how to fix
/// it (with the runtime call to use), tags and, for a security rule, the
/// severity that files it as a security alert.
struct RuleInfo {
  Rule R;
  llvm::StringLiteral Name;
  llvm::StringLiteral Title;
  llvm::StringLiteral Description;
  llvm::StringLiteral HelpMarkdown;
  llvm::StringLiteral Tags[3];
  llvm::StringLiteral
      SecuritySeverity; ///< CVSS-like "0.0".."10.0"; empty: none.
};

const RuleInfo Rules[] = {
    {Rule::HardcodedEndpoint,
     "HardcodedEndpoint",
     "Hardcoded Redis endpoint",
     "A Redis client is pointed at a host, port or socket fixed in the "
     "source; move it onto configuration with `rehost fix`.",
     "Every part of the endpoint the call takes (host and port, or the "
     "socket path) is constant, so the service connects there in every "
     "deployment.\n\n**How to fix:** run `rehost fix`. It rewrites the call "
     "onto the rehost runtime with the endpoint as the profile's fallback, "
     "e.g. `redisConnect(\"10.0.0.9\", 6379)` becomes "
     "`rehost_redisConnect(\"default\", \"10.0.0.9\", 6379)`, and the "
     "deployment sets `REDIS_URL` (or `REDIS_<PROFILE>_URL`; `rehost env` "
     "writes them). A fixture that really means a local server takes "
     "`// NOLINT(rehost-hardcoded-endpoint): reason`.",
     {"maintainability", "configuration", ""},
     ""},
    {Rule::HardcodedCredential,
     "HardcodedCredential",
     "Hardcoded Redis credential",
     "A Redis password or ACL user is written in the source.",
     "A password or ACL user name is written in the source (an `AUTH` "
     "command, a password option or field, a URI's user info): anyone who "
     "can read the code can use it.\n\n**How to fix:** run `rehost fix`, "
     "which sends the credential from the connection's profile instead "
     "(`rehost_redisAuth(c, \"PROFILE\")` for an `AUTH` command, "
     "`rehost::configure(opts, \"PROFILE\")` for redis-plus-plus options) and "
     "never keeps it as a fallback; set `REDIS_PASSWORD` or "
     "`REDIS_<PROFILE>_PASSWORD_FILE` where the service runs, then rotate "
     "the password: it is in the repository's history.",
     {"security", "external/cwe/cwe-798", "configuration"},
     "7.5"},
    {Rule::PartiallyHardcoded,
     "PartiallyHardcoded",
     "Partially hardcoded Redis endpoint",
     "A Redis endpoint mixes a constant fallback with values computed at run "
     "time.",
     "A constant fallback is mixed with values computed at run time "
     "(`argc > 1 ? argv[1] : \"localhost\"`). rehost reports it `manual`: "
     "which value should win is a human decision.\n\n**How to fix:** read "
     "the endpoint from the profile with the runtime "
     "(`rehost_redisConnect(\"PROFILE\", NULL, 0)` in C, "
     "`rehost::uri(\"PROFILE\")` "
     "in C++) and drop the constant fallback.",
     {"maintainability", "configuration", ""},
     ""},
};

unsigned ruleIndex(Rule R) {
  for (unsigned I = 0; I != std::size(Rules); ++I)
    if (Rules[I].R == R)
      return I;
  return 0;
}

/// Percent-encodes what may not appear raw in a URI path.
std::string encodeUriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Out;
}

/// A file as reports show it: relative to the root when inside it (under
/// SRCROOT), else absolute.
llvm::json::Object artifactLocation(llvm::StringRef DisplayPath) {
  if (llvm::sys::path::is_absolute(DisplayPath))
    return llvm::json::Object{{"uri", "file://" + encodeUriPath(DisplayPath)}};
  return llvm::json::Object{{"uri", encodeUriPath(DisplayPath)},
                            {"uriBaseId", "SRCROOT"}};
}

llvm::json::Object physicalLocation(llvm::StringRef DisplayPath, unsigned Line,
                                    unsigned Column) {
  llvm::json::Object Region{{"startLine", Line}};
  if (Column)
    Region["startColumn"] = Column;
  return llvm::json::Object{{"artifactLocation", artifactLocation(DisplayPath)},
                            {"region", std::move(Region)}};
}

/// A file that could not be analysed; placed at the compiler's first error
/// when it gave one.
llvm::json::Object notification(const FileReport &File, llvm::StringRef Root) {
  llvm::json::Object Out{
      {"level", "error"},
      {"message",
       llvm::json::Object{{"text", File.DisplayPath + ": " + File.Error}}},
  };
  if (File.FirstError && !File.FirstError->File.empty()) {
    const CompilerError &E = *File.FirstError;
    Out["locations"] = llvm::json::Array{llvm::json::Object{
        {"physicalLocation",
         physicalLocation(displayPath(E.File, Root), E.Line, E.Column)}}};
  }
  return Out;
}

/// A location with a message, as code flows and related locations show
/// them. The message is owned: a json::Value made from a StringRef is not.
llvm::json::Object explainedLocation(llvm::json::Object Physical,
                                     std::string Message) {
  return llvm::json::Object{
      {"physicalLocation", std::move(Physical)},
      {"message", llvm::json::Object{{"text", std::move(Message)}}}};
}

/// A derived finding's path to the client call, in SARIF's two forms:
/// relatedLocations (each hop, numbered) for viewers that list them, and one
/// threadFlow (the site, then each hop) for those that step through it.
void addChain(llvm::json::Object &Result, const FileReport &File,
              const Finding &F) {
  llvm::json::Array Related;
  llvm::json::Array Steps{llvm::json::Object{
      {"location",
       explainedLocation(physicalLocation(File.DisplayPath, F.Line, F.Column),
                         "the value is written here")}}};
  for (size_t I = 0; I != F.Chain.size(); ++I) {
    const FlowStep &Step = F.Chain[I];
    llvm::json::Object Hop = explainedLocation(
        physicalLocation(Step.File, Step.Line, Step.Column), F.hopMessage(I));
    Steps.push_back(llvm::json::Object{{"location", llvm::json::Object(Hop)}});
    Hop["id"] = static_cast<int64_t>(I);
    Related.push_back(std::move(Hop));
  }
  Result["relatedLocations"] = std::move(Related);
  Result["codeFlows"] = llvm::json::Array{llvm::json::Object{
      {"threadFlows", llvm::json::Array{llvm::json::Object{
                          {"locations", std::move(Steps)}}}}}};
}

llvm::json::Object result(const FileReport &File, const Finding &F,
                          bool ComparedToBaseline) {
  llvm::json::Object Physical =
      physicalLocation(File.DisplayPath, F.Line, F.Column);
  Physical.getObject("region")->try_emplace(
      "snippet", llvm::json::Object{{"text", F.LineText}});
  llvm::json::Object Properties{
      {"api", F.Api}, {"endpoint", F.Endpoint}, {"action", actionName(F.Act)}};
  if (!F.Profile.empty())
    Properties["profile"] = F.Profile;
  if (!F.Reason.empty())
    Properties["reason"] = F.Reason;
  llvm::json::Object Result{
      {"ruleId", checkName(F.R)},
      {"ruleIndex", ruleIndex(F.R)},
      {"level", "warning"},
      {"message", llvm::json::Object{{"text", F.message()}}},
      {"locations", llvm::json::Array{llvm::json::Object{
                        {"physicalLocation", std::move(Physical)}}}},
      {"partialFingerprints",
       llvm::json::Object{{"rehostSite/v2", F.Fingerprint}}},
      {"properties", std::move(Properties)},
  };
  if (!F.Chain.empty())
    addChain(Result, File, F);
  // SARIF's own ways to say a comment in the source silenced the result, or
  // the baseline (outside the source) accepted it for now.
  if (F.InBaseline)
    Result["suppressions"] = llvm::json::Array{llvm::json::Object{
        {"kind", "external"},
        {"justification", "recorded in the baseline (rehost baseline)"}}};
  else if (!F.isActive())
    Result["suppressions"] = llvm::json::Array{
        llvm::json::Object{{"kind", "inSource"}, {"justification", F.Reason}}};
  // In the baseline or not; a finding silenced in the source is neither.
  if (ComparedToBaseline && (F.InBaseline || F.Act != Action::Suppressed))
    Result["baselineState"] = F.InBaseline ? "unchanged" : "new";
  return Result;
}

llvm::json::Array ruleDescriptors() {
  llvm::json::Array Out;
  for (const RuleInfo &Info : Rules) {
    llvm::json::Array Tags;
    for (llvm::StringRef Tag : Info.Tags)
      if (!Tag.empty())
        Tags.push_back(Tag);
    llvm::json::Object Properties{{"tags", std::move(Tags)}};
    if (!Info.SecuritySeverity.empty())
      Properties["security-severity"] = Info.SecuritySeverity;
    Out.push_back(llvm::json::Object{
        {"id", checkName(Info.R)},
        {"name", Info.Name},
        {"shortDescription", llvm::json::Object{{"text", Info.Title}}},
        {"fullDescription", llvm::json::Object{{"text", Info.Description}}},
        {"helpUri", ruleHelpUri(Info.R)},
        {"help",
         llvm::json::Object{{"text", (llvm::Twine(Info.Description) + " See " +
                                      ruleHelpUri(Info.R) + ".")
                                         .str()},
                            {"markdown", Info.HelpMarkdown}}},
        {"defaultConfiguration",
         llvm::json::Object{
             {"level", Info.SecuritySeverity.empty() ? "warning" : "error"}}},
        {"properties", std::move(Properties)},
    });
  }
  return Out;
}

} // namespace

std::string sarifRootUri(llvm::StringRef Root) {
  std::string Uri = "file://" + encodeUriPath(Root);
  if (!endsWith(Uri, "/"))
    Uri += '/';
  return Uri;
}

void writeSarif(const Report &Input, llvm::raw_ostream &OS) {
  const Report R = sanitizedReport(Input);
  llvm::json::Array Results;
  llvm::json::Array Notifications;
  for (const FileReport &File : R.Files) {
    for (const Finding &F : File.Findings)
      Results.push_back(result(File, F, R.ComparedToBaseline));
    if (File.State == FileReport::Status::Error)
      Notifications.push_back(notification(File, R.Root));
  }
  // After the errors: executionSuccessful counts errors only.
  bool Successful = Notifications.empty();
  for (const FileReport &File : R.Files)
    if (File.State == FileReport::Status::Skipped) {
      llvm::json::Object Note = notification(File, R.Root);
      Note["level"] = "note";
      Notifications.push_back(std::move(Note));
    }
  llvm::json::Object Driver{
      {"name", "rehost"}, {"version", Version}, {"rules", ruleDescriptors()}};
  llvm::json::Object Invocation{
      {"executionSuccessful", Successful},
      {"toolExecutionNotifications", std::move(Notifications)}};
  llvm::json::Object Run{
      {"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       llvm::json::Object{
           {"SRCROOT", llvm::json::Object{{"uri", sarifRootUri(R.Root)}}}}},
      {"invocations", llvm::json::Array{std::move(Invocation)}},
      {"results", std::move(Results)}};
  llvm::json::Object Doc{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))) << '\n';
}

} // namespace rehost
