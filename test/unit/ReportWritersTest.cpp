//===- ReportWritersTest.cpp - The Markdown and HTML reports --------------===//

#include "rehost/Report.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace rehost;

namespace {

Finding finding(unsigned Line, Action Act, llvm::StringRef Before,
                llvm::StringRef After) {
  Finding F;
  F.Api = "redisConnect";
  F.Line = Line;
  F.Column = 10;
  F.LineText = Before.str();
  F.Endpoint = "redis://10.0.0.12:6380";
  F.Profile = Act == Action::Manual ? "" : "default";
  F.Act = Act;
  F.Before = Before.str();
  F.After = After.str();
  return F;
}

/// Three fixed findings and a manual one in two files, a file that failed,
/// two clean translation units, and a line with every character that could
/// break a table cell or a page.
Report fixReport() {
  Report R;
  R.Command = "fix";
  R.TranslationUnits = 5;

  FileReport Cache;
  Cache.DisplayPath = "src/cache.c";
  Cache.State = FileReport::Status::Findings;
  Cache.Findings.push_back(
      finding(4, Action::Fixed, "  return redisConnect(\"10.0.0.12\", 6380);",
              "  return rehost_redisConnect(\"default\", \"10.0.0.12\", "
              "6380);"));
  Finding Manual = finding(
      9, Action::Manual,
      "return redisConnect(a | b ? `x` : \"<script>alert(1)</script>\", 1);",
      "");
  Manual.R = Rule::PartiallyHardcoded;
  Manual.Reason = "a constant fallback is mixed with values computed at run "
                  "time";
  Cache.Findings.push_back(Manual);
  R.Files.push_back(Cache);

  FileReport Queue;
  Queue.DisplayPath = "src/queue.c";
  Queue.State = FileReport::Status::Findings;
  Queue.Findings.push_back(finding(2, Action::Fixed, "redisConnect(H, P);",
                                   "rehost_redisConnect(\"default\", H, P);"));
  Queue.Findings.push_back(finding(3, Action::Fixed, "redisConnect(H, 1);",
                                   "rehost_redisConnect(\"default\", H, 1);"));
  R.Files.push_back(Queue);

  FileReport Broken;
  Broken.DisplayPath = "src/broken.c";
  Broken.State = FileReport::Status::Error;
  Broken.Error = "cannot parse <stdin>";
  R.Files.push_back(Broken);

  FileReport Clean;
  Clean.DisplayPath = "src/clean.c";
  R.Files.push_back(Clean);

  ProfileInfo Default;
  Default.Name = "default";
  Default.Address = "redis://10.0.0.12:6380";
  Default.Endpoint = "redis://10.0.0.12:6380";
  Default.Variables = {"REDIS_URL", "REDIS_HOST"};
  Default.MustSet = {"REDIS_PASSWORD"};
  Default.Sites = 3;
  R.Profiles.push_back(Default);
  return R;
}

std::string markdown(const Report &R) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeMarkdown(R, OS);
  return OS.str();
}

std::string html(const Report &R) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeHtml(R, OS);
  return OS.str();
}

/// Where \p Needle starts in \p Haystack, to check the order of sections.
size_t at(const std::string &Haystack, llvm::StringRef Needle) {
  size_t Pos = Haystack.find(Needle.str());
  EXPECT_NE(Pos, std::string::npos) << "missing: " << Needle.str();
  return Pos;
}

/// A fix report with \p Findings findings of which \p Fixed are fixed, all
/// in one file.
Report shareReport(unsigned Findings, unsigned Fixed) {
  Report R;
  R.Command = "fix";
  R.TranslationUnits = 1;
  FileReport File;
  File.DisplayPath = "a.c";
  File.State = FileReport::Status::Findings;
  for (unsigned I = 0; I != Findings; ++I)
    File.Findings.push_back(finding(I + 1,
                                    I < Fixed ? Action::Fixed : Action::Fixable,
                                    "redisConnect(H, P);", ""));
  R.Files.push_back(File);
  return R;
}

TEST(ReportWritersTest, MarkdownSummary) {
  std::string Out = markdown(fixReport());
  EXPECT_EQ(Out.rfind("# rehost fix report\n", 0), 0u);
  EXPECT_NE(Out.find("- Files scanned: 5\n"
                     "- Files with findings: 2\n"
                     "- Files fixed: 2\n"
                     "- Files clean: 2\n"
                     "- Files with errors: 1\n"
                     "- Findings: 4\n"
                     "- Findings fixable: 0\n"
                     "- Findings fixed: 3\n"
                     "- Findings manual: 1\n"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("**3 of 4 findings fixed (75%)**"), std::string::npos)
      << Out;
}

TEST(ReportWritersTest, ShareFixedRoundsDown) {
  // 2 of 3 is 66.7%: rounding up would promise more than was done.
  EXPECT_NE(markdown(shareReport(3, 2)).find("2 of 3 findings fixed (66%)"),
            std::string::npos);
  EXPECT_NE(markdown(shareReport(1, 1)).find("1 of 1 finding fixed (100%)"),
            std::string::npos);
  EXPECT_NE(markdown(shareReport(0, 0)).find("**no findings**"),
            std::string::npos);
}

TEST(ReportWritersTest, ScanCountsWhatFixWouldFix) {
  // A scan fixes nothing: "0 of 3 findings fixed" would read as a failure.
  Report Scan = shareReport(3, 0);
  Scan.Command = "scan";
  EXPECT_NE(markdown(Scan).find("**3 findings, 3 fixable**"),
            std::string::npos);
  Scan.Command = "check";
  EXPECT_NE(html(Scan).find("<p class=\"share\">3 findings, 3 fixable</p>"),
            std::string::npos);
}

TEST(ReportWritersTest, CleanCountIsNeverNegative) {
  // A header with findings is a file but not a translation unit.
  Report R = shareReport(1, 0);
  FileReport Header = R.Files.front();
  Header.DisplayPath = "a.h";
  R.Files.push_back(Header);
  std::string Out = markdown(R);
  EXPECT_NE(Out.find("- Files with findings: 2\n"), std::string::npos) << Out;
  EXPECT_NE(Out.find("- Files clean: 0\n"), std::string::npos) << Out;
}

TEST(ReportWritersTest, MarkdownProfilesAndFiles) {
  std::string Out = markdown(fixReport());
  EXPECT_NE(Out.find("| Profile | Endpoint | Sites | Overridden by | Must now "
                     "be set |\n"
                     "| --- | --- | --- | --- | --- |\n"
                     "| `default` | `redis://10.0.0.12:6380` | 3 | "
                     "`REDIS_URL`, `REDIS_HOST` | `REDIS_PASSWORD` |\n"),
            std::string::npos)
      << Out;
  EXPECT_NE(
      Out.find("### src/cache.c\n\n"
               "| Line | API | Rule | Before | After | Action | Reason |\n"
               "| --- | --- | --- | --- | --- | --- | --- |\n"
               "| 4 | `redisConnect` | hardcoded-endpoint | "
               "`return redisConnect(\"10.0.0.12\", 6380);` | "
               "`return rehost_redisConnect(\"default\", \"10.0.0.12\", "
               "6380);` | fixed | — |\n"),
      std::string::npos)
      << Out;
  EXPECT_NE(Out.find("### src/broken.c\n\nNot analysed: cannot parse "
                     "\\<stdin\\>\n"),
            std::string::npos)
      << Out;
  // Clean files are counted, not listed.
  EXPECT_EQ(Out.find("clean.c"), std::string::npos) << Out;
}

TEST(ReportWritersTest, MarkdownCellsSurvivePipesAndBackticks) {
  std::string Out = markdown(fixReport());
  // The fence outgrows the backticks inside; the pipe cannot end the cell;
  // an empty After is a dash.
  EXPECT_NE(Out.find("| 9 | `redisConnect` | partially-hardcoded | "
                     "``return redisConnect(a \\| b ? `x` : "
                     "\"<script>alert(1)</script>\", 1);`` | — | manual | a "
                     "constant fallback is mixed with values computed at run "
                     "time |\n"),
            std::string::npos)
      << Out;

  Report R = shareReport(1, 0);
  R.Files.front().Findings.front().Before = "`cmd` | x";
  // A backtick at the edge is padded so it does not join the fence.
  EXPECT_NE(markdown(R).find("| `` `cmd` \\| x `` |"), std::string::npos)
      << markdown(R);
}

TEST(ReportWritersTest, MarkdownLinkingSectionComesLast) {
  std::string Out = markdown(fixReport());
  size_t Summary = at(Out, "## Summary");
  size_t Profiles = at(Out, "## Profiles");
  size_t Cache = at(Out, "### src/cache.c");
  size_t Queue = at(Out, "### src/queue.c");
  size_t Broken = at(Out, "### src/broken.c");
  size_t Linking = at(Out, "## Linking the runtime");
  EXPECT_LT(Summary, Profiles);
  EXPECT_LT(Profiles, Cache);
  EXPECT_LT(Cache, Queue);
  EXPECT_LT(Queue, Broken);
  EXPECT_LT(Broken, Linking);
  EXPECT_LT(Linking, at(Out, "```sh\ncc app.c $(pkg-config --cflags --libs "
                             "rehost-runtime)\n```\n"));
  EXPECT_LT(Linking, at(Out, "```cmake\nfind_package(RehostRuntime REQUIRED)\n"
                             "target_link_libraries(app PRIVATE "
                             "rehost::runtime)\n```\n"));
  EXPECT_LT(Linking, at(Out, "`rehost-doctor PROFILE` shows what a profile "
                             "resolves to"));
  // The report points to the deployment side.
  EXPECT_LT(at(Out, "`rehost-doctor PROFILE`"),
            at(Out, "\n\n`rehost env` writes the variables the deployment "
                    "must now set"));
}

TEST(ReportWritersTest, ScanReportTitle) {
  Report Scan = shareReport(1, 0);
  Scan.Command = "scan";
  EXPECT_EQ(markdown(Scan).rfind("# rehost scan report\n", 0), 0u);
  EXPECT_NE(html(Scan).find("<h1>rehost scan report</h1>"), std::string::npos);
}

TEST(ReportWritersTest, HtmlHasTheMarkdownContentInOrder) {
  std::string Out = html(fixReport());
  EXPECT_EQ(Out.rfind("<!DOCTYPE html>\n", 0), 0u);
  size_t Title = at(Out, "<h1>rehost fix report</h1>");
  size_t Clean = at(Out, "<th scope=\"row\">Files clean</th><td>2</td>");
  size_t Share = at(Out, "<p class=\"share\">3 of 4 findings fixed (75%)</p>");
  size_t Profile =
      at(Out, "<tr><td><code>default</code></td><td><code>redis://"
              "10.0.0.12:6380</code></td><td>3</td><td><code>REDIS_URL</code>,"
              " <code>REDIS_HOST</code></td><td><code>REDIS_PASSWORD</code>"
              "</td></tr>");
  size_t Cache = at(Out, "<h3>src/cache.c</h3>");
  size_t Broken = at(Out, "<h3>src/broken.c</h3>\n<p class=\"error\">Not "
                          "analysed: cannot parse &lt;stdin&gt;</p>");
  size_t Linking = at(Out, "<h2>Linking the runtime</h2>");
  size_t Doctor = at(Out, "<code>rehost-doctor PROFILE</code> shows");
  EXPECT_LT(Title, Clean);
  EXPECT_LT(Clean, Share);
  EXPECT_LT(Share, Profile);
  EXPECT_LT(Profile, Cache);
  EXPECT_LT(Cache, Broken);
  EXPECT_LT(Broken, Linking);
  EXPECT_LT(Linking, Doctor);
  at(Out, "<pre><code>cc app.c $(pkg-config --cflags --libs "
          "rehost-runtime)\n</code></pre>");
  at(Out, "<td>—</td><td>manual</td>");
  EXPECT_EQ(Out.find("clean.c"), std::string::npos);
  EXPECT_EQ(Out.rfind("</body>\n</html>\n"), Out.size() - 16);
}

TEST(ReportWritersTest, HtmlEscapesEverythingAndLoadsNothing) {
  std::string Out = html(fixReport());
  at(Out, "<td><code>return redisConnect(a | b ? `x` : "
          "&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;, 1);</code></td>");
  EXPECT_EQ(Out.find("<script"), std::string::npos);
  for (llvm::StringRef External : {"src=", "href=", "@import", "url("})
    EXPECT_EQ(Out.find(External.str()), std::string::npos) << External.str();
}

TEST(ReportWritersTest, JsonHasBeforeAfterProfilesAndFixCounts) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeJson(fixReport(), OS);
  llvm::Expected<llvm::json::Value> Doc = llvm::json::parse(OS.str());
  ASSERT_TRUE(bool(Doc)) << llvm::toString(Doc.takeError());
  const llvm::json::Object &Root = *Doc->getAsObject();

  const llvm::json::Array &Cache =
      *Root.getArray("files")->front().getAsObject()->getArray("findings");
  const llvm::json::Object &Fixed = *Cache[0].getAsObject();
  EXPECT_EQ(Fixed.getString("before"),
            llvm::StringRef("  return redisConnect(\"10.0.0.12\", 6380);"));
  EXPECT_EQ(Fixed.getString("after"),
            llvm::StringRef("  return rehost_redisConnect(\"default\", "
                            "\"10.0.0.12\", 6380);"));
  // Nothing changes for a manual finding: no "after" at all.
  EXPECT_EQ(Cache[1].getAsObject()->get("after"), nullptr);

  const llvm::json::Object &Profile =
      *Root.getArray("profiles")->front().getAsObject();
  EXPECT_EQ(Profile.getString("name"), llvm::StringRef("default"));
  EXPECT_EQ(Profile.getString("address"),
            llvm::StringRef("redis://10.0.0.12:6380"));
  EXPECT_EQ(Profile.getString("endpoint"),
            llvm::StringRef("redis://10.0.0.12:6380"));
  EXPECT_EQ(Profile.getInteger("sites"), int64_t(3));
  EXPECT_EQ(*Profile.get("variables"),
            llvm::json::Value(llvm::json::Array{"REDIS_URL", "REDIS_HOST"}));
  EXPECT_EQ(*Profile.get("must_set"),
            llvm::json::Value(llvm::json::Array{"REDIS_PASSWORD"}));

  const llvm::json::Object &Summary = *Root.getObject("summary");
  EXPECT_EQ(Summary.getInteger("fixable"), int64_t(0));
  EXPECT_EQ(Summary.getInteger("fixed"), int64_t(3));
  EXPECT_EQ(Summary.getInteger("manual"), int64_t(1));
  EXPECT_EQ(Summary.getInteger("files_fixed"), int64_t(2));
  EXPECT_EQ(Summary.getInteger("findings"), int64_t(4));
}

TEST(ReportWriters, TheFixRecordDecidesWhatEachPlannedRewriteShows) {
  Report R;
  R.Command = "fix";
  FileReport File;
  File.DisplayPath = "src/cache.c";
  File.State = FileReport::Status::Findings;
  Finding Written = finding(4, Action::Fixable, "redisConnect(H, 1);",
                            "rehost_redisConnect(\"default\", H, 1);");
  Written.EditFile = "/p/src/cache.c";
  Finding Refused = Written;
  Refused.Line = 8;
  Refused.EditFile = "/p/include/cache.h";
  File.Findings = {Written, Refused};
  R.Files.push_back(File);

  // Without a record, the plan.
  EXPECT_EQ(R.computeSummary().Fixable, 2u);
  R.Fix = FixRecord{true, {{"/p/include/cache.h", "changed on disk"}}};
  EXPECT_EQ(R.outcome(R.Files[0].Findings[0]).Act, Action::Fixed);
  Finding Shown = R.outcome(R.Files[0].Findings[1]);
  EXPECT_EQ(Shown.Act, Action::Manual);
  EXPECT_EQ(Shown.Reason, "changed on disk");
  EXPECT_TRUE(Shown.After.empty());
  // The findings themselves still say what was planned.
  EXPECT_EQ(R.Files[0].Findings[1].Act, Action::Fixable);
  Summary S = R.computeSummary();
  EXPECT_EQ(S.Fixed, 1u);
  EXPECT_EQ(S.Manual, 1u);

  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeJson(R, OS);
  auto Root = llvm::json::parse(OS.str());
  ASSERT_TRUE(bool(Root));
  const llvm::json::Array &Findings =
      *Root->getAsObject()->getArray("files")->front().getAsObject()->getArray(
          "findings");
  EXPECT_EQ(Findings[0].getAsObject()->getString("action"),
            llvm::StringRef("fixed"));
  EXPECT_EQ(Findings[1].getAsObject()->getString("reason"),
            llvm::StringRef("changed on disk"));

  // A dry run writes nothing: what was not refused stays planned.
  R.Fix->SourcesWritten = false;
  EXPECT_EQ(R.outcome(R.Files[0].Findings[0]).Act, Action::Fixable);
}

} // namespace
