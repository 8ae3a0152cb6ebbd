//===- Report.h - The one report model every output format reads ----------===//

#ifndef REHOST_REPORT_H
#define REHOST_REPORT_H

#include "rehost/Site.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace rehost {

/// What happens (or would happen) to a finding.
enum class Action {
  Fixable,    ///< Planned: fix rewrites it.
  Fixed,      ///< Only as a FixRecord shows it: its file was written.
  Manual,     ///< Reported, not rewritten; Reason says why.
  Suppressed, ///< Silenced by a comment (SuppressedBy); Reason is its reason.
};
llvm::StringRef actionName(Action A);
/// How reports name an API kind: "function", "method", ...
llvm::StringRef apiKindName(ApiKind K);

/// Which credentials a hardcoded-credential finding holds: data, so the
/// deployment's variables follow from it (noteCredentialsToSet).
enum class CredentialKind { None, User, Password, UserAndPassword };
/// How reports name it: "", "user name", "password", "user name and
/// password".
llvm::StringRef credentialName(CredentialKind K);
inline bool holdsUser(CredentialKind K) {
  return K == CredentialKind::User || K == CredentialKind::UserAndPassword;
}
inline bool holdsPassword(CredentialKind K) {
  return K == CredentialKind::Password || K == CredentialKind::UserAndPassword;
}

struct Finding {
  Rule R = Rule::HardcodedEndpoint;
  std::string Api;
  ApiKind Kind = ApiKind::Function;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string LineText;
  std::string Endpoint; ///< As a URI, credentials redacted.
  /// For hardcoded-credential: what is written; None for the other rules.
  CredentialKind Credential = CredentialKind::None;
  std::string Function; ///< The enclosing function; empty at file scope.
  /// For a derived finding: the path from it to the client call (Site's
  /// Chain, each File shown relative to the report's root).
  std::vector<FlowStep> Chain;
  std::string Profile; ///< Empty when the site gets no profile (manual).
  Action Act = Action::Fixable;
  std::string Reason;
  /// For a suppressed finding: the comment's form ("NOLINT", "rehost: allow").
  std::string SuppressedBy;
  /// The source line as it was and, when fix rewrites it, as it becomes
  /// (passwords redacted in both). After is empty when nothing changes.
  std::string Before;
  std::string After;
  /// The file the rewrite edits (a macro body may live in another header);
  /// empty when nothing is edited.
  std::string EditFile;
  /// The finding's identity, stable across unrelated edits: a digest of
  /// the project-relative path, rule, API, the site's text and enclosing
  /// function, and its occurrence among sites alike (Project.cpp). Never
  /// the line number or the working directory's path.
  std::string Fingerprint;
  /// `check --format sarif` keeps the findings the baseline records, so
  /// code scanning keeps tracking them: they count as baselined, not as
  /// findings (see markBaselined).
  bool InBaseline = false;

  /// The one-line diagnostic message; a derived finding's names the path
  /// its value takes to the client call.
  std::string message() const;
  /// What the value does at hop \p I of Chain, for the notes and flow steps
  /// that show it: "'RedisPool::init' passes it on here", the last "...
  /// passes it to 'redisConnect' here".
  std::string hopMessage(size_t I) const;
  /// Whether the finding counts: not suppressed, not in the baseline.
  bool isActive() const { return Act != Action::Suppressed && !InBaseline; }
};

/// What separates the hops of a chain wherever one is shown (messages are
/// ASCII).
constexpr llvm::StringLiteral HopSeparator = " -> ";

/// Where \p Step hands the value on, as messages name a place:
/// "redis_conn.cpp:8".
std::string placeOf(const FlowStep &Step);

/// The first error the compiler reported for a translation unit: the cause
/// a report gives for a file that could not be parsed.
struct CompilerError {
  std::string File; ///< Absolute; empty for an error without a place (the
                    ///< driver's "unknown argument").
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Message; ///< As the compiler words it, without "error: ".
};

struct FileReport {
  /// Skipped: not analysed, but it cannot hold a site (a unit whose
  /// missing headers are none of a client library's); Error says why.
  enum class Status { Clean, Findings, Error, Skipped };
  std::string Path;        ///< Absolute path.
  std::string DisplayPath; ///< Relative to the report root when inside it.
  Status State = Status::Clean;
  std::string Error; ///< Why the file could not be analysed.
  /// When it could not be parsed: the compiler's first error, if it gave one.
  std::optional<CompilerError> FirstError;
  std::vector<Finding> Findings;
};
llvm::StringRef statusName(FileReport::Status S);

/// The public address of a page of rehost's docs/ (\p Page: "rules.md",
/// optionally with "#anchor"), under the URL the build was given
/// (REHOST_DOCS_URL): what reports link to, never a path in rehost's source.
std::string docsUrl(llvm::StringRef Page);
/// Where \p R is documented: its heading in docs/rules.md.
std::string ruleHelpUri(Rule R);

struct Summary {
  unsigned FilesScanned = 0;
  unsigned FilesWithFindings = 0;
  unsigned FilesWithErrors = 0;
  /// Units not analysed that cannot hold a site (missing headers that are
  /// no client library's); they do not change the exit status.
  unsigned FilesSkipped = 0;
  unsigned FilesFixed = 0; ///< Files with at least one finding fixed.
  unsigned Findings = 0;
  unsigned HardcodedEndpoints = 0;
  unsigned HardcodedCredentials = 0;
  unsigned PartiallyHardcoded = 0;
  unsigned Fixable = 0;
  unsigned Fixed = 0;
  unsigned Manual = 0;
  unsigned Suppressed = 0; ///< Not counted in Findings.
  unsigned Baselined = 0;  ///< Left out of the report by check's baseline.
  /// Client calls whose endpoint comes from a wrapper or field no scanned
  /// code gives a value (untracedClientCalls): not covered by the result.
  unsigned UntracedClientCalls = 0;
};

/// One profile the runtime will resolve: the name, the endpoint the code
/// used (credentials redacted), and the environment variables that override
/// it.
struct ProfileInfo {
  std::string Name;
  std::string Address;  ///< Endpoint::address(), the key the profile names.
  std::string Endpoint; ///< For people; credentials redacted.
  std::vector<std::string> Variables;
  unsigned Sites = 0; ///< How many findings use it.
  /// The variables the deployment must now set because `fix` takes a
  /// credential of this profile out of the code (REDIS_QUEUE_PASSWORD).
  std::vector<std::string> MustSet;
};

/// What `rehost fix` did with the files it planned edits for. The findings
/// keep what was planned; this record says how it ended, and a finding is
/// shown through it (Report::outcome).
struct FixRecord {
  bool SourcesWritten = false; ///< Not a dry run: edited files were written.
  /// Files whose edits were refused or put back (absolute path), with why.
  std::map<std::string, std::string> Refused;
};

struct Report {
  std::string Command = "scan";  ///< "scan" or "fix", for headings.
  std::string Root;              ///< Directory report paths are relative to.
  std::vector<FileReport> Files; ///< Sorted by path.
  std::vector<ProfileInfo> Profiles; ///< "default" first, then by name.
  unsigned TranslationUnits = 0;     ///< How many were analysed.
  /// Summary::UntracedClientCalls, from the facts.
  unsigned UntracedClientCalls = 0;
  /// Findings `check` left out because the baseline records them.
  unsigned Baselined = 0;
  /// `check` compared the findings with a baseline: SARIF says of each
  /// whether it is new or in the baseline (baselineState).
  bool ComparedToBaseline = false;
  std::optional<FixRecord> Fix; ///< Set by `fix` once it has run.

  /// \p F as the fix left it: a planned rewrite whose file was written is
  /// fixed; one whose file was refused is manual, with the reason.
  Finding outcome(const Finding &F) const;
  Summary computeSummary() const;
};

/// Drops from \p R the findings \p Keep rejects (check on a file list or a
/// diff); a file left with no finding is clean unless it failed.
void keepFindings(
    Report &R,
    llvm::function_ref<bool(const FileReport &, const Finding &)> Keep);

/// \p Text as valid UTF-8: each invalid sequence becomes U+FFFD. Source
/// lines and literals are bytes as written; a report holds text.
std::string validUtf8(llvm::StringRef Text);

/// \p R as every writer shows it: each finding as the fix left it
/// (Report::outcome) and every string made valid UTF-8 (validUtf8), so no
/// writer copies raw bytes into its output.
Report sanitizedReport(const Report &R);

enum class Format { Text, Json, Sarif, Markdown, Html, Github };

/// Parses a --format value.
llvm::Expected<Format> parseFormat(llvm::StringRef Name);

/// Writes \p R in \p F.
void writeReport(const Report &R, Format F, llvm::raw_ostream &OS);

void writeText(const Report &R, llvm::raw_ostream &OS);
void writeJson(const Report &R, llvm::raw_ostream &OS);
void writeSarif(const Report &R, llvm::raw_ostream &OS);
/// The file:// URI SARIF gives \p Root as SRCROOT, ending in '/'.
std::string sarifRootUri(llvm::StringRef Root);
/// The per-file fix report a reviewer reads in a pull request.
void writeMarkdown(const Report &R, llvm::raw_ostream &OS);
/// The Markdown report's content as one self-contained HTML page.
void writeHtml(const Report &R, llvm::raw_ostream &OS);
/// GitHub Actions workflow commands, one annotation per finding.
void writeGithub(const Report &R, llvm::raw_ostream &OS);

} // namespace rehost

#endif // REHOST_REPORT_H
