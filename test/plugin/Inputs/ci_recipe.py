"""`ci_recipe.py CI_MD CLANG_TIDY PLUGIN`: prints the CMake recipe of
docs/ci.md ("Inside the build") as written, with the clang-tidy and the
plugin of this build in place of the page's `clang-tidy-19` and
`/path/to/build/lib/CorolintTidyPlugin.so`."""
import re
import sys

text = open(sys.argv[1]).read()
section = text.split("## Inside the build", 1)[1]
recipe = re.search(r"```cmake\n(.*?)```", section, re.S).group(1)
recipe = recipe.replace("/path/to/build/lib/CorolintTidyPlugin.so", sys.argv[3])
recipe = re.sub(r"\bclang-tidy-\d+\b", sys.argv[2], recipe, count=1)
sys.stdout.write(recipe)
