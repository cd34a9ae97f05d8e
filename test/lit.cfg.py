# lit configuration for corolint: every test runs the standalone driver and
# the clang-tidy plugin on the same input and checks the same findings.
import os
import lit.formats

config.name = "corolint"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "expect_exit.py", "check_test.py", "sarif"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.corolint_obj_root, "test")

# LLVM's tools (FileCheck, not), and corolint itself for tests that run it
# the way users' tools do (pre-commit).
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, os.path.join(config.corolint_obj_root, "bin"),
     config.environment.get("PATH", os.environ["PATH"])])

plugin = config.plugin
inputs = os.path.join(config.test_source_root, "Inputs")
# Check comments are blanked in the copy that is linted and fixed, so that
# CHECK-FIXES lines cannot match themselves; line numbers stay the same.
strip_checks = r"sed -E 's#//[[:space:]]*CHECK-[A-Z0-9-]+:.*#//#'"

# The clang-tidy of the other supported major, for the plugin's refusal
# tests: looked up now, when the tests run, if configuring build/ did not
# find it (the README's order: utils/corolint configures build/, then
# utils/test installs the other major).
import shutil
other_llvm_major = "22" if config.llvm_major == "19" else "19"
def find_other_clang_tidy():
    candidates = [config.other_clang_tidy,
                  "/usr/lib/llvm-%s/bin/clang-tidy" % other_llvm_major,
                  shutil.which("clang-tidy-" + other_llvm_major)]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    lit_config.warning("no clang-tidy of LLVM %s: the plugin's refusal tests "
                       "will fail" % other_llvm_major)
    return "clang-tidy-" + other_llvm_major
other_clang_tidy = find_other_clang_tidy()

corolint = os.path.join(config.corolint_obj_root, "bin", "corolint")
# One check test through every front end (corolint, clang-tidy with the
# plugin, corolint-tidy where it is built, corolint --fix, the fixed file
# compiled): see check_test.py.
#   // RUN: %check-test coro-blocking-sleep %s -- %std -I%inputs
# Before the others: lit substitutes in order, and %t comes after these.
check_test = " ".join([
    "python3", os.path.join(config.test_source_root, "check_test.py"),
    "--corolint=" + corolint, "--clang-tidy=" + config.clang_tidy,
    "--plugin=" + plugin, "--clangxx=" + config.clangxx,
    "--filecheck=" + os.path.join(config.llvm_tools_dir, "FileCheck"),
    "--tmp=%t"]
    + (["--corolint-tidy=" + os.path.join(config.corolint_obj_root, "bin", "corolint-tidy")]
       if config.editor_front_ends == "ON" else []))

# The editor front ends (not built in a sanitized tree), and what drives
# them as editors do: a scripted LSP session, Neovim's own client.
bin_dir = os.path.join(config.corolint_obj_root, "bin")
if config.editor_front_ends == "ON":
    config.available_features.add("editor-front-ends")
nvim_session = os.path.join(config.test_source_root, "editors", "nvim_session.lua")

config.substitutions += [
    ("%check-test", check_test),
    # Before %corolint, which would take their first word.
    ("%corolint-clangd", os.path.join(bin_dir, "corolint-clangd")),
    ("%corolint-tidy", os.path.join(bin_dir, "corolint-tidy")),
    ("%stock-clangd", os.path.join(config.llvm_tools_dir, "clangd")),
    ("%run-clang-tidy", os.path.join(config.llvm_tools_dir, "run-clang-tidy")),
    ("%lsp-session", "python3 " + os.path.join(config.test_source_root, "editors", "lsp_session.py")),
    ("%nvim-session", "%s --headless --clean -c 'luafile %s'"
     % (shutil.which("nvim") or "nvim", nvim_session)),
    ("%examples", os.path.join(config.corolint_src_root, "examples")),
    ("%llvm-major", config.llvm_major),
    ("%corolint", corolint),
    # The driver's header filter; clang-tidy's default differs by major.
    ("%tidy", config.clang_tidy + " -load=" + plugin + " -header-filter=.*"),
    ("%plugin", plugin),
    ("%clang-tidy-bin", config.clang_tidy),
    ("%clangxx", config.clangxx),
    ("%std", "-std=c++20"),
    ("%inputs", inputs),
    ("%strip-checks", strip_checks),
    ("%other-clang-tidy", other_clang_tidy),
    ("%other-llvm-major", other_llvm_major),
    ("%apply-replacements", config.apply_replacements),
    ("%validate-sarif", "python3 " + os.path.join(config.test_source_root, "sarif", "validate_sarif.py")
     + " " + os.path.join(config.test_source_root, "sarif", "sarif-schema-2.1.0.json")),
    ("%merge-sarif", "python3 " + os.path.join(config.corolint_src_root, "utils", "merge-sarif")),
    ("%python", "python3"),
    ("%expect-exit", "python3 " + os.path.join(config.test_source_root, "expect_exit.py")),
    # Headless Chromium (utils/bootstrap installs it) renders the HTML report;
    # a profile per test, as root without the sandbox.
    ("%chromium", (shutil.which("chromium") or "chromium") +
     " --headless --no-sandbox --disable-gpu --user-data-dir=%t.chromium"),
    ("%obj-root", config.corolint_obj_root),
    ("%src-root", config.corolint_src_root),
    ("%llvm-major", config.llvm_major),
]
config.available_features.add("llvm-" + config.llvm_major)
# A tree with a plugin of its own can be installed and packaged; the
# sanitized tree (build-san) tests the plugin of build/ and packages nothing.
if os.path.exists(os.path.join(config.corolint_obj_root, "lib",
                               "CorolintTidyPlugin.so")):
    config.available_features.add("own-plugin")
# The system's Asio (libasio-dev) and g++, for the CMake recipe of docs/ci.md.
try:
    if ("ASIO_VERSION 1022" in open("/usr/include/asio/version.hpp").read()
            and shutil.which("g++")):
        config.available_features.add("system-asio-1.22")
except OSError:
    pass
# Root reads any file: tests of unreadable files run the tool as nobody,
# where nobody can reach the tool and the test directory (not under a
# private home or a mktemp directory).
import subprocess
unprivileged = ""
can_drop = True
if os.geteuid() == 0:
    unprivileged = "setpriv --reuid=65534 --regid=65534 --clear-groups"
    probe = unprivileged.split() + [
        "sh", "-c", 'test -x "$1" && cd "$2"', "probe",
        os.path.join(config.corolint_obj_root, "bin", "corolint"),
        config.test_exec_root]
    os.makedirs(config.test_exec_root, exist_ok=True)
    can_drop = subprocess.run(probe, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0
if can_drop:
    config.available_features.add("unprivileged-user")
config.substitutions.append(("%unprivileged", unprivileged))
