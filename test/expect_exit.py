"""Runs a command and succeeds only if it exits with the given code:
`expect_exit.py CODE COMMAND...`. Output passes through unchanged."""
import subprocess
import sys

expected = int(sys.argv[1])
code = subprocess.call(sys.argv[2:])
if code != expected:
    sys.stderr.write("expect_exit: expected exit code %d, got %d\n" % (expected, code))
    sys.exit(1)
