//===--- SharedPreamblesTest.cpp - the include block files share ----------===//

#include "tooling/SharedPreambles.h"
#include "gtest/gtest.h"

using corolint::sharablePreambleSize;

namespace {

TEST(SharedPreamblesTest, EndsAfterTheLastDirective) {
  llvm::StringRef Code = "// header comment\n"
                         "#include <a.h>\n"
                         "#include \"b.h\"\n"
                         "// the file's own comment\n"
                         "int x;\n";
  unsigned Size = sharablePreambleSize(Code);
  EXPECT_EQ(Code.take_front(Size),
            "// header comment\n#include <a.h>\n#include \"b.h\"\n");
}

TEST(SharedPreamblesTest, ContinuedDirectiveLinesBelongToTheDirective) {
  llvm::StringRef Code = "#include <a.h>\n"
                         "#define X \\\n"
                         "  1\n"
                         "int x = X;\n";
  EXPECT_EQ(Code.take_front(sharablePreambleSize(Code)),
            "#include <a.h>\n#define X \\\n  1\n");
}

TEST(SharedPreamblesTest, ConditionalsMeanNoSharedBlock) {
  EXPECT_EQ(sharablePreambleSize("#include <a.h>\n#ifdef X\n#include <b.h>\n"
                                 "#endif\nint x;\n"),
            0u);
  EXPECT_EQ(sharablePreambleSize("#if 1\n#endif\nint x;\n"), 0u);
}

TEST(SharedPreamblesTest, NoDirectivesNoBlock) {
  EXPECT_EQ(sharablePreambleSize(""), 0u);
  EXPECT_EQ(sharablePreambleSize("int x;\n#include <a.h>\n"), 0u);
  EXPECT_EQ(sharablePreambleSize("// only a comment\nint x;\n"), 0u);
  // A directive without a newline ends the file: nothing after it to parse.
  EXPECT_EQ(sharablePreambleSize("#include <a.h>"), 0u);
}

TEST(SharedPreamblesTest, PreambleHeaderNamesAreRecognised) {
  EXPECT_FALSE(corolint::isSharedPreambleHeader("/src/a.h"));
  EXPECT_TRUE(
      corolint::isSharedPreambleHeader("/src/.corolint-preamble-12AB.h"));
}

} // namespace
