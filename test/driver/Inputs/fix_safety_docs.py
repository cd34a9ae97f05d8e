"""Every check page says under "## Fix-its" what lib/tooling/FixSafety.def
says of its fix-its: **Safe** or **Unsafe** with the table's reason, or
**None** for a check not in the table. `fix_safety_docs.py SOURCE_ROOT`."""
import os
import re
import sys

root = sys.argv[1]
table = {}
text = open(os.path.join(root, "lib", "tooling", "FixSafety.def")).read()
for m in re.finditer(r'^FIX_SAFETY\("([^"]+)",\s*(\w+),\s*((?:"[^"]*"\s*)+)\)',
                     text, re.M):
    table[m.group(1)] = (m.group(2), "".join(re.findall(r'"([^"]*)"', m.group(3))))
docs = os.path.join(root, "docs", "checks")
pages = sorted(p[:-3] for p in os.listdir(docs) if p.endswith(".md"))
problems = [c + ": in FixSafety.def but has no page" for c in table if c not in pages]
for check in pages:
    page = open(os.path.join(docs, check + ".md")).read()
    section = re.search(r"^## Fix-its\n\n(.*?)(?=^## |\Z)", page, re.M | re.S)
    if not section:
        problems.append(check + ": no '## Fix-its' section")
        continue
    body = " ".join(section.group(1).split())
    safety, reason = table.get(check, ("None", ""))
    if not body.startswith("**%s**" % safety):
        problems.append("%s: the page does not say **%s**" % (check, safety))
    if reason and " ".join(reason.split()) not in body:
        problems.append("%s: the page does not give the table's reason" % check)
    print("%s: %s" % (check, safety))
for problem in problems:
    sys.stderr.write("fix_safety_docs: " + problem + "\n")
sys.exit(1 if problems else 0)
