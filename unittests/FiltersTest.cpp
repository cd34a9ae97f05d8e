//===--- FiltersTest.cpp - unified diffs and baseline keys ----------------===//

#include "tooling/Filters.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace corolint;
using clang::tidy::ClangTidyError;

namespace {

using Ranges = std::vector<std::pair<unsigned, unsigned>>;

TEST(FiltersTest, UnifiedDiffAddedRangesPerFile) {
  const char *Diff = "diff --git a/src/a.cpp b/src/a.cpp\n"
                     "--- a/src/a.cpp\n"
                     "+++ b/src/a.cpp\n"
                     "@@ -3,0 +4,2 @@ void f() {\n"
                     "+  x();\n"
                     "+  y();\n"
                     "@@ -10 +12 @@\n"
                     "-  old();\n"
                     "+  z();\n"
                     "diff --git a/b.h b/b.h\n"
                     "--- a/b.h\n"
                     "+++ b/b.h\n"
                     "@@ -7,3 +7,0 @@\n";
  ChangedLines Changed = parseUnifiedDiff(Diff, "/repo");
  ASSERT_EQ(Changed.size(), 1u);
  auto It = Changed.find("/repo/src/a.cpp");
  ASSERT_NE(It, Changed.end());
  EXPECT_EQ(It->second, (Ranges{{4, 5}, {12, 12}}));
  // Lines only deleted: nothing to report on.
  EXPECT_EQ(Changed.count("/repo/b.h"), 0u);
}

TEST(FiltersTest, UnifiedDiffDeletedFilesAndDotsInPaths) {
  const char *Diff = "--- a/gone.cpp\n"
                     "+++ /dev/null\n"
                     "@@ -1,3 +0,0 @@\n"
                     "--- a/x/../y/c.cpp\r\n"
                     "+++ b/x/../y/c.cpp\r\n"
                     "@@ -1 +1,3 @@\r\n";
  ChangedLines Changed = parseUnifiedDiff(Diff, "/repo");
  EXPECT_EQ(Changed.size(), 1u);
  auto It = Changed.find("/repo/y/c.cpp");
  ASSERT_NE(It, Changed.end());
  EXPECT_EQ(It->second, (Ranges{{1, 3}}));
}

TEST(FiltersTest, UnifiedDiffIgnoresHunksBeforeAFile) {
  EXPECT_TRUE(parseUnifiedDiff("@@ -1 +1 @@\n", "/repo").empty());
  EXPECT_TRUE(parseUnifiedDiff("", "/repo").empty());
}

class BaselineTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("corolint-baseline", "cpp",
                                                    Path));
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << "int a;\n"
       << "  sleep(1);  \n"
       << "int b;\n"
       << "  sleep(1);\n";
  }
  void TearDown() override { llvm::sys::fs::remove(Path); }

  ClangTidyError finding(llvm::StringRef Check, llvm::StringRef Message,
                         unsigned Offset) {
    ClangTidyError E(Check, ClangTidyError::Warning, "/build",
                     /*IsWarningAsError=*/false);
    E.Message.Message = Message.str();
    E.Message.FilePath = std::string(Path);
    E.Message.FileOffset = Offset;
    return E;
  }

  llvm::SmallString<128> Path;
};

TEST_F(BaselineTest, KeyIsCheckFileMessageTrimmedLineAndOccurrence) {
  // Offsets 9 and 28 are on lines 2 and 4, both "sleep(1);" once trimmed.
  std::vector<ClangTidyError> Findings = {
      finding("coro-blocking-sleep", "sleeps", 9),
      finding("coro-blocking-sleep", "sleeps", 28),
      finding("coro-blocking-call", "sleeps", 9),
  };
  std::vector<std::string> Keys = baselineKeys(Findings);
  std::string File(Path);
  ASSERT_EQ(Keys.size(), 3u);
  EXPECT_EQ(Keys[0], "coro-blocking-sleep|" + File + "|sleeps|sleep(1);|0");
  EXPECT_EQ(Keys[1], "coro-blocking-sleep|" + File + "|sleeps|sleep(1);|1");
  EXPECT_EQ(Keys[2], "coro-blocking-call|" + File + "|sleeps|sleep(1);|0");
}

TEST_F(BaselineTest, KeysSurviveLinesMovingAndRoundTripThroughAFile) {
  std::vector<ClangTidyError> Findings = {
      finding("coro-blocking-sleep", "sleeps", 9)};
  llvm::SmallString<128> Baseline;
  ASSERT_FALSE(
      llvm::sys::fs::createTemporaryFile("corolint-baseline", "txt", Baseline));
  ASSERT_FALSE(bool(writeBaseline(Findings, Baseline)));
  // The same finding on another line (offset 23 is on line 3, whose
  // text differs), and the recorded one.
  std::vector<ClangTidyError> Later = {finding("coro-blocking-sleep", "sleeps", 23),
                                       finding("coro-blocking-sleep", "sleeps", 9)};
  ASSERT_FALSE(bool(applyBaseline(Later, Baseline)));
  ASSERT_EQ(Later.size(), 1u);
  EXPECT_EQ(Later[0].Message.FileOffset, 23u);
  llvm::sys::fs::remove(Baseline);
}

TEST(FiltersTest, UnifiedDiffPathsResolvedByTheCaller) {
  // --diff=- resolves each path itself (the work tree's top, or the working
  // directory): the resolver sees the path as the diff names it.
  std::vector<std::string> Asked;
  ChangedLines Changed = parseUnifiedDiff(
      "+++ b/src/a.cpp\n@@ -1 +1 @@\n", [&](llvm::StringRef Relative) {
        Asked.push_back(Relative.str());
        return "/top/" + Relative.str();
      });
  EXPECT_EQ(Asked, std::vector<std::string>{"src/a.cpp"});
  EXPECT_EQ(Changed.count("/top/src/a.cpp"), 1u);
}

TEST(FiltersTest, BaselineNamesFilesRelativeToTheirRepository) {
  llvm::SmallString<128> Repo;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("corolint-repo", Repo));
  llvm::SmallString<128> Git(Repo), Src(Repo), File;
  llvm::sys::path::append(Git, ".git");
  llvm::sys::path::append(Src, "src");
  ASSERT_FALSE(llvm::sys::fs::create_directories(Git));
  ASSERT_FALSE(llvm::sys::fs::create_directories(Src));
  File = Src;
  llvm::sys::path::append(File, "a.cpp");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC);
    ASSERT_FALSE(EC);
    OS << "  sleep(1);\n";
  }
  ClangTidyError E("coro-blocking-sleep", ClangTidyError::Warning, "/build",
                   /*IsWarningAsError=*/false);
  E.Message.Message = "sleeps";
  E.Message.FilePath = std::string(File);
  E.Message.FileOffset = 2;
  EXPECT_EQ(baselineKeys({E}),
            std::vector<std::string>{
                "coro-blocking-sleep|src/a.cpp|sleeps|sleep(1);|0"});
  // As baselines were first written: still read.
  EXPECT_EQ(baselineKeys({E}, BaselinePaths::Absolute),
            std::vector<std::string>{"coro-blocking-sleep|" +
                                     std::string(File) +
                                     "|sleeps|sleep(1);|0"});
  llvm::sys::fs::remove_directories(Repo);
}

TEST(FiltersTest, LineOf) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("corolint-lineof", "cpp", Path));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << "a\nbc\n\nd";
  }
  EXPECT_EQ(lineOf(Path, 0), 1u);
  EXPECT_EQ(lineOf(Path, 2), 2u);
  EXPECT_EQ(lineOf(Path, 5), 3u);
  EXPECT_EQ(lineOf(Path, 6), 4u);
  llvm::sys::fs::remove(Path);
}

} // namespace
