//===- IncludePlacement.cpp - Where the runtime's include line goes -------===//

#include "IncludePlacement.h"

#include "rehost/Catalog.h"

#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/Inclusions/HeaderIncludes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"

#include <optional>

namespace rehost {
namespace {

/// One preprocessor directive that starts a line outside a comment.
struct DirectiveLine {
  size_t Begin = 0;   ///< Its first byte.
  size_t TextEnd = 0; ///< Where its line break starts (the end of the file).
  size_t End = 0;     ///< Just past its line break.
  bool IsInclude = false;
  std::string Header; ///< What #include names, without "" or <>.
  /// The #if blocks (#elif and #else open a new one) open after the line.
  std::vector<unsigned> Open;
};

bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// Whether a block comment is still open at the end of \p Line, given whether
/// one was open at its start. String and character literals are skipped, so
/// "/*" inside them opens nothing.
bool endsInComment(llvm::StringRef Line, bool InComment) {
  for (size_t I = 0; I < Line.size(); ++I) {
    if (InComment) {
      if (Line.substr(I).consume_front("*/")) {
        InComment = false;
        ++I;
      }
      continue;
    }
    char C = Line[I];
    if (C == '/' && I + 1 < Line.size()) {
      if (Line[I + 1] == '/')
        return false;
      if (Line[I + 1] == '*') {
        InComment = true;
        ++I;
      }
      continue;
    }
    if (C == '"' || C == '\'') {
      for (++I; I < Line.size() && Line[I] != C; ++I)
        if (Line[I] == '\\')
          ++I;
    }
  }
  return InComment;
}

/// Every directive of \p Code, in order, with the #if blocks open after each.
/// Lines joined by a trailing backslash are one line.
std::vector<DirectiveLine> scanDirectives(llvm::StringRef Code) {
  std::vector<DirectiveLine> Out;
  std::vector<unsigned> Open;
  unsigned NextBlock = 0;
  bool InComment = false;
  llvm::StringRef Rest = Code;
  Rest.consume_front("\xEF\xBB\xBF");
  size_t Pos = Code.size() - Rest.size();
  while (Pos < Code.size()) {
    size_t Begin = Pos, Break = Code.size();
    for (size_t From = Pos;;) {
      Break = Code.find('\n', From);
      if (Break == llvm::StringRef::npos) {
        Break = Code.size();
        break;
      }
      llvm::StringRef Physical = Code.slice(From, Break).rtrim('\r');
      if (Physical.empty() || Physical.back() != '\\')
        break;
      From = Break + 1;
    }
    size_t TextEnd = Break;
    if (TextEnd > Begin && Code[TextEnd - 1] == '\r')
      --TextEnd;
    llvm::StringRef Line = Code.slice(Begin, TextEnd);
    llvm::StringRef Text = Line.ltrim(" \t\f\v");
    if (!InComment && Text.consume_front("#")) {
      Text = Text.ltrim(" \t");
      llvm::StringRef Keyword = Text.take_while(isIdentifierChar);
      Text = Text.drop_front(Keyword.size()).ltrim(" \t");
      DirectiveLine D;
      D.Begin = Begin;
      D.TextEnd = TextEnd;
      D.End = Break < Code.size() ? Break + 1 : Break;
      if (Keyword == "include" || Keyword == "import" ||
          Keyword == "include_next") {
        D.IsInclude = true;
        if (Text.consume_front("<"))
          D.Header = Text.split('>').first.str();
        else if (Text.consume_front("\""))
          D.Header = Text.split('"').first.str();
      } else if (Keyword == "if" || Keyword == "ifdef" || Keyword == "ifndef") {
        Open.push_back(NextBlock++);
      } else if (Keyword == "elif" || Keyword == "elifdef" ||
                 Keyword == "elifndef" || Keyword == "else") {
        if (!Open.empty())
          Open.back() = NextBlock++;
      } else if (Keyword == "endif") {
        if (!Open.empty())
          Open.pop_back();
      }
      D.Open = Open;
      Out.push_back(std::move(D));
    }
    InComment = endsInComment(Line, InComment);
    Pos = Break < Code.size() ? Break + 1 : Break;
  }
  return Out;
}

/// A header of a client library the catalog covers, or any other header in
/// those libraries' directories (hiredis/adapters/libevent.h,
/// valkey/adapters/libevent.h,
/// <cpp_redis/cpp_redis>): the runtime's include must come after it.
bool isInClientLibrary(llvm::StringRef Name) {
  if (isClientHeader(Name))
    return true;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, '/');
  Parts.pop_back();
  return llvm::any_of(Parts, [](llvm::StringRef Dir) {
    return Dir == "hiredis" || Dir == "hiredis_cluster" ||
           Dir == "hiredis-vip" || Dir == "redis++" || Dir == "cpp_redis" ||
           Dir == "valkey";
  });
}

bool isPrefix(llvm::ArrayRef<unsigned> Prefix, llvm::ArrayRef<unsigned> Of) {
  return Prefix.size() <= Of.size() && Prefix == Of.take_front(Prefix.size());
}

/// True when clang-apply-replacements, applying the site edits and \p
/// Include, would not sort any include block: its result is then the text
/// `fix` writes. It sorts, with the LLVM style, every block a replacement
/// touches.
bool keepsIncludeOrder(const FilePlan &Plan, llvm::StringRef Code,
                       const FileEdit &Include) {
  clang::tooling::Replacements Replaces;
  std::vector<FileEdit> Edits = {Include};
  llvm::append_range(Edits, Plan.Edits);
  llvm::stable_sort(Edits, [](const FileEdit &A, const FileEdit &B) {
    return A.Offset < B.Offset;
  });
  for (const FileEdit &E : Edits)
    if (llvm::Error Err = Replaces.add(clang::tooling::Replacement(
            Plan.Path, E.Offset, E.Length, E.Text))) {
      llvm::consumeError(std::move(Err));
      return true; // The rewrite fails anyway, and says why.
    }
  auto Result = clang::tooling::applyAllReplacements(Code, Replaces);
  if (!Result) {
    llvm::consumeError(Result.takeError());
    return true;
  }
  return clang::format::sortIncludes(clang::format::getLLVMStyle(), *Result,
                                     Replaces.getAffectedRanges(), Plan.Path)
      .empty();
}

/// Where clang's HeaderIncludes puts new includes: for a file that includes
/// nothing before its first site.
std::vector<FileEdit> atTopOfFile(const FilePlan &Plan, llvm::StringRef Code,
                                  llvm::ArrayRef<std::string> Headers,
                                  llvm::StringRef Newline) {
  clang::tooling::HeaderIncludes Includes(
      Plan.Path, Code, clang::format::getLLVMStyle().IncludeStyle);
  std::vector<FileEdit> Out;
  for (const std::string &Header : Headers) {
#if LLVM_VERSION_MAJOR >= 16
    auto Insert = Includes.insert(Header, /*IsAngled=*/true,
                                  clang::tooling::IncludeDirective::Include);
#else
    auto Insert = Includes.insert(Header, /*IsAngled=*/true);
#endif
    if (!Insert)
      continue;
    std::string Text = Insert->getReplacementText().str();
    if (Newline != "\n")
      Text = llvm::join(llvm::split(Text, '\n'), Newline);
    Out.push_back({Insert->getOffset(), Insert->getLength(), std::move(Text)});
  }
  return Out;
}

} // namespace

std::vector<FileEdit> runtimeIncludeEdits(const FilePlan &Plan,
                                          llvm::StringRef Code) {
  std::vector<DirectiveLine> Lines = scanDirectives(Code);
  auto Included = [&](llvm::StringRef Header) {
    return llvm::any_of(Lines, [&](const DirectiveLine &D) {
      return D.IsInclude && D.Header == Header;
    });
  };
  // The C++ API's header includes the C API's: one include per file.
  constexpr llvm::StringLiteral CxxApi = "rehost/rehost.hpp";
  bool HasCxxApi = Plan.Includes.count(CxxApi.str()) || Included(CxxApi);
  std::vector<std::string> Needed;
  for (const std::string &Header : Plan.Includes)
    if (!Included(Header) && !(Header == "rehost/rehost.h" && HasCxxApi))
      Needed.push_back(Header);
  if (Needed.empty())
    return {};
  size_t NewLine = Code.find('\n');
  llvm::StringRef Newline = NewLine != llvm::StringRef::npos && NewLine > 0 &&
                                    Code[NewLine - 1] == '\r'
                                ? "\r\n"
                                : "\n";

  size_t FirstSite = Code.size();
  for (const FileEdit &E : Plan.Edits)
    FirstSite = std::min<size_t>(FirstSite, E.Offset);
  // The directives wholly before the first site; the anchor is the include
  // the runtime's include follows.
  size_t Before = 0;
  std::optional<size_t> LastInclude, LastClientInclude;
  for (size_t I = 0; I < Lines.size() && Lines[I].End <= FirstSite; ++I) {
    Before = I + 1;
    if (!Lines[I].IsInclude)
      continue;
    LastInclude = I;
    if (isInClientLibrary(Lines[I].Header))
      LastClientInclude = I;
  }
  std::optional<size_t> Anchor =
      LastClientInclude ? LastClientInclude : LastInclude;
  if (!Anchor)
    return atTopOfFile(Plan, Code, Needed, Newline);
  // Out of the #if blocks the site is not in: the first directive after the
  // anchor that leaves them (the line before the site always has).
  llvm::ArrayRef<unsigned> SiteOpen = Lines[Before - 1].Open;
  while (!isPrefix(Lines[*Anchor].Open, SiteOpen))
    ++*Anchor;

  std::string Block;
  for (const std::string &Header : Needed)
    Block += "#include <" + Header + ">" + Newline.str();
  auto JoinedAfter = [&](const DirectiveLine &After) {
    if (After.End > After.TextEnd)
      return FileEdit{unsigned(After.End), 0, Block};
    return FileEdit{unsigned(After.End), 0,
                    Newline.str() +
                        Block.substr(0, Block.size() - Newline.size())};
  };
  // Joined to the anchor's block, at the first place after the anchor that
  // keeps it sorted; else a block of its own after it, which stays as it is.
  size_t Last = *Anchor;
  for (;; ++Last) {
    FileEdit Joined = JoinedAfter(Lines[Last]);
    if (keepsIncludeOrder(Plan, Code, Joined))
      return {Joined};
    if (Last + 1 >= Before || !Lines[Last + 1].IsInclude ||
        Lines[Last + 1].Begin != Lines[Last].End)
      break;
  }
  const DirectiveLine &BlockEnd = Lines[Last];
  if (BlockEnd.End > BlockEnd.TextEnd)
    return {FileEdit{unsigned(BlockEnd.End), 0, Newline.str() + Block}};
  return {FileEdit{unsigned(BlockEnd.End), 0,
                   Newline.str() + Newline.str() +
                       Block.substr(0, Block.size() - Newline.size())}};
}

} // namespace rehost
