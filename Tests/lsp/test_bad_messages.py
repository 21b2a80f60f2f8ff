"""Messages no well-behaved client sends: each gets a JSON-RPC error, and the server goes on."""

from rpc import RawServer


def test_bad_and_out_of_order_messages_get_errors_not_a_crash():
    server = RawServer()
    server.request(1, "textDocument/hover", {})
    assert server.response(1)["error"]["code"] == -32002, "before initialize"
    server.send_bytes(b"Content-Length: 9\r\n\r\n{not json")
    assert server.read()["error"]["code"] == -32700
    server.send_bytes(b"Content-Type: nothing\r\n\r\n")
    assert server.read()["error"]["code"] == -32700
    server.send({"jsonrpc": "2.0", "id": 2, "method": 7})
    assert server.response(2)["error"]["code"] == -32600
    deep = b"[" * 100000 + b"]" * 100000
    server.send_bytes(b"Content-Length: %d\r\n\r\n" % len(deep) + deep)
    assert server.read()["error"]["code"] == -32700, "nesting too deep for the decoder is refused, not a crash"
    server.request(3, "initialize", {"capabilities": {}})
    assert "capabilities" in server.response(3)["result"]
    server.request(4, "initialize", {"capabilities": {}})
    assert server.response(4)["error"]["code"] == -32600, "initialize twice"
    server.request(5, "textDocument/formatting", {})
    assert server.response(5)["error"]["code"] == -32601
    server.request(6, "textDocument/definition", {"textDocument": {"uri": "file:///nowhere.yaml"}})
    assert server.response(6)["error"]["code"] == -32602
    server.request(7, "textDocument/hover", {"textDocument": {"uri": "http://x"}, "position": {"line": 0, "character": 0}})
    assert server.response(7)["error"]["code"] == -32602
    server.request(8, "textDocument/hover",
                   {"textDocument": {"uri": "file:///nowhere.yaml"}, "position": {"line": 99, "character": 99}})
    assert server.response(8)["result"] is None, "a file that does not exist has nothing to hover"
    server.notify("textDocument/didChange", {"textDocument": {"uri": 5}})
    server.request(9, "shutdown")
    assert server.response(9)["result"] is None
    server.request(10, "textDocument/hover", {})
    assert server.response(10)["error"]["code"] == -32600, "after shutdown"
    server.notify("exit")
    assert server.close() == 0


def test_exit_without_shutdown_is_status_1():
    server = RawServer()
    server.notify("exit")
    assert server.close() == 1
