"""A real HTTP server on 127.0.0.1 serving feeds we set, with ETags, 304s and failures."""

import hashlib
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from broadsheet.articles.models import SectionPage
from broadsheet.wire.models import Source, SourceHealth


@dataclass
class Served:
    body: bytes
    content_type: str = "application/xml"
    status: int = 200


@dataclass
class FeedServer:
    """What each path answers; requests and 304s counted per path."""

    host: str = ""
    paths: dict[str, Served] = field(default_factory=dict)
    requests: dict[str, int] = field(default_factory=dict)
    not_modified: dict[str, int] = field(default_factory=dict)
    headers: dict[str, list[dict]] = field(default_factory=dict)
    etags: bool = True
    last_modified: str = ""  # sent, and honoured in If-Modified-Since, when set

    def serve(self, path: str, body: bytes | str, content_type: str = "application/xml") -> str:
        data = body.encode() if isinstance(body, str) else body
        self.paths[path] = Served(data, content_type)
        return self.url(path)

    def fail(self, path: str, status: int = 500) -> str:
        self.paths[path] = Served(b"Broken", "text/plain", status)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"{self.host}{path}"


def _handler(server: FeedServer):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            path = self.path
            server.requests[path] = server.requests.get(path, 0) + 1
            server.headers.setdefault(path, []).append(dict(self.headers))
            served = server.paths.get(path)
            if served is None:
                self.send_error(404)
                return
            if served.status != 200:
                self.send_error(served.status)
                return
            etag = '"' + hashlib.sha256(served.body).hexdigest()[:16] + '"'
            unchanged = server.etags and self.headers.get("If-None-Match") == etag
            since = self.headers.get("If-Modified-Since")
            unchanged |= bool(server.last_modified) and since == server.last_modified
            if unchanged:
                server.not_modified[path] = server.not_modified.get(path, 0) + 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", served.content_type)
            self.send_header("Content-Length", str(len(served.body)))
            if server.etags:
                self.send_header("ETag", etag)
            if server.last_modified:
                self.send_header("Last-Modified", server.last_modified)
            self.end_headers()
            self.wfile.write(served.body)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def feed_server():
    state = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.host = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def make_source(url: str, *, section: SectionPage | None = None, **fields) -> Source:
    fields.setdefault("name", "Lantern Valley Press")
    fields.setdefault("outlet", fields["name"])
    source = Source.objects.create(url=url, section=section, **fields)
    SourceHealth.objects.create(source=source)
    return source
