//===- CatalogCoverageTest.cpp - Every catalog row is tested and documented ===//
//
// The catalog is one data table, so a row can be added (or a test removed)
// without anything noticing that the row is no longer exercised. These tests
// read the lit tests and docs/catalog.md from the source tree
// (REHOST_SOURCE_DIR, set by CMake) and hold each row to:
//  - a lit test under test/scan/ whose input uses the API, and one that runs
//    `rehost fix` on it (under test/fix/ or test/e2e/, or a scan test with a
//    fix RUN line): its rewrite, or the manual reason, is checked;
//  - a row of docs/catalog.md's "Entries" table that names it with its kind,
//    family and runtime replacement.
// "Uses the API" means the spelling of a call, construction or assignment in
// code: comment lines, RUN lines and trailing comments are ignored, so a
// mention in prose does not count.
//
//===----------------------------------------------------------------------===//

#include "rehost/Catalog.h"
#include "rehost/LLVMCompat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace {

using rehost::ApiKind;
using rehost::CatalogEntry;

std::string sourcePath(llvm::StringRef Rel) {
  llvm::SmallString<256> P(REHOST_SOURCE_DIR);
  llvm::sys::path::append(P, Rel);
  return std::string(P);
}

/// The code of a lit test input: every line that is not a comment, a RUN or
/// lit comment line, with a trailing `// ...` cut off.
std::string codeOf(llvm::StringRef Text) {
  std::string Code;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef Trimmed = Line.trim();
    if (rehost::startsWith(Trimmed, "//") || rehost::startsWith(Trimmed, "/*") ||
        rehost::startsWith(Trimmed, "*") || rehost::startsWith(Trimmed, "# ") ||
        Trimmed == "#" || rehost::startsWith(Trimmed, "RUN:"))
      continue;
    size_t Comment = Line.find(" //");
    Code += Line.take_front(Comment).str();
    Code += '\n';
  }
  return Code;
}

struct LitInput {
  std::string Path; ///< Relative to test/.
  std::string Code;
  bool RunsFix; ///< A RUN line runs `rehost fix`.
};

/// The inputs of the lit tests under test/<Dir> (not the fakes they link).
std::vector<LitInput> litInputs(llvm::StringRef Dir) {
  std::vector<LitInput> Out;
  std::error_code EC;
  std::string Root = sourcePath("test");
  for (llvm::sys::fs::recursive_directory_iterator
           It(sourcePath(("test/" + Dir).str()), EC),
       End;
       !EC && It != End; It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (Name == "fakes" || Name == "Inputs") {
      It.no_push();
      continue;
    }
    llvm::StringRef Ext = llvm::sys::path::extension(Name);
    if (Ext != ".c" && Ext != ".cpp" && Ext != ".test")
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(It->path());
    if (!Buffer)
      continue;
    Out.push_back({llvm::StringRef(It->path()).drop_front(Root.size() + 1).str(),
                   codeOf((*Buffer)->getBuffer()),
                   (*Buffer)->getBuffer().contains("%rehost fix")});
  }
  EXPECT_FALSE(EC) << Dir.str() << ": " << EC.message();
  return Out;
}

bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// The offsets where \p Word occurs in \p Code as a whole word.
std::vector<size_t> wordsAt(llvm::StringRef Code, llvm::StringRef Word) {
  std::vector<size_t> Out;
  for (size_t At = Code.find(Word); At != llvm::StringRef::npos;
       At = Code.find(Word, At + 1)) {
    size_t End = At + Word.size();
    if ((At == 0 || !isIdentifierChar(Code[At - 1])) &&
        (End == Code.size() || !isIdentifierChar(Code[End])))
      Out.push_back(At);
  }
  return Out;
}

llvm::StringRef skipSpaces(llvm::StringRef S) { return S.ltrim(" \t\n"); }

llvm::StringRef lastComponent(llvm::StringRef Qualified) {
  return Qualified.rsplit("::").second.empty() ? Qualified
                                               : Qualified.rsplit("::").second;
}

/// A call `Name(`.
bool hasCall(llvm::StringRef Code, llvm::StringRef Name) {
  return llvm::any_of(wordsAt(Code, Name), [&](size_t At) {
    return rehost::startsWith(skipSpaces(Code.drop_front(At + Name.size())), "(");
  });
}

/// A member call `.Method(` or `->Method(`.
bool hasMemberCall(llvm::StringRef Code, llvm::StringRef Method) {
  return llvm::any_of(wordsAt(Code, Method), [&](size_t At) {
    llvm::StringRef Before = Code.take_front(At).rtrim(" \t\n");
    return (rehost::endsWith(Before, ".") || rehost::endsWith(Before, "->")) &&
           rehost::startsWith(skipSpaces(Code.drop_front(At + Method.size())), "(");
  });
}

/// A construction: `Class(`, `Class{`, `Class>(` (make_unique<Class>(...)),
/// or `Class Name(` / `Class Name{`.
bool hasConstruction(llvm::StringRef Code, llvm::StringRef Class) {
  return llvm::any_of(wordsAt(Code, Class), [&](size_t At) {
    llvm::StringRef Rest = skipSpaces(Code.drop_front(At + Class.size()));
    if (rehost::startsWith(Rest, "(") || rehost::startsWith(Rest, "{"))
      return true;
    if (rehost::startsWith(Rest, ">"))
      return rehost::startsWith(skipSpaces(Rest.drop_front()), "(");
    size_t Ident = 0;
    while (Ident < Rest.size() && isIdentifierChar(Rest[Ident]))
      ++Ident;
    if (Ident == 0)
      return false;
    Rest = skipSpaces(Rest.drop_front(Ident));
    return rehost::startsWith(Rest, "(") || rehost::startsWith(Rest, "{");
  });
}

/// An assignment `.Path =` or `->Path =` (not `==`).
bool hasAssignment(llvm::StringRef Code, llvm::StringRef Path) {
  llvm::StringRef First = Path.split('.').first;
  return llvm::any_of(wordsAt(Code, First), [&](size_t At) {
    llvm::StringRef Before = Code.take_front(At).rtrim(" \t\n");
    llvm::StringRef Rest = Code.drop_front(At);
    if (!(rehost::endsWith(Before, ".") || rehost::endsWith(Before, "->")) ||
        !rehost::startsWith(Rest, Path))
      return false;
    Rest = Rest.drop_front(Path.size());
    if (!Rest.empty() && isIdentifierChar(Rest.front()))
      return false;
    Rest = skipSpaces(Rest);
    return rehost::startsWith(Rest, "=") && !rehost::startsWith(Rest, "==");
  });
}

/// True when \p Code uses \p Entry as the kind of site it is.
bool usesEntry(llvm::StringRef Code, const CatalogEntry &Entry) {
  switch (Entry.Kind) {
  case ApiKind::Function:
    return hasCall(Code, Entry.Name);
  case ApiKind::Method: {
    auto [Class, Method] = Entry.Name.rsplit("::");
    return !wordsAt(Code, lastComponent(Class)).empty() &&
           hasMemberCall(Code, Method);
  }
  case ApiKind::Constructor:
    return hasConstruction(Code, lastComponent(Entry.Name));
  case ApiKind::Field: {
    auto [Class, Path] = Entry.Name.rsplit("::");
    return !wordsAt(Code, lastComponent(Class)).empty() &&
           hasAssignment(Code, Path);
  }
  }
  return false;
}

std::string namesUsing(const std::vector<LitInput> &Inputs,
                       const CatalogEntry &Entry) {
  std::string Out;
  for (const LitInput &Input : Inputs)
    if (usesEntry(Input.Code, Entry))
      Out += (Out.empty() ? "" : ", ") + Input.Path;
  return Out;
}

TEST(CatalogCoverage, SpellingsAreFoundOnlyInCode) {
  const CatalogEntry *Connect = rehost::findEntry(ApiKind::Function, "redisConnect");
  ASSERT_NE(Connect, nullptr);
  EXPECT_TRUE(usesEntry(codeOf("  c = redisConnect (\"h\", 1);\n"), *Connect));
  EXPECT_FALSE(usesEntry(codeOf("// redisConnect(\"h\", 1);\n"), *Connect));
  EXPECT_FALSE(usesEntry(codeOf("  f(); // redisConnect(\"h\", 1);\n"), *Connect));
  EXPECT_FALSE(usesEntry(codeOf("# RUN: redisConnect(\n"), *Connect));
  EXPECT_FALSE(usesEntry(codeOf("  rehost_redisConnect(\"p\", \"h\", 1);\n"), *Connect));
  EXPECT_FALSE(usesEntry(codeOf("  redisConnectWithTimeout(\"h\", 1, tv);\n"), *Connect));

  const CatalogEntry *Host =
      rehost::findEntry(ApiKind::Field, "sw::redis::ConnectionOptions::host");
  ASSERT_NE(Host, nullptr);
  EXPECT_TRUE(usesEntry(codeOf("ConnectionOptions o;\no.host = \"h\";\n"), *Host));
  EXPECT_FALSE(usesEntry(codeOf("ConnectionOptions o;\nif (o.host == h) {}\n"), *Host));
  EXPECT_FALSE(usesEntry(codeOf("Settings o;\no.host = \"h\";\n"), *Host));

  const CatalogEntry *Ip =
      rehost::findEntry(ApiKind::Field, "redisOptions::endpoint.tcp.ip");
  ASSERT_NE(Ip, nullptr);
  EXPECT_TRUE(usesEntry(codeOf("redisOptions o;\no.endpoint.tcp.ip = \"h\";\n"), *Ip));
  EXPECT_FALSE(usesEntry(codeOf("redisOptions o;\no.endpoint.tcp.port = 1;\n"), *Ip));

  const CatalogEntry *Redis =
      rehost::findEntry(ApiKind::Constructor, "sw::redis::Redis");
  ASSERT_NE(Redis, nullptr);
  EXPECT_TRUE(usesEntry(codeOf("sw::redis::Redis r(\"tcp://h\");\n"), *Redis));
  EXPECT_TRUE(usesEntry(codeOf("std::make_unique<sw::redis::Redis>(u);\n"), *Redis));
  EXPECT_FALSE(usesEntry(codeOf("void use(sw::redis::Redis &r);\n"), *Redis));

  const CatalogEntry *Auth =
      rehost::findEntry(ApiKind::Method, "cpp_redis::client::auth");
  ASSERT_NE(Auth, nullptr);
  EXPECT_TRUE(usesEntry(codeOf("cpp_redis::client c;\nc.auth(\"pw\");\n"), *Auth));
  EXPECT_FALSE(usesEntry(codeOf("cpp_redis::client c;\nauth(\"pw\");\n"), *Auth));
}

TEST(CatalogCoverage, EveryEntryHasAScanTest) {
  std::vector<LitInput> Scans = litInputs("scan");
  ASSERT_FALSE(Scans.empty()) << sourcePath("test/scan");
  for (const CatalogEntry &Entry : rehost::catalog())
    EXPECT_FALSE(namesUsing(Scans, Entry).empty())
        << "catalog row '" << Entry.Name.str()
        << "' is used by no lit test under test/scan/: add "
           "test/scan/<family>-<api>.c[pp] (docs/catalog.md, \"Adding an "
           "API\")";
}

TEST(CatalogCoverage, EveryEntryHasAFixOrManualTest) {
  std::vector<LitInput> Fixes = litInputs("fix");
  std::vector<LitInput> EndToEnd = litInputs("e2e");
  Fixes.insert(Fixes.end(), EndToEnd.begin(), EndToEnd.end());
  // A scan test that also runs fix on its input (and checks the manual
  // reason) counts too.
  for (LitInput &Scan : litInputs("scan"))
    if (Scan.RunsFix)
      Fixes.push_back(std::move(Scan));
  ASSERT_FALSE(Fixes.empty()) << sourcePath("test/fix");
  for (const CatalogEntry &Entry : rehost::catalog())
    EXPECT_FALSE(namesUsing(Fixes, Entry).empty())
        << "catalog row '" << Entry.Name.str()
        << "' is used by no lit test that runs rehost fix (test/fix/, test/e2e/, or a "
           "test/scan/ test with a fix RUN line): add a fix "
           "test of its rewrite, or of the manual reason it stays";
}

/// One row of docs/catalog.md's "Entries" table, by column.
struct DocRow {
  unsigned Line;
  std::vector<std::string> Cells;
};

std::vector<DocRow> documentedEntries(llvm::StringRef Doc) {
  std::vector<DocRow> Rows;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Doc.split(Lines, '\n');
  bool InEntries = false;
  for (unsigned I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I].trim();
    if (rehost::startsWith(Line, "## "))
      InEntries = Line == "## Entries";
    if (!InEntries || !rehost::startsWith(Line, "|") || rehost::startsWith(Line, "|--") ||
        rehost::startsWith(Line, "| API "))
      continue;
    llvm::SmallVector<llvm::StringRef, 8> Cells;
    Line.trim("|").split(Cells, " | ");
    DocRow Row{I + 1, {}};
    for (llvm::StringRef Cell : Cells)
      Row.Cells.push_back(Cell.trim().str());
    Rows.push_back(std::move(Row));
  }
  return Rows;
}

llvm::StringRef kindName(ApiKind Kind) {
  switch (Kind) {
  case ApiKind::Function:
    return "Function";
  case ApiKind::Method:
    return "Method";
  case ApiKind::Constructor:
    return "Constructor";
  case ApiKind::Field:
    return "Field";
  }
  return "";
}

TEST(CatalogCoverage, DocsTableMatchesTheCatalog) {
  std::string DocPath = sourcePath("docs/catalog.md");
  auto Buffer = llvm::MemoryBuffer::getFile(DocPath);
  ASSERT_TRUE(bool(Buffer)) << DocPath;
  std::vector<DocRow> Rows = documentedEntries((*Buffer)->getBuffer());
  ASSERT_FALSE(Rows.empty()) << DocPath << ": no \"## Entries\" table";

  std::map<std::string, const DocRow *> ByName;
  for (const DocRow &Row : Rows) {
    std::string Where = "docs/catalog.md:" + std::to_string(Row.Line) + ": ";
    ASSERT_EQ(Row.Cells.size(), 6u) << Where << "expected 6 columns";
    llvm::StringRef Api = llvm::StringRef(Row.Cells[0]).trim("`");
    EXPECT_TRUE(ByName.emplace(Api.str(), &Row).second)
        << Where << "'" << Api.str() << "' is documented twice";
    const CatalogEntry *Entry = nullptr;
    for (const CatalogEntry &E : rehost::catalog())
      if (E.Name == Api)
        Entry = &E;
    if (!Entry) {
      ADD_FAILURE() << Where << "'" << Api.str() << "' is not in the catalog";
      continue;
    }
    EXPECT_EQ(Row.Cells[1], kindName(Entry->Kind).str())
        << Where << "kind of '" << Api.str() << "'";
    EXPECT_EQ(llvm::StringRef(Row.Cells[2]).split(" (").first.str(),
              Entry->Family->Name.str())
        << Where << "family of '" << Api.str() << "'";
    llvm::StringRef Replacement = Row.Cells[5];
    llvm::SmallVector<llvm::StringRef, 2> Calls = Entry->replacements();
    if (Calls.empty() || !Entry->ManualReason.empty()) {
      EXPECT_NE(Replacement.find("manual"), llvm::StringRef::npos)
          << Where << "'" << Api.str()
          << "' is never rewritten: its replacement must say manual";
      continue;
    }
    for (llvm::StringRef Call : Calls)
      EXPECT_TRUE(Replacement.contains(("`" + Call + "`").str()) ||
                  Replacement.contains(("`" + Call + "(").str()))
          << Where << "'" << Api.str() << "' is replaced by '" << Call.str()
          << "', which the row does not name";
  }
  for (const CatalogEntry &Entry : rehost::catalog())
    EXPECT_TRUE(ByName.count(Entry.Name.str()))
        << "catalog row '" << Entry.Name.str()
        << "' has no row in docs/catalog.md's Entries table";
}

TEST(CatalogCoverage, DocsClaimNoMissingAccessorTheRuntimeHas) {
  // docs/catalog.md once said rehost::cluster_nodes was "not in the runtime
  // yet" long after the runtime declared it.
  auto Doc = llvm::MemoryBuffer::getFile(sourcePath("docs/catalog.md"));
  auto Header =
      llvm::MemoryBuffer::getFile(sourcePath("runtime/include/rehost/rehost.hpp"));
  ASSERT_TRUE(Doc && Header);
  llvm::StringRef Text = (*Doc)->getBuffer();
  for (size_t Claim = Text.find("not in the runtime");
       Claim != llvm::StringRef::npos;
       Claim = Text.find("not in the runtime", Claim + 1)) {
    // The claim's paragraph, or its table row.
    size_t Start = Text.take_front(Claim).rfind("\n\n");
    size_t RowStart = Text.take_front(Claim).rfind("\n|");
    if (RowStart != llvm::StringRef::npos &&
        (Start == llvm::StringRef::npos || RowStart > Start))
      Start = RowStart;
    llvm::StringRef Paragraph =
        Text.drop_front(Start == llvm::StringRef::npos ? 0 : Start + 1);
    Paragraph = Paragraph.take_front(Paragraph.find(
        rehost::startsWith(Paragraph, "|") ? "\n" : "\n\n"));
    // Every `rehost::name` it names.
    for (size_t At = Paragraph.find("`rehost::"); At != llvm::StringRef::npos;
         At = Paragraph.find("`rehost::", At + 1)) {
      llvm::StringRef Name = Paragraph.drop_front(At + 9).split('`').first;
      EXPECT_EQ((*Header)->getBuffer().find((" " + Name + "(").str()),
                llvm::StringRef::npos)
          << "docs/catalog.md says rehost::" << Name.str()
          << " is not in the runtime, but runtime/include/rehost/rehost.hpp "
             "declares it";
    }
  }
}

} // namespace
