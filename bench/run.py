#!/usr/bin/env python3
"""Benchmarks corolint against `clang++ -fsyntax-only` and clang-tidy on the
examples/ project (its compile database), in one run, and prints medians
and ratios. Usage: bench/run.py [--repeat N] [--build build]

Not a test: numbers depend on the machine. See docs/performance.md."""
import argparse
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIDY_CHECKS = ("-*,misc-coroutine-hostile-raii,"
               "cppcoreguidelines-avoid-capturing-lambda-coroutines,"
               "cppcoreguidelines-avoid-reference-coroutine-parameters,"
               "bugprone-unused-return-value")


def measure(command, repeat):
    """Median wall and CPU seconds, and the peak RSS (MiB) of `command`."""
    walls, cpus, peak = [], [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        peak = max(peak, usage.ru_maxrss / 1024)
    return statistics.median(walls), statistics.median(cpus), peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    args = parser.parse_args()

    examples = os.path.join(args.build, "examples")
    subprocess.run(["cmake", "-S", os.path.join(ROOT, "examples"), "-B", examples,
                    "-G", "Ninja"], check=True, stdout=subprocess.DEVNULL)
    database = json.load(open(os.path.join(examples, "compile_commands.json")))
    corolint = os.path.join(args.build, "bin", "corolint")
    plugin = os.path.join(args.build, "lib", "CorolintTidyPlugin.so")
    asio = ["-DASIO_HAS_CO_AWAIT=1", "-DASIO_HAS_STD_COROUTINE=1"]

    def syntax_only(entry):
        words = shlex.split(entry["command"]) if "command" in entry else entry["arguments"]
        flags = [w for w in words[1:] if w.startswith(("-I", "-D", "-std"))]
        return ["clang++-19", "-fsyntax-only"] + flags + asio + [entry["file"]]

    files = [e["file"] for e in database]
    rows = []
    for entry in database:
        name = os.path.relpath(entry["file"], ROOT)
        base = measure(syntax_only(entry), args.repeat)
        tidy = measure(["clang-tidy-19", "-p", examples, "-checks=" + TIDY_CHECKS,
                        "--extra-arg=" + asio[0], "--extra-arg=" + asio[1], entry["file"]],
                       args.repeat)
        ours = measure([corolint, "-p", examples, "-j", "1", "--quiet", entry["file"]], args.repeat)
        plug = measure(["clang-tidy-19", "-p", examples, "-load=" + plugin,
                        "-checks=-*,coro-*", "--extra-arg=" + asio[0],
                        "--extra-arg=" + asio[1], entry["file"]], args.repeat)
        rows.append((name, base, tidy, ours, plug))

    print("machine: %s, %d cores, %s" % (platform.processor() or platform.machine(),
                                         os.cpu_count(), platform.platform()))
    print("median of %d runs; wall seconds (ratio to clang++ -fsyntax-only), peak RSS MiB\n"
          % args.repeat)
    print("%-28s %16s %16s %16s %16s" % ("file", "syntax-only", "clang-tidy(4)",
                                           "corolint -j1", "plugin"))
    for name, base, tidy, ours, plug in rows:
        cell = lambda m: "%.2fs (%.2f) %4.0f" % (m[0], m[0] / base[0], m[2])
        print("%-28s %16s %16s %16s %16s" % (name, "%.2fs %4.0f" % (base[0], base[2]),
                                               cell(tidy), cell(ours), cell(plug)))
    total = sum(r[1][0] for r in rows)
    one = measure([corolint, "-p", examples, "-j", "1", "--quiet"], args.repeat)
    many = measure([corolint, "-p", examples, "--quiet"], args.repeat)
    print("\nwhole project: syntax-only sum %.2fs; corolint -j 1 %.2fs (%.2f); "
          "corolint -j %d %.2fs (%.2f)" % (total, one[0], one[0] / total,
                                            os.cpu_count(), many[0], many[0] / total))


if __name__ == "__main__":
    sys.exit(main())
