#!/usr/bin/env python3
"""A scripted editor session against a clangd, for lit tests.

    lsp_session.py --server=CLANGD [--server-arg=ARG...] --root=DIR STEP...

STEP is one of
    open:FILE         didOpen FILE (relative to DIR), print its diagnostics
    fix:FILE:CHECK    ask for the code actions of FILE's first CHECK
                      diagnostic, print them, apply the first one's workspace
                      edit with didChange and print the diagnostics published
                      for the new version
and every step prints what the editor received, one line each, for
FileCheck:
    diagnostic FILE:L:C-L:C SEVERITY [SOURCE CODE] MESSAGE
    related FILE:L:C-L:C MESSAGE        (a note of the diagnostic above)
    action TITLE (KIND)
    edit FILE:L:C-L:C 'NEW TEXT'
Positions are 1-based, as in compiler messages. Every wait has a timeout
(--timeout, seconds): a server that hangs fails the test instead of
blocking it. The server's stderr goes to --log.
"""

import argparse
import json
import os
import queue
import subprocess
import sys
import threading

SEVERITIES = {1: "error", 2: "warning", 3: "information", 4: "hint"}


class SessionError(Exception):
    pass


class LanguageServer:
    """JSON-RPC over the server's stdin and stdout, with timeouts."""

    def __init__(self, command, log, timeout, env=None):
        self.timeout = timeout
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=log,
                                        env=env)
        self.messages = queue.Queue()
        self.next_id = 1
        # Notifications that arrived while waiting for something else.
        self.pending = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        self._send({"jsonrpc": "2.0", "id": request_id, "method": method,
                    "params": params})
        reply = self.wait_for(lambda m: m.get("id") == request_id
                              and "method" not in m, method)
        if "error" in reply:
            raise SessionError("%s failed: %s" % (method, reply["error"]))
        return reply["result"]

    def wait_for(self, wanted, what):
        for message in self.pending:
            if wanted(message):
                self.pending.remove(message)
                return message
        while True:
            try:
                message = self.messages.get(timeout=self.timeout)
            except queue.Empty:
                raise SessionError("no %s within %d s" % (what, self.timeout))
            if message is None:
                raise SessionError("the server exited while waiting for %s"
                                   % what)
            if "method" in message and "id" in message:
                # A request from the server (work done progress, ...): an
                # editor answers it; an empty result suits them all here.
                self._send({"jsonrpc": "2.0", "id": message["id"],
                            "result": None})
                continue
            if wanted(message):
                return message
            self.pending.append(message)

    def diagnostics(self, uri, version):
        message = self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version,
            "diagnostics of version %d of %s" % (version, uri))
        return message["params"]["diagnostics"]

    def close(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=self.timeout)
        except (SessionError, subprocess.TimeoutExpired, BrokenPipeError):
            self.process.kill()
            raise


def position(pos):
    return "%d:%d" % (pos["line"] + 1, pos["character"] + 1)


def span(range_):
    return "%s-%s" % (position(range_["start"]), position(range_["end"]))


def offset(text, pos):
    # The session's files are ASCII: UTF-16 code units are bytes.
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[:pos["line"]]) + pos["character"]


def apply_edits(text, edits):
    for edit in sorted(edits, key=lambda e: offset(text, e["range"]["start"]),
                       reverse=True):
        begin = offset(text, edit["range"]["start"])
        end = offset(text, edit["range"]["end"])
        text = text[:begin] + edit["newText"] + text[end:]
    return text


class Editor:
    def __init__(self, server, root):
        self.server = server
        self.root = root
        self.texts = {}
        self.versions = {}
        # The diagnostics last published for each file.
        self.last = {}

    def uri(self, name):
        return "file://" + os.path.join(self.root, name)

    def name(self, uri):
        return os.path.relpath(uri[len("file://"):], self.root)

    def print_diagnostics(self, name, diagnostics):
        print("diagnostics of %s version %d: %d"
              % (name, self.versions[name], len(diagnostics)))
        for diagnostic in diagnostics:
            print("diagnostic %s:%s %s [%s %s] %s" % (
                name, span(diagnostic["range"]),
                SEVERITIES.get(diagnostic.get("severity"), "?"),
                diagnostic.get("source", "-"), diagnostic.get("code", "-"),
                diagnostic["message"].replace("\n", " | ")))
            for related in diagnostic.get("relatedInformation", []):
                print("related %s:%s %s" % (
                    self.name(related["location"]["uri"]),
                    span(related["location"]["range"]), related["message"]))
        sys.stdout.flush()

    def open(self, name):
        with open(os.path.join(self.root, name)) as source:
            self.texts[name] = source.read()
        self.versions[name] = 1
        self.server.notify("textDocument/didOpen", {"textDocument": {
            "uri": self.uri(name), "languageId": "cpp", "version": 1,
            "text": self.texts[name]}})
        self.last[name] = self.server.diagnostics(self.uri(name), 1)
        self.print_diagnostics(name, self.last[name])

    def fix(self, name, check):
        chosen = [d for d in self.last[name] if d.get("code") == check]
        if not chosen:
            raise SessionError("no %s diagnostic in %s" % (check, name))
        actions = self.server.request("textDocument/codeAction", {
            "textDocument": {"uri": self.uri(name)},
            "range": chosen[0]["range"],
            "context": {"diagnostics": [chosen[0]]}})
        for action in actions:
            print("action %s (%s)" % (action["title"], action.get("kind", "-")))
        if not actions or "edit" not in actions[0]:
            raise SessionError("no code action with an edit for %s" % check)
        changes = actions[0]["edit"]["changes"]
        for uri, edits in changes.items():
            for edit in edits:
                print("edit %s:%s %r" % (self.name(uri), span(edit["range"]),
                                         edit["newText"]))
            edited = self.name(uri)
            self.texts[edited] = apply_edits(self.texts[edited], edits)
            self.versions[edited] += 1
            self.server.notify("textDocument/didChange", {
                "textDocument": {"uri": uri,
                                 "version": self.versions[edited]},
                "contentChanges": [{"text": self.texts[edited]}]})
        sys.stdout.flush()
        self.last[name] = self.server.diagnostics(self.uri(name),
                                                  self.versions[name])
        self.print_diagnostics(name, self.last[name])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--server-arg", action="append", default=[])
    parser.add_argument("--root", required=True)
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("--log", default=os.devnull)
    parser.add_argument("steps", nargs="+")
    args = parser.parse_args()
    root = os.path.abspath(args.root)

    with open(args.log, "w") as log:
        server = LanguageServer([args.server] + args.server_arg, log,
                                args.timeout)
        editor = Editor(server, root)
        try:
            server.request("initialize", {
                "processId": os.getpid(), "rootUri": "file://" + root,
                "capabilities": {"textDocument": {
                    "publishDiagnostics": {"versionSupport": True,
                                           "relatedInformation": True},
                    "codeAction": {"codeActionLiteralSupport": {
                        "codeActionKind": {"valueSet": ["quickfix"]}}}}}})
            server.notify("initialized", {})
            for step in args.steps:
                kind, _, what = step.partition(":")
                if kind == "open":
                    editor.open(what)
                elif kind == "fix":
                    name, _, check = what.partition(":")
                    editor.fix(name, check)
                else:
                    raise SessionError("unknown step %r" % step)
            server.close()
        except SessionError as error:
            server.process.kill()
            print("lsp_session.py: error: %s" % error, file=sys.stderr)
            if args.log != os.devnull:
                log.flush()
                with open(args.log, errors="replace") as written:
                    tail = written.readlines()[-40:]
                print("lsp_session.py: the end of the server's log:\n%s"
                      % "".join(tail), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
