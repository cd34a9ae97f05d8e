#!/usr/bin/env python3
"""What corolint's checks cost in the editor: corolint-clangd against the
stock clangd of the same LLVM, over the protocol, on a generated Asio file.

    bench/editor.py [--build build] [--rounds 5] [--edits 5]

Both servers get the same project: two generated Asio files
(bench/gen_corpus.py; the second carries a planted mistake) with their
compile database and examples/.clangd, so both run the same clang-tidy
configuration; the stock clangd does not know corolint's checks and runs
the rest. Measured, per server and round (a fresh process each round, the
servers taking turns so that the machine's drift falls on both):
- first open: didOpen to the first publishDiagnostics (builds the preamble,
  then the file with the checks);
- edit: didChange (a comment appended: the preamble is reused) to the
  publishDiagnostics of that version, EDITS times.
clangd waits a little after each change before it rebuilds (its debounce,
which adapts to how long rebuilds take); the times include it, as an
editor's user waits for it too. Prints medians and the ratios of
corolint-clangd to clangd. Not a test: the numbers depend on the machine.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "test", "editors"))
from lsp_session import LanguageServer  # noqa: E402


def llvm_major(build):
    with open(os.path.join(build, "CMakeCache.txt")) as cache:
        for line in cache:
            if line.startswith("LLVM_DIR:"):
                return line.split("/llvm-")[1].split("/")[0]
    raise SystemExit("editor.py: no LLVM_DIR in %s/CMakeCache.txt" % build)


def one_round(server, project, name, edits, timeout):
    """Returns (first open, [edit times]) in seconds."""
    path = os.path.join(project, name)
    uri = "file://" + path
    with open(path) as source:
        text = source.read()
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(project, ".config"))
    with open(os.devnull, "w") as log:
        lsp = LanguageServer([server, "--background-index=false"], log, timeout,
                             env=env)
        lsp.request("initialize", {
            "processId": os.getpid(), "rootUri": "file://" + project,
            "capabilities": {"textDocument": {"publishDiagnostics": {
                "versionSupport": True, "relatedInformation": True}}}})
        lsp.notify("initialized", {})
        start = time.perf_counter()
        lsp.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
        findings = lsp.diagnostics(uri, 1)
        first = time.perf_counter() - start
        times = []
        for version in range(2, edits + 2):
            text += "// edit %d\n" % version
            start = time.perf_counter()
            lsp.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": text}]})
            lsp.diagnostics(uri, version)
            times.append(time.perf_counter() - start)
        lsp.close()
    return first, times, findings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--timeout", type=int, default=300)
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    major = llvm_major(build)
    servers = [("corolint-clangd", os.path.join(build, "bin", "corolint-clangd")),
               ("clangd-" + major, "/usr/lib/llvm-%s/bin/clangd" % major)]

    with tempfile.TemporaryDirectory(prefix="corolint-editor-bench-") as project:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"),
                        project, "--count", "2"], check=True)
        shutil.copy(os.path.join(ROOT, "examples", ".clangd"), project)
        name = "tu_0001.cpp"
        first = {label: [] for label, _ in servers}
        edit = {label: [] for label, _ in servers}
        for round_ in range(args.rounds):
            for label, server in servers:
                opened, edited, findings = one_round(
                    server, project, name, args.edits, args.timeout)
                first[label].append(opened)
                edit[label].extend(edited)
                if round_ == 0:
                    codes = sorted({str(d.get("code")) for d in findings})
                    print("%s: %d diagnostics on %s (%s)"
                          % (label, len(findings), name, ", ".join(codes)))

    print("\n%-18s %14s %14s" % ("median (s)", "first open", "edit"))
    for label, _ in servers:
        print("%-18s %14.3f %14.3f" % (label, statistics.median(first[label]),
                                       statistics.median(edit[label])))
    ours, stock = servers[0][0], servers[1][0]
    print("%-18s %14.2f %14.2f" % (
        "ratio", statistics.median(first[ours]) / statistics.median(first[stock]),
        statistics.median(edit[ours]) / statistics.median(edit[stock])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
