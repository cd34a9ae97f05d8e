//===--- SharedPreamblesTest.cpp - the directives files share -------------===//

#include "tooling/SharedPreambles.h"
#include "gtest/gtest.h"

using corolint::LeadingDirective;
using corolint::leadingDirectives;

namespace {

std::vector<std::string> texts(const std::vector<LeadingDirective> &Found) {
  std::vector<std::string> Texts;
  for (const LeadingDirective &D : Found)
    Texts.push_back(D.Text.str());
  return Texts;
}

using Texts = std::vector<std::string>;

TEST(SharedPreamblesTest, DirectivesAndWhereTheirLinesEnd) {
  llvm::StringRef Code = "// header comment\n"
                         "#include <a.h>\n"
                         "/* between */\n"
                         "#include \"b.h\"  // why\n"
                         "// the file's own comment\n"
                         "int x;\n";
  std::vector<LeadingDirective> Found = leadingDirectives(Code);
  EXPECT_EQ(texts(Found),
            (Texts{"#include <a.h>", "#include \"b.h\"  // why"}));
  ASSERT_EQ(Found.size(), 2u);
  EXPECT_EQ(Code.take_front(Found[0].End),
            "// header comment\n#include <a.h>\n");
  EXPECT_EQ(Code.take_front(Found[1].End),
            "// header comment\n#include <a.h>\n/* between */\n"
            "#include \"b.h\"  // why\n");
}

TEST(SharedPreamblesTest, ContinuedDirectiveLinesBelongToTheDirective) {
  llvm::StringRef Code = "#include <a.h>\n"
                         "#define X \\\n"
                         "  1\n"
                         "int x = X;\n";
  std::vector<LeadingDirective> Found = leadingDirectives(Code);
  EXPECT_EQ(texts(Found), (Texts{"#include <a.h>", "#define X \\\n  1"}));
  ASSERT_EQ(Found.size(), 2u);
  EXPECT_EQ(Code.take_front(Found[1].End),
            "#include <a.h>\n#define X \\\n  1\n");
}

TEST(SharedPreamblesTest, EndsBeforeWhatAHeaderWouldChange) {
  // Conditionals may span the preamble's end; #line renumbers the file's
  // own lines; #include_next searches from the includer's place.
  EXPECT_EQ(texts(leadingDirectives("#include <a.h>\n#ifdef X\n#include <b.h>\n"
                                    "#endif\nint x;\n")),
            (Texts{"#include <a.h>"}));
  EXPECT_EQ(texts(leadingDirectives("#if 1\n#endif\nint x;\n")), Texts{});
  EXPECT_EQ(texts(leadingDirectives("#include <a.h>\n#line 10\nint x;\n")),
            (Texts{"#include <a.h>"}));
  EXPECT_EQ(texts(leadingDirectives("#include_next <a.h>\nint x;\n")), Texts{});
}

TEST(SharedPreamblesTest, WhatLooksNextToTheFile) {
  std::vector<LeadingDirective> Found =
      leadingDirectives("#include <a.h>\n#include \"b.h\"\n#include NAME\n"
                        "#define X 1\n#pragma GCC dependency \"c.h\"\n"
                        "#pragma once\nint x;\n");
  std::vector<bool> NextToFile;
  for (const LeadingDirective &D : Found)
    NextToFile.push_back(D.SearchesFromFile);
  EXPECT_EQ(NextToFile,
            (std::vector<bool>{false, true, true, false, true, false}));
}

TEST(SharedPreamblesTest, NothingIsCutInTwo) {
  // A comment that goes on past the directive's line.
  EXPECT_EQ(texts(leadingDirectives("#include <a.h>\n#include <b.h> /* a\n"
                                    "b */\nint x;\n")),
            (Texts{"#include <a.h>"}));
  // A directive without a newline ends the file: nothing after it to parse.
  EXPECT_EQ(texts(leadingDirectives("#include <a.h>")), Texts{});
}

TEST(SharedPreamblesTest, NoDirectivesNoBlock) {
  EXPECT_EQ(texts(leadingDirectives("")), Texts{});
  EXPECT_EQ(texts(leadingDirectives("int x;\n#include <a.h>\n")), Texts{});
  EXPECT_EQ(texts(leadingDirectives("// only a comment\nint x;\n")), Texts{});
  // A `#` inside a comment is no directive.
  EXPECT_EQ(texts(leadingDirectives("/*\n#include <a.h>\n*/\nint x;\n")),
            Texts{});
}

TEST(SharedPreamblesTest, PreambleHeaderNamesAreRecognised) {
  EXPECT_FALSE(corolint::isSharedPreambleHeader("/src/a.h"));
  EXPECT_TRUE(
      corolint::isSharedPreambleHeader("/src/.corolint-preamble-12AB.h"));
}

} // namespace
