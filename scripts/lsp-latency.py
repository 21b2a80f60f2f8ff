#!/usr/bin/env python3
"""How long `plangraph lsp` takes to publish diagnostics after an edit: `scripts/lsp-latency.py BINARY FILE`.

Opens FILE (a plan's root or an included file), then edits it EDITS times (appending a character to
the last line, alternately adding and removing it) and measures, for each edit, the time from sending
`didChange` to receiving the file's `publishDiagnostics`. Prints the first publish and the median,
90th percentile and worst of the edits, in milliseconds. Not a test: numbers for docs and reviews.
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "lsp"))
import rpc  # noqa: E402


def main() -> None:
    binary, file = sys.argv[1], Path(sys.argv[2]).resolve()
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    rpc.SERVER[0] = binary
    server = rpc.RawServer()
    server.request(1, "initialize", {"capabilities": {}})
    server.response(1)
    server.notify("initialized")
    uri = file.as_uri()
    text = file.read_text(encoding="utf-8")
    lines = text.split("\n")
    last = len(lines) - 1 if lines[-1] else len(lines) - 2
    start = time.perf_counter()
    server.notify("textDocument/didOpen",
                  {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    _, arrived = server.notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
    first = (arrived - start) * 1000
    times = []
    length = len(lines[last].encode("utf-16-le")) // 2
    for version in range(2, edits + 2):
        if version % 2 == 0:
            change = {"range": {"start": {"line": last, "character": length}, "end": {"line": last, "character": length}},
                      "text": " "}
        else:
            change = {"range": {"start": {"line": last, "character": length}, "end": {"line": last, "character": length + 1}},
                      "text": ""}
        sent = time.perf_counter()
        server.notify("textDocument/didChange",
                      {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        _, arrived = server.notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
        times.append((arrived - sent) * 1000)
    server.request(2, "shutdown")
    server.response(2)
    server.notify("exit")
    server.close()
    times.sort()
    print(f"{file.name}: first publish {first:.0f} ms; after an edit, median {statistics.median(times):.0f} ms, "
          f"p90 {times[int(len(times) * 0.9) - 1]:.0f} ms, worst {times[-1]:.0f} ms ({edits} edits)")


if __name__ == "__main__":
    main()
