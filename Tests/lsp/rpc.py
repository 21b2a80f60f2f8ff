"""A bare JSON-RPC client over the server's pipes: for messages no real client would send."""

import json
import os
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BINARY = os.environ.get("PLANGRAPH_BIN", str(ROOT / ".build" / "debug" / "plangraph"))
AS_OF = os.environ.get("PLANGRAPH_AS_OF", "2018-01-15")
SERVER = [BINARY, "lsp", "--as-of", AS_OF, "--lang", "en"]


class RawServer:
    def __init__(self):
        self.process = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.buffered = []

    def send_bytes(self, data: bytes):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: dict):
        body = json.dumps(message).encode()
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, id, method, params=None):
        message = {"jsonrpc": "2.0", "id": id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params or {}})

    def read(self) -> dict:
        if self.buffered:
            return self.buffered.pop(0)
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value.strip())
        return json.loads(self.process.stdout.read(length))

    def response(self, id) -> dict:
        """The response to request `id`, keeping notifications that arrive before it."""
        kept = []
        while True:
            message = self.read() if not self.buffered else self.buffered.pop(0)
            if message.get("id") == id and "method" not in message:
                self.buffered = kept + self.buffered
                return message
            kept.append(message)

    def notification(self, method, predicate=lambda params: True) -> tuple[dict, float]:
        """The next notification `method` whose params satisfy `predicate`, and when it arrived."""
        while True:
            message = self.read()
            if message.get("method") == method and predicate(message.get("params")):
                return message["params"], time.perf_counter()

    def close(self):
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        return self.process.wait(timeout=10)
