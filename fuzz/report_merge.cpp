//===- report_merge.cpp - Fuzz the report readers of `rehost merge` -------===//
//
// What `rehost merge` does with a shard's JSON or SARIF report
// (lib/project/ReportMerge.cpp): the kind of the document, the JSON report
// read back, the shard merged alone and with itself. Property: a JSON
// report that reads back writes back the same (writeJson, read again,
// written again: the same text).
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "rehost/ReportMerge.h"

#include "llvm/Support/raw_ostream.h"

using rehost::fuzz::require;

namespace {

constexpr llvm::StringLiteral Root = "/project";

std::string jsonText(const rehost::Report &R) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  rehost::writeJson(R, OS);
  return OS.str();
}

void checkJsonRoundTrip(const llvm::json::Value &Document) {
  llvm::Expected<rehost::Report> Read =
      rehost::reportFromJson(Document, Root, "fuzz.json");
  if (!Read) {
    llvm::consumeError(Read.takeError());
    return;
  }
  std::string Written = jsonText(*Read);
  llvm::Expected<llvm::json::Value> Reparsed = llvm::json::parse(Written);
  require(static_cast<bool>(Reparsed), "a written JSON report is JSON");
  llvm::Expected<rehost::Report> Again =
      rehost::reportFromJson(*Reparsed, Root, "written.json");
  require(static_cast<bool>(Again), "a written JSON report reads back");
  require(jsonText(*Again) == Written,
          "a JSON report read back writes the same text");
}

template <class T> void discard(llvm::Expected<T> Result) {
  if (!Result)
    llvm::consumeError(Result.takeError());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::Expected<llvm::json::Value> Json = llvm::json::parse(
      llvm::StringRef(reinterpret_cast<const char *>(Data), Size));
  if (!Json) {
    llvm::consumeError(Json.takeError());
    return 0;
  }
  rehost::ShardKind Kind = rehost::shardKindOf(*Json);
  rehost::ShardInput Shard{"shard.json", *Json};
  std::vector<rehost::ShardInput> Alone{Shard}, Twice{Shard, Shard};
  if (Kind == rehost::ShardKind::JsonReport) {
    checkJsonRoundTrip(*Json);
    discard(rehost::mergeJsonReports(Alone, Root));
    discard(rehost::mergeJsonReports(Twice, Root));
  } else {
    rehost::SarifSummary Summary;
    discard(rehost::mergeSarifReports(Alone, Root, Summary));
    discard(rehost::mergeSarifReports(Twice, Root, Summary));
  }
  return 0;
}
