//===--- NameListTest.cpp - NameList matching of qualified names ----------===//

#include "model/CoroutineInfo.h"
#include "gtest/gtest.h"

using corolint::NameList;

namespace {

TEST(NameListTest, QualifiedNameMatchesItselfAndEnclosingNamespaces) {
  NameList Names("a::b");
  EXPECT_TRUE(Names.matches("a::b"));
  EXPECT_TRUE(Names.matches("x::a::b"));
  EXPECT_TRUE(Names.matches("y::x::a::b"));
}

TEST(NameListTest, MatchesOnlyWholeNameComponents) {
  NameList Names("a::b");
  EXPECT_FALSE(Names.matches("xa::b"));
  EXPECT_FALSE(Names.matches("a::bc"));
  EXPECT_FALSE(Names.matches("a::b::c"));
  EXPECT_FALSE(Names.matches("b"));
  EXPECT_FALSE(Names.matches(""));
}

TEST(NameListTest, LeadingColonsAnchorAtTheGlobalNamespace) {
  NameList Names("::a::b");
  EXPECT_TRUE(Names.matches("a::b"));
  EXPECT_FALSE(Names.matches("x::a::b"));
  EXPECT_FALSE(Names.matches("::a::b"));
}

TEST(NameListTest, UnqualifiedNameMatchesInAnyNamespace) {
  NameList Names("sleep");
  EXPECT_TRUE(Names.matches("sleep"));
  EXPECT_TRUE(Names.matches("std::this_thread::sleep"));
  EXPECT_FALSE(Names.matches("usleep"));
  EXPECT_TRUE(NameList("::sleep").matches("sleep"));
  EXPECT_FALSE(NameList("::sleep").matches("posix::sleep"));
}

TEST(NameListTest, SemicolonSeparatedTrimmedAndEmptyPartsDropped) {
  NameList Names(" a::b ; ;c::d;;");
  EXPECT_TRUE(Names.matches("a::b"));
  EXPECT_TRUE(Names.matches("x::c::d"));
  EXPECT_FALSE(Names.matches(""));
  EXPECT_FALSE(Names.matches(" a::b "));
}

TEST(NameListTest, EmptyListMatchesNothing) {
  EXPECT_FALSE(NameList().matches("a"));
  EXPECT_FALSE(NameList("").matches(""));
  EXPECT_FALSE(NameList(";;").matches("a::b"));
}

} // namespace
