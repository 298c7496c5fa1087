import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class RecordingCache(ThreadingHTTPServer):
    """A stand-in for Varnish's purge interface: records every PURGE and BAN it receives."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.received: list[tuple[str, str, str, str]] = []  # method, host, path, ban pattern
        self.headers: list[dict[str, str]] = []  # each request's headers, in the same order

    @property
    def location(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def clear(self) -> None:
        self.received.clear()
        self.headers.clear()

    def bans(self) -> set[str]:
        return {pattern for method, _, _, pattern in self.received if method == "BAN"}

    def purges(self) -> set[str]:
        return {path for method, _, path, _ in self.received if method == "PURGE"}


class _Handler(BaseHTTPRequestHandler):
    def _record(self) -> None:
        self.server.headers.append(dict(self.headers.items()))
        self.server.received.append(
            (self.command, self.headers["Host"], self.path, self.headers.get("X-Ban-Url", ""))
        )
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = do_BAN = _record

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def recording_cache():
    server = RecordingCache()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
