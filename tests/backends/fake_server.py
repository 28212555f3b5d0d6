"""A small OpenAI-compatible server on loopback, for the protocol's edge cases.

Behaviour is chosen per test through `Script`: replies in order, statuses to return first
(429, 500), a stream that dies after some bytes, a delay that trips the client's timeout,
a transport fault (`fault`: the connection dropped or reset before any answer, a reply that
is not JSON, a stream that stalls), and the model names it serves. Everything it received is kept for assertions.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Script:
    replies: list[str] = field(
        default_factory=lambda: ["白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"]
    )
    statuses: list[int] = field(default_factory=list)  # returned (in order) before any reply
    models: tuple[str, ...] = ("tiny",)
    die_after: int | None = None  # stream: close the connection after this many chunks
    delay: float = 0.0
    fault: str | None = None  # "drop", "reset", "garbage", "not-openai" or "stall"
    received: list[dict[str, Any]] = field(default_factory=list)
    turn: int = 0


class _Handler(BaseHTTPRequestHandler):
    script: Script

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _json(self, status: int, data: object, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path.endswith("/models"):
            self._json(200, {"object": "list", "data": [{"id": m} for m in self.script.models]})
        else:
            self._json(404, {"error": {"message": "no such route"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length))
        script = self.script
        script.received.append(body)
        if script.statuses:
            status = script.statuses.pop(0)
            self._json(status, {"error": {"message": f"status {status}"}}, {"Retry-After": "0"})
            return
        if script.fault in ("drop", "reset"):
            if script.fault == "reset":  # linger 0: close() sends RST instead of FIN
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
            self.connection.close()
            self.close_connection = True
            return
        if script.fault == "garbage":
            page = b"<html><body>502 Bad Gateway</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)
            return
        if script.fault == "not-openai":
            self._json(200, {"result": "ok"})
            return
        if body.get("model") not in script.models:
            self._json(404, {"error": {"message": f"model '{body.get('model')}' not found"}})
            return
        if script.fault != "stall":  # a stall waits mid-stream instead
            time.sleep(script.delay)
        reply = script.replies[script.turn % len(script.replies)]
        script.turn += 1
        chat = self.path.endswith("/chat/completions")
        if not body.get("stream"):
            choice = (
                {"message": {"role": "assistant", "content": reply}} if chat else {"text": reply}
            )
            self._json(200, {"choices": [{**choice, "index": 0, "finish_reason": "stop"}]})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        pieces = [reply[i : i + 4] for i in range(0, len(reply), 4)]
        for n, piece in enumerate(pieces):
            if script.die_after is not None and n >= script.die_after:
                self.wfile.flush()
                if script.fault == "stall":  # alive but silent: the client's read timeout
                    time.sleep(script.delay or 2.0)
                self.connection.shutdown(2)  # the server dies mid-stream
                return
            delta = {"delta": {"content": piece}} if chat else {"text": piece}
            self.wfile.write(
                f"data: {json.dumps({'choices': [{**delta, 'index': 0}]})}\n\n".encode()
            )
            self.wfile.flush()
        end = {"choices": [{"delta": {}, "index": 0, "finish_reason": "stop"}]}
        self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (the timeout test) is expected, not an error


class FakeServer:
    """`with FakeServer(script) as url:` serves on 127.0.0.1 at a free port until exit."""

    def __init__(self, script: Script) -> None:
        handler = type("Handler", (_Handler,), {"script": script})
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
