//===- ReportView.h - What the reviewer reports show, before markup -------===//
//
// The Markdown and HTML reports say the same things in the same order; only
// their markup differs. This view decides the content once (which counts,
// which rows, what an empty cell reads as) so each writer only renders spans,
// tables and headings.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_REPORT_REPORTVIEW_H
#define REHOST_LIB_REPORT_REPORTVIEW_H

#include "rehost/Report.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace rehost {

/// A run of text; Code text (source, identifiers, commands) is shown as code.
struct Span {
  std::string Text;
  bool Code = false;
};
using Paragraph = std::vector<Span>;

struct Table {
  std::vector<llvm::StringRef> Header;
  std::vector<std::vector<Paragraph>> Rows; ///< One cell per column.
};

/// One labelled number of the summary.
struct Count {
  llvm::StringRef Label;
  unsigned Value = 0;
};

/// What a rewrite changes, as the lines of a unified diff: a "@@ ... @@"
/// header naming the line, then "-" the line as written and "+" as it
/// becomes (passwords masked, as in every output). Empty when nothing
/// changes.
using Hunk = std::vector<std::string>;

/// A file with findings or an error; clean files are only counted.
struct FileSection {
  std::string Path;
  std::string Error; ///< "Not analysed: why", when it could not be.
  Table Findings;    ///< Empty when the file has none.
  /// One per row of Findings. The Markdown report shows them as a diff
  /// block, which GitHub colours; table cells flatten a line's layout.
  std::vector<Hunk> Changes;
  /// One per row of Findings, shown under the table: a derived finding's
  /// path to the client call ("Line 5 reaches `redisConnect` through ...");
  /// empty for a direct one.
  std::vector<Paragraph> Chains;
};

/// A block of code to copy, with the language a renderer may highlight.
struct CodeBlock {
  llvm::StringRef Language;
  std::vector<llvm::StringRef> Lines;
};

/// The closing section: how to link the runtime the fix calls into, and
/// how to configure it where the service runs.
struct LinkingSection {
  llvm::StringRef Heading;
  Paragraph PkgConfigIntro;
  CodeBlock PkgConfig;
  Paragraph CMakeIntro;
  CodeBlock CMake;
  Paragraph Doctor;
  Paragraph Deploy; ///< `rehost env`: what the deployment must now set.
};

struct ReportView {
  std::string Title;
  llvm::StringRef SummaryHeading;
  std::vector<Count> Counts;
  /// fix: "3 of 4 findings fixed (75%)"; a report that fixes nothing
  /// (scan, check): "4 findings, 3 fixable".
  std::string FixedShare;
  llvm::StringRef ProfilesHeading;
  Table Profiles;
  llvm::StringRef NoProfiles; ///< Said instead of an empty table.
  llvm::StringRef FilesHeading;
  std::vector<FileSection> Files;
  llvm::StringRef NoFiles; ///< Said when no file has findings or errors.
  LinkingSection Linking;
};

ReportView buildReportView(const Report &R);

} // namespace rehost

#endif // REHOST_LIB_REPORT_REPORTVIEW_H
