#!/usr/bin/env python3
"""Benchmarks corolint on a real project: any compile database (the
real-world corpus of ../shared/corpus when it is set up).

    bench/compdb.py -p DIR [--match REGEX] [--every N] [--repeat N]
                    [--build build] [--jobs N] [--identity] [--project-only]

Per file, one process each, the commands taking turns (round after round,
so that the machine's drift falls on all alike): the file's own compile
command with `-fsyntax-only` (clang++-19), corolint with its default checks
(-j 1), the same with --skip-quiet-bodies, corolint parsing only (what the
checks cost is the difference), and
clang-tidy-19 with its four coroutine-related checks. Printed: each file's
median wall time and ratio to its parse, the summed ratio, the median and
largest per-file ratios, the files above 0.8, and peak RSS against the
parse's. Then the selected files in one corolint run at -j N against their
summed parse. With --identity, the findings of the selected files with every
shortcut on and off (--skip-system-bodies, --share-preambles) are compared
as JSON: a difference is printed and makes the exit status 1.
With --project-only, per file only the parse is measured (one process each,
one after the other), then the project runs at -j N: the figure for a whole
database, where per-file corolint and clang-tidy runs would take hours.
Not a test: the numbers depend on the machine. See docs/performance.md."""
import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from run import TIDY_CHECKS, measure_together, run_once  # noqa: E402


def words_of(entry):
    return shlex.split(entry["command"]) if "command" in entry else list(entry["arguments"])


def syntax_only(entry):
    """The entry's own command, as a parse: same flags, no output."""
    words, command, skip = words_of(entry), ["clang++-19", "-fsyntax-only"], False
    for word in words[1:]:
        if skip:
            skip = False
        elif word == "-o":
            skip = True
        elif word not in ("-c", "-fsyntax-only") and not word.startswith("-o"):
            command.append(word)
    return command


def in_directory(entry, command):
    """`command` run from the entry's directory, as the build runs it."""
    return ["env", "-C", entry.get("directory", "."), *command]


def select(entries, match, every):
    chosen = [e for e in entries if re.search(match, e["file"])]
    chosen.sort(key=lambda e: e["file"])
    return chosen[::every]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-p", dest="database", required=True,
                        help="directory of compile_commands.json")
    parser.add_argument("--match", default=".", help="regex on the file path")
    parser.add_argument("--every", type=int, default=1, help="every Nth file")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--identity", action="store_true")
    parser.add_argument("--project-only", action="store_true",
                        help="per file only the parse; then the project runs")
    args = parser.parse_args()
    corolint = os.path.join(args.build, "bin", "corolint")
    entries = json.load(open(os.path.join(args.database, "compile_commands.json")))
    chosen = select(entries, args.match, args.every)
    if not chosen:
        sys.exit("bench/compdb.py: no file of %s matches %r"
                 % (args.database, args.match))
    print("%d files of %s (match %r, every %d); median of %d runs"
          % (len(chosen), args.database, args.match, args.every, args.repeat))
    if args.project_only:
        return project_only(args, corolint, chosen)
    print("| file | syntax-only | corolint -j1 | --skip-quiet-bodies | parse only | clang-tidy (4) | peak RSS (parse / corolint) |")
    print("|---|---|---|---|---|---|---|")
    sums = [0.0, 0.0, 0.0, 0.0, 0.0]
    ratios, memory_over = [], []
    for entry in chosen:
        base, ours, quiet, parse, tidy = measure_together([
            (in_directory(entry, syntax_only(entry)), None),
            ([corolint, "-p", args.database, "-j", "1", "--quiet", entry["file"]], None),
            ([corolint, "-p", args.database, "-j", "1", "--quiet",
              "--skip-quiet-bodies", entry["file"]], None),
            ([corolint, "-p", args.database, "-j", "1", "--quiet", "--parse-only",
              entry["file"]], None),
            (["clang-tidy-19", "-p", args.database, "-checks=" + TIDY_CHECKS,
              entry["file"]], None)], args.repeat)
        for i, m in enumerate((base, ours, quiet, parse, tidy)):
            sums[i] += m[0]
        ratios.append((ours[0] / base[0], entry["file"]))
        if ours[2] > base[2]:
            memory_over.append(entry["file"])
        cell = lambda m: "%.2f s (%.2f)" % (m[0], m[0] / base[0])
        print("| %s | %.2f s | %s | %s | %s | %s | %.0f / %.0f MiB |"
              % (os.path.relpath(entry["file"], args.database), base[0], cell(ours),
                 cell(quiet), cell(parse), cell(tidy), base[2], ours[2]))
    values = [r for r, _ in ratios]
    print("\nsummed: syntax-only %.1f s; corolint %.1f s (%.2f); --skip-quiet-bodies "
          "%.1f s (%.2f); parse only %.1f s (%.2f); clang-tidy %.1f s (%.2f)"
          % (sums[0], sums[1], sums[1] / sums[0], sums[2], sums[2] / sums[0],
             sums[3], sums[3] / sums[0], sums[4], sums[4] / sums[0]))
    print("per file, corolint over its parse: median %.2f, largest %.2f (%s)"
          % (statistics.median(values), max(ratios)[0], max(ratios)[1]))
    above = [f for r, f in ratios if r > 0.8]
    print("above 0.8: %d file(s)%s" % (len(above), "".join("\n  " + f for f in above)))
    print("peak RSS above the parse's: %d file(s)" % len(memory_over))

    files = [e["file"] for e in chosen]
    print()
    for jobs in sorted({1, args.jobs}):
        for extra in ([], ["--skip-quiet-bodies"]):
            whole = run_once([corolint, "-p", args.database, "-j", str(jobs),
                              "--quiet"] + extra + files)[0]
            print("all %d files in one run at -j %d%s: %.1f s (%.2f of the summed parse)"
                  % (len(files), jobs, " " + extra[0] if extra else "", whole,
                     whole / sums[0]))

    if not args.identity:
        return 0
    outputs = []
    with tempfile.TemporaryDirectory(prefix="corolint-identity-") as scratch:
        for name, flags in (("shortcuts", []),
                            ("none", ["--skip-system-bodies=false",
                                      "--share-preambles=false"]),
                            ("quiet", ["--skip-quiet-bodies"])):
            path = os.path.join(scratch, name + ".json")
            with open(path, "w") as out:
                subprocess.run([corolint, "-p", args.database, "-j", str(args.jobs),
                                "--quiet", "--format=json"] + flags + files,
                               stdout=out, stderr=subprocess.DEVNULL)
            outputs.append(open(path).read())
    same = outputs[0] == outputs[1]
    print("findings with every shortcut on and off: %s (%d findings)"
          % ("identical" if same else "DIFFERENT", len(json.loads(outputs[0] or "[]"))))
    # Not a default shortcut: its differences are counted, not a failure.
    default = {json.dumps(f, sort_keys=True) for f in json.loads(outputs[0] or "[]")}
    quiet = {json.dumps(f, sort_keys=True) for f in json.loads(outputs[2] or "[]")}
    print("with --skip-quiet-bodies: %d finding(s) added, %d removed"
          % (len(quiet - default), len(default - quiet)))
    return 0 if same else 1


def project_only(args, corolint, chosen):
    """The summed parse of `chosen`, one file after the other, against
    corolint over all of them in one run at -j N, by default and with
    --skip-quiet-bodies; each once per round, the rounds taking turns."""
    files = [e["file"] for e in chosen]
    runs = [("-j %d%s" % (jobs, " " + " ".join(extra) if extra else ""),
             [corolint, "-p", args.database, "-j", str(jobs), "--quiet"] + extra
             + files)
            for jobs in [args.jobs]
            for extra in ([], ["--skip-quiet-bodies"])]
    parses, project = [], [[] for _ in runs]
    for _ in range(args.repeat):
        parses.append(sum(run_once(in_directory(e, syntax_only(e)))[0]
                          for e in chosen))
        for (_, command), times in zip(runs, project):
            times.append(run_once(command)[0])
    summed = statistics.median(parses)
    print("summed syntax-only (one process per file, one at a time): %.1f s"
          % summed)
    for (label, _), times in zip(runs, project):
        wall = statistics.median(times)
        print("corolint %s over all %d files: %.1f s (%.2f of the summed parse)"
              % (label, len(files), wall, wall / summed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
