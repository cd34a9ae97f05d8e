//===--- FrameworksTest.cpp - the framework table and its configuration ---===//

#include "model/Frameworks.h"
#include "model/CoroutineInfo.h"
#include "gtest/gtest.h"

using namespace corolint;
using clang::tidy::ClangTidyOptions;

namespace {

bool listed(llvm::StringRef SemicolonSeparated, llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  SemicolonSeparated.split(Parts, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts)
    if (Part.trim() == Name)
      return true;
  return false;
}

TEST(FrameworksTest, RoleNamesRoundTrip) {
  EXPECT_EQ(roleName(Role::SpawnFunctions), "SpawnFunctions");
  std::optional<Role> R = roleNamed("SleepFunctions");
  ASSERT_TRUE(R.has_value());
  EXPECT_EQ(*R, Role::SleepFunctions);
  EXPECT_FALSE(roleNamed("NoSuchRole").has_value());
  for (unsigned I = 0; I < NumRoles; ++I)
    EXPECT_EQ(roleNamed(roleName(Role(I))), Role(I)) << roleName(Role(I)).str();
}

TEST(FrameworksTest, BuiltinTableListsAsiosSpawnFunction) {
  const FrameworkTable &Table = FrameworkTable::builtin();
  std::string Spawn = Table.names(Role::SpawnFunctions);
  EXPECT_TRUE(listed(Spawn, "asio::co_spawn")) << Spawn;
  EXPECT_TRUE(NameList(Spawn).matches("boost::asio::co_spawn"));
  EXPECT_FALSE(listed(Spawn, "acme::spawn"));
  const Framework *Asio = Table.find("Asio");
  ASSERT_NE(Asio, nullptr);
  EXPECT_TRUE(listed(Asio->names(Role::SpawnFunctions), "asio::co_spawn"));
  EXPECT_EQ(Table.find("Acme"), nullptr);
}

TEST(FrameworksTest, ConfiguredAddsAFramework) {
  ClangTidyOptions::OptionMap Options;
  Options["corolint.Frameworks"] = ClangTidyOptions::ClangTidyValue("Acme");
  Options["corolint.Acme.SpawnFunctions"] =
      ClangTidyOptions::ClangTidyValue("acme::spawn");
  std::vector<std::string> Problems;
  FrameworkTable Table = FrameworkTable::configured(Options, Problems);
  EXPECT_TRUE(Problems.empty()) << Problems.front();
  std::string Spawn = Table.names(Role::SpawnFunctions);
  EXPECT_TRUE(listed(Spawn, "acme::spawn")) << Spawn;
  EXPECT_TRUE(listed(Spawn, "asio::co_spawn")) << Spawn;
  const Framework *Acme = Table.find("Acme");
  ASSERT_NE(Acme, nullptr);
  EXPECT_EQ(Acme->names(Role::SpawnFunctions), "acme::spawn");
  // The built-in table is unchanged.
  EXPECT_FALSE(
      listed(FrameworkTable::builtin().names(Role::SpawnFunctions), "acme::spawn"));
}

TEST(FrameworksTest, ConfiguredExtendsABuiltinFramework) {
  ClangTidyOptions::OptionMap Options;
  Options["corolint.Asio.SpawnFunctions"] =
      ClangTidyOptions::ClangTidyValue("asio::my_spawn");
  std::vector<std::string> Problems;
  FrameworkTable Table = FrameworkTable::configured(Options, Problems);
  EXPECT_TRUE(Problems.empty()) << Problems.front();
  const Framework *Asio = Table.find("Asio");
  ASSERT_NE(Asio, nullptr);
  EXPECT_TRUE(listed(Asio->names(Role::SpawnFunctions), "asio::co_spawn"));
  EXPECT_TRUE(listed(Asio->names(Role::SpawnFunctions), "asio::my_spawn"));
}

TEST(FrameworksTest, UnknownFieldIsAProblem) {
  ClangTidyOptions::OptionMap Options;
  Options["corolint.Frameworks"] = ClangTidyOptions::ClangTidyValue("Acme");
  Options["corolint.Acme.SpawnFunction"] = // Misspelt: no trailing 's'.
      ClangTidyOptions::ClangTidyValue("acme::spawn");
  std::vector<std::string> Problems;
  FrameworkTable Table = FrameworkTable::configured(Options, Problems);
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_NE(Problems[0].find("SpawnFunction"), std::string::npos) << Problems[0];
  EXPECT_FALSE(listed(Table.names(Role::SpawnFunctions), "acme::spawn"));
}

TEST(FrameworksTest, UnlistedFrameworkIsAProblem) {
  ClangTidyOptions::OptionMap Options;
  Options["corolint.Acme.SpawnFunctions"] =
      ClangTidyOptions::ClangTidyValue("acme::spawn");
  std::vector<std::string> Problems;
  FrameworkTable Table = FrameworkTable::configured(Options, Problems);
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_NE(Problems[0].find("Acme"), std::string::npos) << Problems[0];
  EXPECT_EQ(Table.find("Acme"), nullptr);
}

TEST(FrameworksTest, OtherOptionsAreIgnored) {
  ClangTidyOptions::OptionMap Options;
  Options["coro-blocking-call.MaxCallDepth"] =
      ClangTidyOptions::ClangTidyValue("1");
  std::vector<std::string> Problems;
  FrameworkTable Table = FrameworkTable::configured(Options, Problems);
  EXPECT_TRUE(Problems.empty());
  EXPECT_EQ(Table.entries().size(), FrameworkTable::builtin().entries().size());
}

} // namespace
