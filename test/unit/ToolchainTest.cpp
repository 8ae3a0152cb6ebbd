//===- ToolchainTest.cpp --------------------------------------------------===//

#include "rehost/Toolchain.h"

#include "clang/Basic/DiagnosticIDs.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Config/llvm-config.h"

#include <gtest/gtest.h>

namespace {

// A warning group the linked Clang does not know costs every unit a search
// for the nearest known name (DiagnosticIDs::getNearestOption, an edit
// distance to each group) before -Wno-unknown-warning-option hides it; the
// scan's -w hides it from any diagnostic, so only this test sees it.
TEST(Toolchain, EveryAddedWarningFlagIsKnownToTheLinkedClang) {
  clang::tooling::CommandLineArguments Command{"cc", "-c", "app.c"};
  clang::tooling::CommandLineArguments Adjusted =
      rehost::gccCompatAdjuster()(Command, "app.c");
  ASSERT_GT(Adjusted.size(), Command.size());
  llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> IDs(new clang::DiagnosticIDs);
  for (size_t I = Command.size(); I != Adjusted.size(); ++I) {
    llvm::StringRef Group = Adjusted[I];
    ASSERT_TRUE(Group.consume_front("-W")) << Adjusted[I];
    Group.consume_front("no-");
    Group.consume_front("error=");
    llvm::SmallVector<clang::diag::kind, 16> Diags;
    EXPECT_FALSE(IDs->getDiagnosticsInGroup(clang::diag::Flavor::WarningOrError,
                                            Group, Diags))
        << Adjusted[I] << ": Clang " LLVM_VERSION_STRING
        << " knows no such warning group";
  }
}

} // namespace
