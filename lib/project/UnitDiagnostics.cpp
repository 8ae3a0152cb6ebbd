//===- UnitDiagnostics.cpp - The compiler's messages about one unit -------===//

#include "UnitDiagnostics.h"

#include "rehost/Paths.h"

#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/TextDiagnostic.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace rehost {
namespace {

/// The absolute path of the file \p PLoc names: the file Clang read (real
/// path) unless a #line directive renamed it.
std::string diagnosedFile(FullSourceLoc Loc, const PresumedLoc &PLoc) {
  llvm::StringRef Named = PLoc.getFilename();
  if (Loc.isValid() && Loc.hasManager()) {
    const SourceManager &SM = Loc.getManager();
    if (const FileEntry *Entry =
            SM.getFileEntryForID(SM.getFileID(SM.getFileLoc(Loc))))
      if (llvm::StringRef Real = Entry->tryGetRealPathName();
          !Real.empty() &&
          llvm::sys::path::filename(Real) == llvm::sys::path::filename(Named))
        return Real.str();
  }
  return absolutePath(Named);
}

} // namespace

/// Clang's own text diagnostics, with file names as findings show them:
/// relative to the project root when inside it.
class RootRelativeDiagnostic : public TextDiagnostic {
public:
  RootRelativeDiagnostic(llvm::raw_ostream &OS, const LangOptions &LangOpts,
                         DiagnosticOptions *Options, llvm::StringRef Root)
      : TextDiagnostic(OS, LangOpts, Options), Out(OS), Root(Root) {}

protected:
  void emitDiagnosticLoc(FullSourceLoc Loc, PresumedLoc PLoc,
                         DiagnosticsEngine::Level Level,
                         llvm::ArrayRef<CharSourceRange> Ranges) override {
    if (PLoc.isInvalid())
      return;
    Out << displayPath(diagnosedFile(Loc, PLoc), Root) << ':' << PLoc.getLine()
        << ':' << PLoc.getColumn() << ": ";
  }

  void emitIncludeLocation(FullSourceLoc Loc, PresumedLoc PLoc) override {
    if (PLoc.isInvalid()) {
      Out << "In included file:\n";
      return;
    }
    Out << "In file included from "
        << displayPath(diagnosedFile(Loc, PLoc), Root) << ':' << PLoc.getLine()
        << ":\n";
  }

private:
  llvm::raw_ostream &Out;
  llvm::StringRef Root;
};

FirstErrorRecorder::FirstErrorRecorder(llvm::raw_ostream &Log,
                                       llvm::StringRef Root)
    : Log(Log), Root(Root), Options(new DiagnosticOptions) {}

FirstErrorRecorder::~FirstErrorRecorder() = default;

void FirstErrorRecorder::BeginSourceFile(const LangOptions &LangOpts,
                                         const Preprocessor *PP) {
  Text =
      std::make_unique<RootRelativeDiagnostic>(Log, LangOpts, &*Options, Root);
}

void FirstErrorRecorder::EndSourceFile() { Text.reset(); }

void FirstErrorRecorder::HandleDiagnostic(DiagnosticsEngine::Level Level,
                                          const Diagnostic &Info) {
  DiagnosticConsumer::HandleDiagnostic(Level, Info);
  llvm::SmallString<256> Message;
  Info.FormatDiagnostic(Message);
  print(Level, Info, Message);
  if (Level < DiagnosticsEngine::Error || First)
    return;
  CompilerError E;
  E.Message = std::string(Message);
  if (Info.getLocation().isValid() && Info.hasSourceManager()) {
    FullSourceLoc Loc(Info.getLocation(), Info.getSourceManager());
    PresumedLoc Presumed =
        Loc.getManager().getPresumedLoc(Loc.getManager().getFileLoc(Loc));
    if (Presumed.isValid()) {
      E.File = diagnosedFile(Loc, Presumed);
      E.Line = Presumed.getLine();
      E.Column = Presumed.getColumn();
    }
  }
  First = std::move(E);
}

void FirstErrorRecorder::print(DiagnosticsEngine::Level Level,
                               const Diagnostic &Info,
                               llvm::StringRef Message) {
  std::string Text = Message.str();
  // The warning flag, as Clang's printer shows it ("[-Wnon-pod-varargs]").
  llvm::StringRef Flag = DiagnosticIDs::getWarningOptionForDiag(Info.getID());
  if (!Flag.empty() && Level >= DiagnosticsEngine::Warning)
    Text += (" [-W" + Flag + "]").str();
  if (!Info.getLocation().isValid() || !Info.hasSourceManager() ||
      !this->Text) {
    // The driver's own errors ("unknown argument") have no place.
    TextDiagnostic::printDiagnosticLevel(Log, Level, Options->ShowColors);
    TextDiagnostic::printDiagnosticMessage(
        Log, Level == DiagnosticsEngine::Note, Text, 0, 0, Options->ShowColors);
    Log.flush();
    return;
  }
  this->Text->emitDiagnostic(
      FullSourceLoc(Info.getLocation(), Info.getSourceManager()), Level, Text,
      Info.getRanges(), Info.getFixItHints());
  Log.flush();
}

} // namespace rehost
