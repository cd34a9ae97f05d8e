"""One check test through every front end, for lit's `%check-test`:

  %check-test CHECKS FILE [--implicit-check-not=PATTERN]... -- COMPILER-ARGS

CHECKS is what follows `-*,` in the checks option (a name or a glob). The
steps, each reported on its own with its command, output and exit code:

  1. corolint on the file; its output checked with FileCheck, prefix
     CHECK-MESSAGES if the file has such lines, otherwise CHECK;
  2. clang-tidy with the plugin, the same messages;
  2b. with --corolint-tidy: corolint-tidy (clang-tidy with the checks built
     in), the same messages;
  and if the file has CHECK-FIXES lines:
  3. corolint --fix on the copy;
  4. FileCheck CHECK-FIXES on the fixed copy;
  5. the fixed copy compiles (clang++ -fsyntax-only).

With CHECK-FIXES lines, steps 1-3 run on a copy of the file whose
`// CHECK-...:` comments are blanked (line numbers stay the same), so that
CHECK-FIXES lines cannot match themselves; otherwise on the file itself.

corolint must exit 1 when the file expects messages (positive
CHECK/CHECK-MESSAGES lines; then FileCheck also requires output) and 0 when
it expects none; clang-tidy and the compiler must exit 0. Every message
check gets --implicit-check-not="{{warning|error}}:" unless
--implicit-check-not options replace it.

clang-tidy and the compiler get the macros the driver defines itself for
Asio and Boost.Asio under Clang (ASIO_HAS_CO_AWAIT, ASIO_HAS_STD_COROUTINE
and their BOOST_ASIO_ twins), unless COMPILER-ARGS define or undefine them.
All steps run; the script fails if any step fails.
"""
import argparse
import re
import shlex
import subprocess
import sys

ASIO_MACROS = ["ASIO_HAS_CO_AWAIT", "ASIO_HAS_STD_COROUTINE",
               "BOOST_ASIO_HAS_CO_AWAIT", "BOOST_ASIO_HAS_STD_COROUTINE"]
# The same blanking as %strip-checks (lit.cfg.py).
STRIP = re.compile(r"//[ \t\r\f\v]*CHECK-[A-Z0-9-]+:.*")
POSITIVE_SUFFIXES = r"(-NEXT|-SAME|-DAG|-LABEL|-EMPTY|-COUNT-[0-9]+)?"


def directive(prefix, suffixes=POSITIVE_SUFFIXES):
    return re.compile(r"(?<![A-Za-z0-9_-])" + re.escape(prefix) + suffixes + r":")


def defined_macros(args):
    """Macro names that args define (-D) or undefine (-U)."""
    names = set()
    for i, arg in enumerate(args):
        value = None
        if arg in ("-D", "-U") and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith(("-D", "-U")) and len(arg) > 2:
            value = arg[2:]
        if value:
            names.add(value.split("=", 1)[0])
    return names


class Steps:
    def __init__(self):
        self.failed = []
        self.count = 0

    def run(self, title, command, expected_exit, stdin=None):
        """Runs command; returns its stdout (bytes). A step fails if the exit
        code differs from expected_exit."""
        self.count += 1
        out = sys.stdout
        out.write("\n==== step %d: %s\n$ %s\n" %
                  (self.count, title, " ".join(shlex.quote(c) for c in command)))
        out.flush()
        try:
            proc = subprocess.run(command, input=stdin, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
        except OSError as e:
            out.write("error: cannot run %s: %s\n" % (command[0], e))
            self.failed.append("step %d (%s): cannot run" % (self.count, title))
            return b""
        for name, data in (("stdout", proc.stdout), ("stderr", proc.stderr)):
            if data:
                out.write("---- %s\n" % name)
                out.write(data.decode("utf-8", "replace"))
                if not data.endswith(b"\n"):
                    out.write("\n")
        if proc.returncode != expected_exit:
            out.write("error: step %d (%s) exited with %d, expected %d\n" %
                      (self.count, title, proc.returncode, expected_exit))
            self.failed.append("step %d (%s): exit code %d, expected %d" %
                               (self.count, title, proc.returncode, expected_exit))
        else:
            out.write("---- ok (exit code %d)\n" % proc.returncode)
        out.flush()
        return proc.stdout


def main():
    argv = sys.argv[1:]
    if "--" in argv:
        split = argv.index("--")
        argv, compiler_args = argv[:split], argv[split + 1:]
    else:
        compiler_args = []
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corolint", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--corolint-tidy")
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--tmp", required=True, help="lit's %%t")
    parser.add_argument("--implicit-check-not", action="append", default=[])
    parser.add_argument("checks")
    parser.add_argument("file")
    opts = parser.parse_args(argv)

    with open(opts.file, encoding="utf-8") as f:
        source = f.read()

    checks = "-*," + opts.checks
    has_fixes = bool(directive("CHECK-FIXES", "").search(source))
    prefix = ("CHECK-MESSAGES"
              if directive("CHECK-MESSAGES", r"(-[A-Z0-9-]+)?").search(source)
              else "CHECK")
    expects_messages = bool(directive(prefix).search(source))
    implicit = opts.implicit_check_not or ["{{warning|error}}:"]
    filecheck_messages = [opts.filecheck, opts.file]
    if prefix != "CHECK":
        # An explicit prefix must have check lines; the default need not (a
        # file that expects no messages has none).
        filecheck_messages.append("--check-prefix=" + prefix)
    filecheck_messages += ["--implicit-check-not=" + p for p in implicit]
    if not expects_messages:
        filecheck_messages.append("--allow-empty")
    corolint_exit = 1 if expects_messages else 0

    defined = defined_macros(compiler_args)
    asio = ["-D%s=1" % m for m in ASIO_MACROS if m not in defined]

    sys.stdout.write(
        "check_test: %s on %s: messages with prefix %s (%s), %s\n" %
        (checks, opts.file, prefix,
         "corolint exits 1" if expects_messages else "none expected, corolint exits 0",
         "fix-its checked (CHECK-FIXES)" if has_fixes else "no CHECK-FIXES: no fix step"))

    linted = opts.file
    if has_fixes:
        linted = opts.tmp + ".cpp"
        with open(linted, "w", encoding="utf-8") as f:
            f.write(STRIP.sub("//", source))
        sys.stdout.write("check_test: check comments blanked in %s\n" % linted)

    steps = Steps()
    output = steps.run("corolint", [opts.corolint, "--checks=" + checks, linted,
                                    "--"] + compiler_args, corolint_exit)
    # The driver marks unsafe fix-its with a note (test/driver/unsafe-fixes.test)
    # that clang-tidy cannot give: the same CHECK lines serve both.
    output = b"".join(line for line in output.splitlines(True)
                      if b": note: unsafe fix-it" not in line)
    steps.run("FileCheck %s of corolint" % prefix, filecheck_messages, 0, stdin=output)

    output = steps.run("clang-tidy with the plugin",
                       [opts.clang_tidy, "-load=" + opts.plugin, "-header-filter=.*",
                        "-checks=" + checks, linted, "--"] + compiler_args + asio, 0)
    steps.run("FileCheck %s of clang-tidy" % prefix, filecheck_messages, 0, stdin=output)

    if opts.corolint_tidy:
        output = steps.run("corolint-tidy",
                           [opts.corolint_tidy, "-header-filter=.*", "-checks=" + checks,
                            linted, "--"] + compiler_args + asio, 0)
        steps.run("FileCheck %s of corolint-tidy" % prefix, filecheck_messages, 0,
                  stdin=output)

    if has_fixes:
        steps.run("corolint --fix", [opts.corolint, "--checks=" + checks, "--fix", "--unsafe-fixes",
                                     linted, "--"] + compiler_args, corolint_exit)
        steps.run("FileCheck CHECK-FIXES of the fixed file",
                  [opts.filecheck, opts.file, "--check-prefix=CHECK-FIXES",
                   "--input-file=" + linted], 0)
        steps.run("the fixed file compiles",
                  [opts.clangxx, "-fsyntax-only"] + compiler_args + asio + [linted], 0)

    if steps.failed:
        sys.stdout.write("\ncheck_test: FAILED (%d of %d steps):\n" %
                         (len(steps.failed), steps.count))
        for failure in steps.failed:
            sys.stdout.write("  " + failure + "\n")
        sys.stdout.flush()
        sys.stderr.write("check_test: %d of %d steps failed: %s\n" %
                         (len(steps.failed), steps.count, "; ".join(steps.failed)))
        return 1
    sys.stdout.write("\ncheck_test: all %d steps passed\n" % steps.count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
