"""`head_one.py [--ignore-sigpipe] COMMAND...`: runs COMMAND with its output into a pipe, reads
one line and closes the pipe, as `COMMAND | head -1` does, then prints that
line and how COMMAND ended: "exit N" or "signal NAME". Its stderr passes
through. With --ignore-sigpipe, COMMAND starts with SIGPIPE ignored."""
import signal
import subprocess
import sys

command = sys.argv[1:]
ignore = command[0] == "--ignore-sigpipe"
if ignore:
    command = command[1:]
# Python ignores SIGPIPE; restore_signals=False hands that on.
child = subprocess.Popen(command, stdout=subprocess.PIPE,
                         restore_signals=not ignore)
line = child.stdout.readline()
child.stdout.close()
code = child.wait()
sys.stdout.write(line.decode())
sys.stdout.write("exit %d\n" % code if code >= 0
                 else "signal %s\n" % signal.Signals(-code).name)
