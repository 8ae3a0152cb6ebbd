//===- RewritePlanner.cpp - Phase one: how a site moves onto the runtime --===//

#include "rehost/RewritePlanner.h"

#include "rehost/Catalog.h"

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/MD5.h"

using namespace clang;

namespace rehost {
namespace {

Rewrite manual(llvm::StringRef Reason) {
  Rewrite R;
  R.ManualReason = Reason.str();
  return R;
}

std::string realPath(const SourceManager &SM, FileID File) {
  const FileEntry *Entry = SM.getFileEntryForID(File);
  return Entry ? Entry->tryGetRealPathName().str() : std::string();
}

/// The runtime header a family's rewrites need.
llvm::StringRef runtimeHeader(const LibraryFamily &Family) {
  return Family.Lang == Language::C ? "rehost/rehost.h" : "rehost/rehost.hpp";
}

/// `redisConnect(host, port)` -> `rehost_redisConnect("{profile}", host,
/// port)`: two edits where the name and its parenthesis are written.
Rewrite planDropInCall(const CallExpr &Call, const CatalogEntry &Entry,
                       const SourceManager &SM, const LangOptions &LangOpts,
                       FileDigests &Digests) {
  const auto *Callee =
      dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreParenImpCasts());
  if (!Callee)
    return manual("the function is called through an expression");

  // The name is edited where it is written: in the file, in a macro argument
  // (also in the file), or in a macro body (then every expansion changes).
  SourceLocation Name = SM.getSpellingLoc(Callee->getLocation());
  FileID File = SM.getFileID(Name);
  std::string Path = realPath(SM, File);
  if (Path.empty())
    return manual("the call is produced by token pasting");
  if (SM.isInSystemHeader(Name))
    return manual("the call is spelled in a system header");
  llvm::StringRef Spelled =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Name), SM, LangOpts);
  if (Spelled != Entry.Name)
    return manual("the function name is spelled by a macro ('" + Spelled.str() +
                  "')");
  llvm::Optional<Token> Paren = Lexer::findNextToken(Name, SM, LangOpts);
  if (!Paren || !Paren->is(tok::l_paren))
    return manual("the argument list is spelled apart from the function name");

  Rewrite R;
  R.Include = runtimeHeader(*Entry.Family).str();
  R.MacroBodyKey = macroBodyKey(Call, SM);
  const std::string &Digest = Digests.of(File);
  unsigned NameOffset = SM.getFileOffset(Name);
  R.Edits.push_back({Path, NameOffset, static_cast<unsigned>(Spelled.size()),
                     Entry.RuntimeCall.str(), Digest});
  R.Edits.push_back({Path, SM.getFileOffset(Paren->getEndLoc()), 0,
                     ("\"" + PlannedEdit::ProfilePlaceholder + "\", ").str(),
                     Digest});

  llvm::StringRef Buffer = SM.getBufferData(File);
  size_t LineStart = Buffer.rfind('\n', NameOffset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  R.EditLineOffset = LineStart;
  R.EditLine =
      Buffer.slice(LineStart, Buffer.find_first_of("\r\n", NameOffset)).str();
  return R;
}

} // namespace

const std::string &FileDigests::of(FileID File) {
  auto [It, Inserted] = Cache.try_emplace(File);
  if (Inserted) {
    llvm::MD5 Hash;
    Hash.update(SM.getBufferData(File));
    llvm::MD5::MD5Result Result;
    Hash.final(Result);
    It->second = std::string(Result.digest());
  }
  return It->second;
}

std::string macroBodyKey(const CallExpr &Call, const SourceManager &SM) {
  SourceLocation Name = Call.getCallee()->IgnoreParenImpCasts()->getExprLoc();
  if (!Name.isMacroID() || SM.isMacroArgExpansion(Name))
    return {};
  SourceLocation Spelling = SM.getSpellingLoc(Name);
  return realPath(SM, SM.getFileID(Spelling)) + ":" +
         std::to_string(SM.getFileOffset(Spelling));
}

Rewrite planRewrite(Rule R, const CatalogEntry &Entry, const CallExpr *Call,
                    const SourceManager &SM, const LangOptions &LangOpts,
                    FileDigests &Digests) {
  switch (R) {
  case Rule::PartiallyHardcoded:
    return manual("a constant fallback is mixed with values computed at run "
                  "time; move the fallback into configuration by hand");
  case Rule::HardcodedCredential:
    return manual(
        "rehost fix does not move credentials yet; set the "
        "profile's _PASSWORD variable and remove the literal by hand");
  case Rule::HardcodedEndpoint:
    break;
  }
  if (!Call || Entry.RuntimeCall.empty())
    return manual("rehost fix does not rewrite this " +
                  Entry.Family->Name.str() +
                  " API yet; move the endpoint to configuration by hand");
  return planDropInCall(*Call, Entry, SM, LangOpts, Digests);
}

} // namespace rehost
