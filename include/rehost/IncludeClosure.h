//===- IncludeClosure.h - The files a translation unit includes -----------===//
//
// The pre-filter: a unit can contain a site only if its include closure
// holds a client library's header (every site uses a declaration from one),
// so a unit whose closure holds none need not be parsed. The closure comes
// from Clang's dependency-directives scanner, which preprocesses each file's
// directives only, with the unit's own flags (conditions, include paths and
// computed includes as the compiler sees them), and shares what it read
// between units. Before it, the file facts of IncludeGraph.h (each file
// read once for the whole run) prove most units skippable without it.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_INCLUDECLOSURE_H
#define REHOST_INCLUDECLOSURE_H

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tooling::dependencies {
class DependencyScanningService;
} // namespace clang::tooling::dependencies

namespace rehost {

class IncludeGraph;

/// One scanner for the whole run; thread-safe. Each worker thread asks for
/// its own Worker.
class IncludeScanner {
public:
  IncludeScanner();
  ~IncludeScanner();

  /// Answers from each file's facts first (IncludeGraph.h), asking Clang's
  /// scanner only what they cannot prove.
  void answerFromFileFacts(std::unique_ptr<IncludeGraph> Graph);
  /// The file facts' graph, if used.
  IncludeGraph *fileFacts() { return Graph.get(); }

  class Worker {
  public:
    explicit Worker(IncludeScanner &Scanner);
    ~Worker();
    IncludeScanner &scanner() { return Owner; }
    /// The files \p CommandLine (a compiler command, adjusted as the parse
    /// adjusts it, run in \p Directory) reads, the main file first; none
    /// when the scanner fails (a missing header): the unit is then parsed,
    /// so the compiler reports why.
    std::optional<std::vector<std::string>>
    closure(const std::vector<std::string> &CommandLine,
            llvm::StringRef Directory);

    /// The closure as far as it can be resolved: the files found, and the
    /// headers that were not (as spelled in their #include), which the
    /// scan steps over as the compiler's -MG does. None when the scanner
    /// fails for another reason.
    struct PartialClosure {
      std::vector<std::string> Found;
      std::vector<std::string> Missing;
    };
    std::optional<PartialClosure>
    partialClosure(std::vector<std::string> CommandLine,
                   llvm::StringRef Directory);

  private:
    IncludeScanner &Owner;
    struct Impl;
    std::unique_ptr<Impl> P;
  };

private:
  std::unique_ptr<clang::tooling::dependencies::DependencyScanningService>
      Service;
  std::unique_ptr<IncludeGraph> Graph;
};

/// The file names of a Make-style dependency list ("out.o: a.c b.h \\\n c.h"),
/// with Make's escapes undone.
std::vector<std::string> parseMakeDependencies(llvm::StringRef Text);

} // namespace rehost

#endif // REHOST_INCLUDECLOSURE_H
