//===- facts.cpp - Fuzz the facts reader of `rehost merge` ----------------===//
//
// factsFromJson (lib/project/Facts.cpp) on any JSON. Property: facts that
// read back write back the same: written and read again, they write the
// same JSON.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "rehost/Facts.h"

using rehost::fuzz::require;

namespace {
constexpr llvm::StringLiteral Root = "/project";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::Expected<llvm::json::Value> Json = llvm::json::parse(
      llvm::StringRef(reinterpret_cast<const char *>(Data), Size));
  if (!Json) {
    llvm::consumeError(Json.takeError());
    return 0;
  }
  llvm::Expected<rehost::Facts> Read =
      rehost::factsFromJson(*Json, Root, "fuzz.json");
  if (!Read) {
    llvm::consumeError(Read.takeError());
    return 0;
  }
  llvm::json::Value Written = rehost::factsToJson(*Read, Root);
  llvm::Expected<rehost::Facts> Again =
      rehost::factsFromJson(Written, Root, "written");
  require(static_cast<bool>(Again), "written facts read back");
  require(rehost::factsToJson(*Again, Root) == Written,
          "facts read back write the same JSON");
  return 0;
}
