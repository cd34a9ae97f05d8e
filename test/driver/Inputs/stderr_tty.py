"""Runs a command with its stderr on a terminal (a pseudo-terminal) and its
stdout unchanged, copies what it wrote to the terminal to our stderr, and
exits with its status: `stderr_tty.py COMMAND...`."""
import os
import pty
import subprocess
import sys

master, slave = pty.openpty()
process = subprocess.Popen(sys.argv[1:], stderr=slave)
os.close(slave)
written = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:  # EIO: the command closed the terminal
        break
    if not chunk:
        break
    written += chunk
code = process.wait()
sys.stderr.write(written.decode().replace("\r\n", "\n"))
sys.exit(code)
