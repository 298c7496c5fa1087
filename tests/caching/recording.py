"""A stand-in for the HTTP cache's purge interface, on 127.0.0.1 (the fixtures are in
tests/conftest.py: ``recording_cache``, and ``cache`` with the site purging through it), and
:func:`serving`, which runs such a test server in a thread."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class RecordingCache(ThreadingHTTPServer):
    """A stand-in for Varnish's purge interface: records every PURGE it receives, of a URL or
    (with ``xkey-purge``) of surrogate keys."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.received: list[tuple[str, str, str, str]] = []  # method, host, path, keys
        self.headers: list[dict[str, str]] = []  # each request's headers, in the same order

    @property
    def location(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def clear(self) -> None:
        self.received.clear()
        self.headers.clear()

    def keys(self) -> set[str]:
        """Every surrogate key purged."""
        return {key for _, _, _, keys in self.received for key in keys.split()}

    def key_batches(self) -> list[set[str]]:
        return [set(keys.split()) for _, _, _, keys in self.received if keys]

    def purges(self) -> set[str]:
        """Every URL path (with query) purged on its own."""
        return {path for method, _, path, keys in self.received if method == "PURGE" and not keys}


class _Handler(BaseHTTPRequestHandler):
    def _record(self) -> None:
        self.server.headers.append(dict(self.headers.items()))
        self.server.received.append(
            (self.command, self.headers["Host"], self.path, self.headers.get("xkey-purge", ""))
        )
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = _record

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serving[S: ThreadingHTTPServer](server: S) -> Iterator[S]:
    """Run ``server`` in a thread for the block, then stop it and close its socket."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
