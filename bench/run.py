#!/usr/bin/env python3
"""Benchmarks corolint against `clang++-19 -fsyntax-only` and clang-tidy-19,
in one run, and prints medians, ratios and peak memory.

    bench/run.py [--repeat N] [--build build] [--count 16]

Corpus: the examples/ project (its CMake compile database) and COUNT
generated Asio servers and clients (bench/gen_corpus.py), which share their
include block as real projects' files often do. Measured:
- per file (the examples and two generated files): -fsyntax-only;
  clang-tidy-19 with its four coroutine-related checks; corolint with its
  default checks (-j 1); the same through the clang-tidy plugin; corolint
  parsing only (no check: what the checks themselves cost); corolint
  parsing only the system headers the file includes (the floor: what
  skipping system-header bodies cannot remove);
- the generated corpus as a whole: the summed -fsyntax-only time; corolint
  -j 1 and -j N, with and without shared preambles; a second run with
  --cache-dir over the unchanged corpus, every file with the preambles a
  first run kept, one file edited.
The commands of a table take turns (round after round), so that the drift
of the machine's speed falls on all of them alike.
Not a test: the numbers depend on the machine. See docs/performance.md."""
import argparse
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIDY_CHECKS = ("-*,misc-coroutine-hostile-raii,"
               "cppcoreguidelines-avoid-capturing-lambda-coroutines,"
               "cppcoreguidelines-avoid-reference-coroutine-parameters,"
               "bugprone-unused-return-value")
ASIO = ["-DASIO_HAS_CO_AWAIT=1", "-DASIO_HAS_STD_COROUTINE=1"]


def run_once(command, before=None):
    """Wall and CPU seconds and peak RSS (MiB) of one run of `command`."""
    if before:
        before()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return (time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024)


def measure_together(runs, repeat):
    """For each (command, before) of `runs`: median wall and CPU seconds, and
    the largest peak RSS (MiB). The commands take turns, `repeat` rounds:
    the machine's speed drifts over minutes, and ratios between commands
    measured minutes apart would carry that drift."""
    results = [[] for _ in runs]
    for _ in range(repeat):
        for (command, before), result in zip(runs, results):
            result.append(run_once(command, before))
    return [(statistics.median(r[0] for r in result),
             statistics.median(r[1] for r in result), max(r[2] for r in result))
            for result in results]


def sum_measure(commands, repeat):
    """Median over repeats of the summed wall time of running `commands`."""
    totals = []
    for _ in range(repeat):
        totals.append(sum(run_once(c)[0] for c in commands))
    return statistics.median(totals)


def syntax_only(entry):
    words = shlex.split(entry["command"]) if "command" in entry else entry["arguments"]
    flags = [w for w in words[1:] if w.startswith(("-I", "-D", "-std"))]
    return ["clang++-19", "-fsyntax-only"] + flags + ASIO + [entry["file"]]


def system_floor(entry, scratch):
    """A file that includes only the system headers `entry` reaches from its
    own files, and the flags to parse it: the part of a parse no check can
    avoid, whatever it skips."""
    command = syntax_only(entry)
    trace = subprocess.run(command[:-1] + ["-H", command[-1]], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True).stderr
    system = lambda path: path.startswith("/usr/")
    includes, stack = [], [entry["file"]]
    for line in trace.splitlines():
        match = re.match(r"^(\.+) (.*)$", line)
        if not match:
            continue
        depth, path = len(match.group(1)), os.path.normpath(match.group(2))
        del stack[depth:]
        if system(path) and not system(stack[-1]) and path not in includes:
            includes.append(path)
        stack.append(path)
    floor = os.path.join(scratch, "floor_" + os.path.basename(entry["file"]))
    with open(floor, "w") as out:
        out.writelines('#include "%s"\n' % path for path in includes)
    return floor, command[2:-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--count", type=int, default=16)
    args = parser.parse_args()
    corolint = os.path.join(args.build, "bin", "corolint")
    plugin = os.path.join(args.build, "lib", "CorolintTidyPlugin.so")
    scratch = tempfile.mkdtemp(prefix="corolint-bench-")
    try:
        examples = os.path.join(scratch, "examples")
        subprocess.run(["cmake", "-S", os.path.join(ROOT, "examples"), "-B", examples,
                        "-G", "Ninja"], check=True, stdout=subprocess.DEVNULL)
        generated = os.path.join(scratch, "generated")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"),
                        generated, "--count", str(args.count)], check=True,
                       stdout=subprocess.DEVNULL)
        report(args, corolint, plugin, examples, generated, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def report(args, corolint, plugin, examples, generated, scratch):
    print("machine: %s, %d cores, %s; median of %d runs"
          % (platform.processor() or platform.machine(), os.cpu_count(),
             platform.platform(), args.repeat))
    print("wall seconds (ratio to clang++-19 -fsyntax-only), peak RSS MiB\n")

    def entries(directory):
        return json.load(open(os.path.join(directory, "compile_commands.json")))

    per_file = [(examples, e) for e in entries(examples)]
    per_file += [(generated, e) for e in sorted(entries(generated), key=lambda e: e["file"])[:2]]
    header = ("file", "syntax-only", "clang-tidy (4)", "corolint -j1",
              "plugin", "parse only", "system-header floor")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for directory, entry in per_file:
        floor_file, flags = system_floor(entry, scratch)
        base, tidy, ours, plug, parse, floor = measure_together([
            (syntax_only(entry), None),
            (["clang-tidy-19", "-p", directory, "-checks=" + TIDY_CHECKS]
             + ["--extra-arg=" + a for a in ASIO] + [entry["file"]], None),
            ([corolint, "-p", directory, "-j", "1", "--quiet", entry["file"]], None),
            (["clang-tidy-19", "-p", directory, "-load=" + plugin, "-checks=-*,coro-*"]
             + ["--extra-arg=" + a for a in ASIO] + [entry["file"]], None),
            ([corolint, "-p", directory, "-j", "1", "--quiet", "--parse-only",
              entry["file"]], None),
            ([corolint, "-j", "1", "--quiet", "--parse-only", floor_file, "--"] + flags,
             None)], args.repeat)
        cell = lambda m: "%.2f s (%.2f), %.0f" % (m[0], m[0] / base[0], m[2])
        print("| %s | %.2f s, %.0f | %s | %s | %s | %s | %s |"
              % (os.path.basename(entry["file"]), base[0], base[2], cell(tidy),
                 cell(ours), cell(plug), cell(parse), cell(floor)))

    files = [e["file"] for e in entries(generated)]
    total = sum_measure([syntax_only(e) for e in entries(generated)], args.repeat)
    jobs = str(os.cpu_count())
    lint = [corolint, "-p", generated, "--quiet"]
    cache = os.path.join(scratch, "cache")
    clear = lambda: shutil.rmtree(cache, ignore_errors=True)
    # The preambles the first run kept, without its results: what a run
    # over changed sources costs.
    def drop_results():
        for name in os.listdir(cache):
            if name.endswith(".json") and not name.endswith(".preamble.json"):
                os.remove(os.path.join(cache, name))
    # One source edited below its includes (a new comment each time).
    edited = sorted(files)[0]
    edits = iter(range(1 << 30))
    def edit():
        with open(edited, "a") as out:
            out.write("// edit %d\n" % next(edits))
    cached = lint + ["--cache-dir=" + cache]
    (shared1, sharedn, whole1, wholen, cold, warm, kept1, keptn, one,
     one_base) = measure_together([
        (lint + ["-j", "1"], None),
        (lint + ["-j", jobs], None),
        (lint + ["-j", "1", "--share-preambles=false"], None),
        (lint + ["-j", jobs, "--share-preambles=false"], None),
        (cached + ["-j", jobs], clear),
        (cached + ["-j", jobs], None),
        (cached + ["-j", "1"], drop_results),
        (cached + ["-j", jobs], drop_results),
        (cached + ["-j", jobs], edit),
        (syntax_only(next(e for e in entries(generated) if e["file"] == edited)), None),
    ], args.repeat)
    print("\ngenerated corpus, %d files: clang++-19 -fsyntax-only summed %.2f s" % (len(files), total))
    row = lambda name, m: print("  %-40s %6.2f s (%.2f), peak RSS %.0f MiB"
                                % (name, m[0], m[0] / total, m[2]))
    row("corolint -j 1, shared preambles", shared1)
    row("corolint -j %s, shared preambles" % jobs, sharedn)
    row("corolint -j 1, each file whole", whole1)
    row("corolint -j %s, each file whole" % jobs, wholen)
    row("corolint -j %s --cache-dir, first run" % jobs, cold)
    row("corolint -j %s --cache-dir, second run" % jobs, warm)
    row("corolint -j 1, every file, kept preambles", kept1)
    row("corolint -j %s, every file, kept preambles" % jobs, keptn)
    row("corolint -j %s --cache-dir, one file edited" % jobs, one)
    print("  -j %s over -j 1: %.2fx (shared preambles), %.2fx (whole files), "
          "%.2fx (kept preambles); second cached run: %.1f%% of the first"
          % (jobs, shared1[0] / sharedn[0], whole1[0] / wholen[0],
             kept1[0] / keptn[0], 100 * warm[0] / cold[0]))
    print("  one file edited: %.2f s, %.2f x its own -fsyntax-only (%.2f s)"
          % (one[0], one[0] / one_base[0], one_base[0]))


if __name__ == "__main__":
    sys.exit(main())
