//===- ProgressTest.cpp - Which progress a run shows ----------------------===//

#include "rehost/Progress.h"

#include <gtest/gtest.h>

namespace rehost {
namespace {

ProgressEnvironment terminal(llvm::StringRef Term) {
  ProgressEnvironment Env;
  Env.StderrIsTerminal = true;
  Env.Term = Term.str();
  return Env;
}

ProgressEnvironment pipeUnderCI() {
  ProgressEnvironment Env;
  Env.InCI = true;
  return Env;
}

TEST(ProgressTest, AutoFollowsWhereStandardErrorGoes) {
  EXPECT_EQ(resolveProgress(ProgressMode::Auto, false, terminal("xterm")),
            ProgressMode::Bar);
  // A terminal that cannot redraw a line in place.
  EXPECT_EQ(resolveProgress(ProgressMode::Auto, false, terminal("dumb")),
            ProgressMode::Plain);
  // A pipe or a file, as today: nothing.
  EXPECT_EQ(resolveProgress(ProgressMode::Auto, false, ProgressEnvironment()),
            ProgressMode::None);
  EXPECT_EQ(resolveProgress(ProgressMode::Auto, false, pipeUnderCI()),
            ProgressMode::Plain);
  // A CI that gives the job a terminal still keeps a log.
  ProgressEnvironment CITerminal = terminal("xterm");
  CITerminal.InCI = true;
  EXPECT_EQ(resolveProgress(ProgressMode::Auto, false, CITerminal),
            ProgressMode::Plain);
}

TEST(ProgressTest, QuietSilencesOnlyAuto) {
  EXPECT_EQ(resolveProgress(ProgressMode::Auto, true, terminal("xterm")),
            ProgressMode::None);
  EXPECT_EQ(resolveProgress(ProgressMode::Auto, true, pipeUnderCI()),
            ProgressMode::None);
  EXPECT_EQ(resolveProgress(ProgressMode::Plain, true, ProgressEnvironment()),
            ProgressMode::Plain);
}

TEST(ProgressTest, AModeAskedForByNameIsUsed) {
  for (ProgressMode Mode :
       {ProgressMode::Bar, ProgressMode::Plain, ProgressMode::None}) {
    EXPECT_EQ(resolveProgress(Mode, false, terminal("xterm")), Mode);
    EXPECT_EQ(resolveProgress(Mode, false, pipeUnderCI()), Mode);
  }
}

/// The mode \p Name parses to, or the error's message.
std::string parsed(llvm::StringRef Name) {
  auto Mode = parseProgressMode(Name);
  if (!Mode)
    return llvm::toString(Mode.takeError());
  return std::to_string(static_cast<int>(*Mode));
}

TEST(ProgressTest, ParsesTheFourModes) {
  EXPECT_EQ(parsed("auto"), std::to_string(int(ProgressMode::Auto)));
  EXPECT_EQ(parsed("bar"), std::to_string(int(ProgressMode::Bar)));
  EXPECT_EQ(parsed("plain"), std::to_string(int(ProgressMode::Plain)));
  EXPECT_EQ(parsed("none"), std::to_string(int(ProgressMode::None)));
  EXPECT_EQ(parsed("Plain"), "unknown progress mode 'Plain' (expected auto, "
                             "bar, plain or none)");
}

} // namespace
} // namespace rehost
