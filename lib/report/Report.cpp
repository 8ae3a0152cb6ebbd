//===- Report.cpp - The report model shared by every output format --------===//

#include "rehost/Report.h"

#include "rehost/LLVMCompat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>

namespace rehost {

std::string docsUrl(llvm::StringRef Page) {
  return (llvm::Twine(REHOST_DOCS_URL) + "/" + Page).str();
}

// docs/rules.md has one heading per rule id; GitHub anchors it as the id.
std::string ruleHelpUri(Rule R) {
  return docsUrl(("rules.md#" + ruleId(R)).str());
}

llvm::StringRef actionName(Action A) {
  switch (A) {
  case Action::Fixable:
    return "fixable";
  case Action::Fixed:
    return "fixed";
  case Action::Manual:
    return "manual";
  case Action::Suppressed:
    return "suppressed";
  }
  llvm_unreachable("unknown action");
}

llvm::StringRef apiKindName(ApiKind K) {
  switch (K) {
  case ApiKind::Function:
    return "function";
  case ApiKind::Method:
    return "method";
  case ApiKind::Constructor:
    return "constructor";
  case ApiKind::Field:
    return "field";
  }
  llvm_unreachable("unknown API kind");
}

llvm::StringRef credentialName(CredentialKind K) {
  switch (K) {
  case CredentialKind::None:
    return "";
  case CredentialKind::User:
    return "user name";
  case CredentialKind::Password:
    return "password";
  case CredentialKind::UserAndPassword:
    return "user name and password";
  }
  llvm_unreachable("unknown credential kind");
}

llvm::StringRef statusName(FileReport::Status S) {
  switch (S) {
  case FileReport::Status::Clean:
    return "clean";
  case FileReport::Status::Findings:
    return "findings";
  case FileReport::Status::Error:
    return "error";
  case FileReport::Status::Skipped:
    return "skipped";
  }
  llvm_unreachable("unknown status");
}

namespace {

/// How the site hands the endpoint over, for the message: "call to",
/// "construction of", "assignment to".
llvm::StringRef useOf(ApiKind Kind) {
  switch (Kind) {
  case ApiKind::Function:
  case ApiKind::Method:
    return "call to";
  case ApiKind::Constructor:
    return "construction of";
  case ApiKind::Field:
    return "assignment to";
  }
  llvm_unreachable("unknown API kind");
}

} // namespace

std::string placeOf(const FlowStep &Step) {
  return Step.File + ":" + std::to_string(Step.Line);
}

std::string Finding::message() const {
  // A derived finding says how its value gets to the client call, since the
  // site's own line does not show it.
  std::string Where;
  if (Chain.empty()) {
    Where = ("' in " + useOf(Kind) + " '" + Api + "'").str();
  } else {
    std::vector<llvm::StringRef> Names;
    for (const FlowStep &Step : Chain)
      Names.push_back(Step.Name);
    Where = "' reaches '" + Api + "' through " +
            llvm::join(Names, HopSeparator) + " [" + placeOf(Chain.back()) +
            "]";
  }
  switch (R) {
  case Rule::HardcodedEndpoint:
    return "hardcoded Redis endpoint '" + Endpoint + Where;
  case Rule::HardcodedCredential:
    // A credential names the endpoint whose profile it moves to: the URI
    // it is written in, or the connection it is sent on.
    if (Profile.empty())
      return ("hardcoded Redis " + credentialName(Credential) + Where.substr(1))
          .str();
    return ("hardcoded Redis " + credentialName(Credential) + " for '" +
            Endpoint + Where)
        .str();
  case Rule::PartiallyHardcoded:
    return "partially hardcoded Redis endpoint '" + Endpoint + Where +
           ": a constant fallback is mixed with values computed at run time";
  }
  llvm_unreachable("unknown rule");
}

std::string Finding::hopMessage(size_t I) const {
  std::string Out = "'" + Chain[I].Name + "' passes it ";
  return Out + (I + 1 == Chain.size() ? "to '" + Api + "'" : "on") + " here";
}

Finding Report::outcome(const Finding &F) const {
  if (!Fix || F.Act != Action::Fixable)
    return F;
  Finding Out = F;
  auto Refused = Fix->Refused.find(F.EditFile);
  if (Refused != Fix->Refused.end()) {
    Out.Act = Action::Manual;
    Out.Reason = Refused->second;
    Out.After.clear();
  } else if (Fix->SourcesWritten) {
    Out.Act = Action::Fixed;
  }
  return Out;
}

Summary Report::computeSummary() const {
  Summary S;
  S.FilesScanned = TranslationUnits;
  S.Baselined = Baselined;
  S.UntracedClientCalls = UntracedClientCalls;
  for (const FileReport &File : Files) {
    S.FilesWithFindings +=
        llvm::any_of(File.Findings, std::mem_fn(&Finding::isActive));
    S.FilesWithErrors += File.State == FileReport::Status::Error;
    S.FilesSkipped += File.State == FileReport::Status::Skipped;
    bool AnyFixed = false;
    for (const Finding &Planned : File.Findings) {
      Finding F = outcome(Planned);
      if (F.InBaseline) {
        ++S.Baselined;
        continue;
      }
      if (!F.isActive()) {
        ++S.Suppressed;
        continue;
      }
      ++S.Findings;
      S.HardcodedEndpoints += F.R == Rule::HardcodedEndpoint;
      S.HardcodedCredentials += F.R == Rule::HardcodedCredential;
      S.PartiallyHardcoded += F.R == Rule::PartiallyHardcoded;
      S.Fixable += F.Act == Action::Fixable;
      S.Fixed += F.Act == Action::Fixed;
      S.Manual += F.Act == Action::Manual;
      AnyFixed |= F.Act == Action::Fixed;
    }
    S.FilesFixed += AnyFixed;
  }
  return S;
}

void keepFindings(
    Report &R,
    llvm::function_ref<bool(const FileReport &, const Finding &)> Keep) {
  for (FileReport &File : R.Files) {
    llvm::erase_if(File.Findings,
                   [&](const Finding &F) { return !Keep(File, F); });
    if (File.State == FileReport::Status::Findings &&
        llvm::none_of(File.Findings, std::mem_fn(&Finding::isActive)))
      File.State = FileReport::Status::Clean;
  }
}

std::string validUtf8(llvm::StringRef Text) {
  return llvm::json::isUTF8(Text) ? Text.str() : llvm::json::fixUTF8(Text);
}

Report sanitizedReport(const Report &R) {
  Report Out = R;
  for (FileReport &File : Out.Files)
    for (Finding &F : File.Findings)
      F = R.outcome(F);
  Out.Fix.reset(); // Applied.
  auto Fix = [](std::string &Text) { Text = validUtf8(Text); };
  Fix(Out.Command);
  Fix(Out.Root);
  for (FileReport &File : Out.Files) {
    Fix(File.Path);
    Fix(File.DisplayPath);
    Fix(File.Error);
    for (Finding &F : File.Findings)
      for (std::string *Text :
           {&F.Api, &F.LineText, &F.Endpoint, &F.Function, &F.Profile,
            &F.Reason, &F.SuppressedBy, &F.Before, &F.After, &F.EditFile})
        Fix(*Text);
    for (Finding &F : File.Findings)
      for (FlowStep &Step : F.Chain) {
        Fix(Step.Name);
        Fix(Step.File);
      }
  }
  for (ProfileInfo &P : Out.Profiles) {
    Fix(P.Name);
    Fix(P.Address);
    Fix(P.Endpoint);
    for (std::string &Variable : P.Variables)
      Fix(Variable);
  }
  return Out;
}

llvm::Expected<Format> parseFormat(llvm::StringRef Name) {
  if (Name == "text")
    return Format::Text;
  if (Name == "json")
    return Format::Json;
  if (Name == "sarif")
    return Format::Sarif;
  if (Name == "markdown")
    return Format::Markdown;
  if (Name == "html")
    return Format::Html;
  if (Name == "github")
    return Format::Github;
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "unknown report format '%s' (expected text, "
                                 "json, sarif, markdown, html or github)",
                                 Name.str().c_str());
}

void writeReport(const Report &R, Format F, llvm::raw_ostream &OS) {
  switch (F) {
  case Format::Text:
    return writeText(R, OS);
  case Format::Json:
    return writeJson(R, OS);
  case Format::Sarif:
    return writeSarif(R, OS);
  case Format::Markdown:
    return writeMarkdown(R, OS);
  case Format::Html:
    return writeHtml(R, OS);
  case Format::Github:
    return writeGithub(R, OS);
  }
}

} // namespace rehost
