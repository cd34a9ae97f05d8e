"""`sarif_rules.py LOG`: checks the rules of a SARIF log as a code scanning
page shows them, printing one line per problem and "rules ok" if there is
none: each documented rule has a one-sentence summary of its own (not a
paragraph cut short), an https link to its page, and help without the
notes for corolint's developers ("Seen on real code")."""
import json
import sys

log = json.load(open(sys.argv[1]))
problems = []
for rule in log["runs"][0]["tool"]["driver"]["rules"]:
    if "help" not in rule:
        continue
    summary = rule["shortDescription"]["text"]
    if not summary.endswith(".") or "\n" in summary or len(summary) > 200:
        problems.append("%s: summary is not one sentence: %r" % (rule["id"], summary))
    if not rule.get("helpUri", "").startswith("https://"):
        problems.append("%s: helpUri is not https: %r" % (rule["id"], rule.get("helpUri")))
    if not rule["helpUri"].endswith("/docs/checks/%s.md" % rule["id"]):
        problems.append("%s: helpUri is not its page: %r" % (rule["id"], rule["helpUri"]))
    for form in ("text", "markdown"):
        if "Seen on real code" in rule["help"][form]:
            problems.append("%s: help %s has the notes on real code" % (rule["id"], form))
print("\n".join(problems) if problems else "rules ok")
