#!/usr/bin/env python3
"""Writes corolint's man page (troff) from `corolint --help` and the check
pages: `make-manpage.py COROLINT DOCS_DIR OUT [NAME]`. NAME is the command's
installed name (corolint-19 in the Debian packages)."""
import os
import re
import subprocess
import sys

corolint, docs, out = sys.argv[1:4]
name = sys.argv[4] if len(sys.argv) > 4 else "corolint"


def troff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line.startswith((".", "'")) else line
                     for line in text.split("\n"))


help_text = subprocess.run([corolint, "--help"], check=True, text=True,
                           stdout=subprocess.PIPE).stdout
version = subprocess.run([corolint, "--version"], check=True, text=True,
                         stdout=subprocess.PIPE).stdout.strip()
# "USAGE: corolint [options] ..." then "OPTIONS:": the options block as is.
options = help_text.split("OPTIONS:", 1)[-1].strip("\n")
options = options.replace("corolint options:", "").strip("\n")

checks = []
for page in sorted(os.listdir(docs)):
    if not page.endswith(".md"):
        continue
    text = open(os.path.join(docs, page)).read()
    # The sentence under the title: the SARIF rule's summary too.
    intro = text.split("\n", 1)[1].split("\n## ", 1)[0].strip()
    checks.append((page[:-3], " ".join(intro.split())))

lines = [
    '.TH %s 1 "" "%s" "User Commands"' % (name.upper().replace("-", "\\-"), troff(version)),
    ".SH NAME",
    "%s \\- find misuse of C++20 coroutines" % troff(name),
    ".SH SYNOPSIS",
    ".B %s" % troff(name),
    "[\\fIoptions\\fR] \\fIfiles...\\fR [\\fB\\-\\-\\fR \\fIcompiler arguments\\fR]",
    ".br",
    ".B %s" % troff(name),
    "\\fB\\-p\\fR \\fIbuild\\-dir\\fR [\\fIoptions\\fR] [\\fIfiles...\\fR]",
    ".SH DESCRIPTION",
    "A Clang-based static analyzer for C++20 coroutine misuse: tasks never "
    "awaited, blocking calls in coroutines, detached work that loses its "
    "exceptions, references that dangle after suspension, and more. The "
    "checks are also a clang\\-tidy plugin (CorolintTidyPlugin.so).",
    ".SH OPTIONS",
    ".nf",
    troff(options),
    ".fi",
    ".SH CHECKS",
    "\\fB\\-\\-explain=\\fR\\fIcheck\\fR prints a check's page.",
]
for check, summary in checks:
    lines += [".TP", ".B %s" % troff(check), troff(summary)]
lines += [
    ".SH EXIT STATUS",
    "0: no findings (or \\fB\\-\\-exit\\-zero\\fR); 1: findings, compile "
    "errors of the analysed files included; 2: usage or internal error.",
]
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
