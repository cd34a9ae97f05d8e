#!/usr/bin/env python3
"""Soak test: corolint's memory over many files stays flat.

    bench/soak.py [--count 1000] [--jobs 2] [--build build] [--dir DIR]

Generates COUNT Asio translation units (bench/gen_corpus.py), lints the
first 100 of them, then all COUNT, with -j JOBS, and prints each run's peak
RSS (the kernel's high-water mark for the process, all worker threads
together). A leak that grows per file shows as a higher peak at TU 1,000
than at TU 100; the script exits 1 if the peak grew by more than 10%.

Not a timed test (it takes minutes); see docs/performance.md for figures.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def lint(corolint, database_dir, files, jobs):
    """Peak RSS (MiB), wall seconds and exit code of one corolint run."""
    start = time.perf_counter()
    process = subprocess.Popen([corolint, "-p", database_dir, "-j", str(jobs),
                                "--quiet", "--format=json"] + files,
                               stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss / 1024, time.perf_counter() - start, \
        os.waitstatus_to_exitcode(status)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--dir", help="corpus directory (default: a temporary one)")
    args = parser.parse_args()

    corolint = os.path.join(args.build, "bin", "corolint")
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.dir or scratch
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"),
                        corpus, "--count", str(args.count)], check=True,
                       stdout=subprocess.DEVNULL)
        files = sorted(e["file"] for e in
                       json.load(open(os.path.join(corpus, "compile_commands.json"))))
        rows = []
        for count in (100, len(files)):
            peak, wall, code = lint(corolint, corpus, files[:count], args.jobs)
            if code not in (0, 1):
                sys.exit("corolint failed (exit %d) on %d files" % (code, count))
            rows.append((count, peak, wall))
            print("TU %5d: peak RSS %6.0f MiB, %6.0f s (-j %d)" % (count, peak, wall, args.jobs),
                  flush=True)
    growth = rows[1][1] / rows[0][1] - 1
    print("peak RSS growth from TU %d to TU %d: %+.1f%%" % (rows[0][0], rows[1][0], 100 * growth))
    return 1 if growth > 0.10 else 0


if __name__ == "__main__":
    sys.exit(main())
