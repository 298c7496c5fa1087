"""The production stack on 127.0.0.1, started and stopped by PID: used by tests/e2e and bench.

Varnish (deploy/varnish/default.vcl) in front of N ``broadsheet serve`` instances, a
``broadsheet worker``, a PostgreSQL database of its own (created, then dropped) and a Redis
key prefix of its own (its keys deleted afterwards). Every process is started in its own
session; stopping signals exactly those process groups and nothing else.
"""

import gzip
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import redis

from tests.ports import free_port

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
POSTGRES_ADMIN = os.environ.get("BROADSHEET_E2E_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = "redis://127.0.0.1:6379/14"
SECRET = "e2e-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"
HEADERS = {"X-Forwarded-Proto": "https"}  # what the TLS front (nginx) adds


def start_varnishd(workdir: Path, port: int, vcl: Path, *params: str) -> int:
    """Start a varnishd of its own (work directory, 256 MB of memory) on 127.0.0.1:``port``.

    varnishd daemonises; returns its PID, from its pidfile, for stopping it.
    """
    pidfile = workdir.with_name(workdir.name + ".pid")
    started = subprocess.run(
        ["varnishd", "-j", "none", "-n", str(workdir),
         "-a", f"127.0.0.1:{port}", "-T", f"127.0.0.1:{free_port()}", "-f", str(vcl),
         *params, "-s", "malloc,256m", "-P", str(pidfile)],
        capture_output=True, text=True,
    )  # fmt: skip
    if started.returncode:
        raise RuntimeError(
            f"varnishd exited with {started.returncode}: {started.stderr.strip() or started.stdout}"
        )
    for _ in range(100):
        if pidfile.exists() and pidfile.read_text().strip():
            break
        time.sleep(0.05)
    return int(pidfile.read_text())


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str  # decompressed if it came gzip-compressed
    wire_bytes: int = 0  # length of the body as it came over the connection

    def header(self, name: str) -> str:
        return {k.lower(): v for k, v in self.headers.items()}.get(name.lower(), "")


def request(
    url: str,
    *,
    method: str = "GET",
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 10,
) -> Response:
    """One HTTP request to 127.0.0.1, no redirects followed, no cookies kept.

    Without an ``Accept-Encoding`` header of the caller's, urllib sends
    ``Accept-Encoding: identity``: a client that does not take gzip.
    """
    assert url.startswith("http://127.0.0.1:"), url
    req = urllib.request.Request(  # noqa: S310 (loopback only, asserted above)
        url, data=data, method=method, headers={**HEADERS, **(headers or {})}
    )
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(req, timeout=timeout) as resp:
            raw = resp.read()
            size = len(raw)
            if resp.headers.get("Content-Encoding") == "gzip":
                raw = gzip.decompress(raw)
            return Response(resp.status, dict(resp.headers), raw.decode(), size)
    except urllib.error.HTTPError as error:
        raw = error.read()
        return Response(error.code, dict(error.headers), raw.decode(), len(raw))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Stack:
    """Start with :meth:`start`, stop with :meth:`stop` (also on failure)."""

    name: str = field(default_factory=lambda: f"broadsheet_e2e_{os.getpid()}")
    app_servers: int = 2
    workers_per_server: int = 2
    threads_per_worker: int = 1
    settings_module: str = "broadsheet.settings.production"
    extra_env: dict[str, str] = field(default_factory=dict)
    with_worker: bool = True
    tmp: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="broadsheet-stack-")))
    varnish_port: int = field(default_factory=free_port)
    app_ports: list[int] = field(default_factory=list)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    varnish_pid: int | None = None
    database_created: bool = False
    console_: "Console | None" = None  # editor and moderator actions, from start_newsroom()

    # Addresses -----------------------------------------------------------------------------

    @property
    def varnish(self) -> str:
        return f"http://127.0.0.1:{self.varnish_port}"

    def app(self, index: int = 0) -> str:
        return f"http://127.0.0.1:{self.app_ports[index]}"

    @property
    def database_url(self) -> str:
        return f"{POSTGRES_ADMIN}/{self.name}"

    @property
    def env(self) -> dict[str, str]:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("BROADSHEET_", "DJANGO"))}
        return {
            **base,
            "PYTHONPATH": str(REPO),
            "DJANGO_SETTINGS_MODULE": self.settings_module,
            "BROADSHEET_SECRET_KEY": SECRET,
            "BROADSHEET_DATABASE_URL": self.database_url,
            "BROADSHEET_REDIS_URL": REDIS_URL,
            "BROADSHEET_REDIS_KEY_PREFIX": self.name,
            "BROADSHEET_TASKS_BACKEND": "database",
            "BROADSHEET_TASKS_POLL_INTERVAL": "0.1",
            "BROADSHEET_PURGE_URL": self.varnish,
            "BROADSHEET_VAR_DIR": str(self.tmp / "var"),
            "BROADSHEET_STATIC_ROOT": str(self.tmp / "static"),
            "BROADSHEET_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "BROADSHEET_LOG_FORMAT": "json",
            "BROADSHEET_LOG_LEVEL": "WARNING",
            **self.extra_env,
        }

    # Life cycle ----------------------------------------------------------------------------

    def start(self) -> "Stack":
        self.create_database()
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("collectstatic", "--no-input", "-v", "0")
        return self

    def start_newsroom(self, articles: int) -> list[dict]:
        """:meth:`start`, a newsroom of ``articles`` built through :attr:`console_`, then the
        servers, once the tasks the build queued are done; the articles' ids and URLs.

        The console stays open for the caller's actions; :meth:`stop` closes it.
        """
        self.start()
        self.console_ = self.console()
        built = self.console_("build", host="127.0.0.1", port=self.varnish_port, articles=articles)
        self.start_servers()
        # Building the site queued search, reference-index and purge tasks; let the worker
        # finish them so they do not purge pages in the middle of a measurement or a test.
        deadline = time.monotonic() + 120
        while self.console_("queued")["queued"] and time.monotonic() < deadline:
            time.sleep(0.2)
        return built["articles"]

    def start_servers(self) -> None:
        """App servers, worker and Varnish (after :meth:`start` and loading content)."""
        for index in range(self.app_servers):
            self.start_app_server(index)
        if self.with_worker:
            self.spawn("worker", [PYTHON, "-m", "broadsheet.cli", "worker"])
        self.start_varnish()

    def start_app_server(self, index: int) -> None:
        if index >= len(self.app_ports):
            self.app_ports.append(free_port())
        port = self.app_ports[index]
        self.spawn(
            f"app{index}",
            [
                PYTHON,
                "-m",
                "broadsheet.cli",
                "serve",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(self.workers_per_server),
                "--threads",
                str(self.threads_per_worker),
            ],
        )
        self.wait_for(f"http://127.0.0.1:{port}/readyz", f"app{index}")

    def spawn(self, name: str, command: list[str]) -> subprocess.Popen:
        log = (self.tmp / f"{name}.log").open("ab")
        process = subprocess.Popen(
            command,
            env=self.env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = process
        return process

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Signal the process group we started under ``name`` (its gunicorn workers too)."""
        process = self.processes.pop(name)
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        process.wait(timeout=30)

    def start_varnish(self) -> None:
        backends = "\n".join(
            f'backend app{i} {{ .host = "127.0.0.1"; .port = "{port}"; .probe = ready;'
            " .connect_timeout = 1s; .first_byte_timeout = 30s; }"
            for i, port in enumerate(self.app_ports)
        )
        adds = "\n".join(f"    app.add_backend(app{i});" for i in range(len(self.app_ports)))
        (self.tmp / "backends.vcl").write_text(
            "import directors;\n"
            'probe ready { .url = "/readyz"; .interval = 1s; .timeout = 5s;'
            " .window = 3; .threshold = 2; }\n"
            f"{backends}\nsub vcl_init {{\n    new app = directors.round_robin();\n{adds}\n}}\n"
        )
        self.tmp.chmod(0o755)  # nginx and varnish workers read files below it
        self.varnish_pid = start_varnishd(
            self.tmp / "varnish",
            self.varnish_port,
            REPO / "deploy" / "varnish" / "default.vcl",
            "-p",
            f"vcl_path={self.tmp}:{REPO / 'deploy' / 'varnish'}",
        )
        self.wait_for(self.varnish + "/readyz", "varnish")

    def form_token(self, article_id: int) -> str:
        """A comment form timestamp, old enough for the pipeline's "sent too fast" check."""
        token = json.loads(request(f"{self.varnish}/comments/token/{article_id}/").body)["token"]
        time.sleep(3.2)
        return token

    def post_comment(self, article_id: int, token: str, text: str) -> Response:
        """A reader's comment through Varnish, as the page's script sends it (JSON answer)."""
        body = urlencode(
            {"name": "Ines", "email": f"{uuid.uuid4().hex[:10]}@readers.example", "text": text,
             "token": token, "website": ""}
        ).encode()  # fmt: skip
        return request(
            f"{self.varnish}/comments/post/{article_id}/",
            method="POST",
            data=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
                "Origin": self.varnish,
            },
            timeout=30,
        )

    def varnish_counter(self, name: str) -> int:
        """A counter of this stack's Varnish, e.g. ``MAIN.n_gunzip``."""
        result = subprocess.run(
            ["varnishstat", "-n", str(self.tmp / "varnish"), "-1", "-f", name],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        for line in result.stdout.splitlines():
            fields = line.split()
            if fields and fields[0] == name:
                return int(fields[1])
        raise KeyError(name)

    def wait_for(self, url: str, name: str, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            process = self.processes.get(name)
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"{name} exited: {self.log(name)[-2000:]}")
            try:
                if request(url, timeout=2).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{url} did not become ready: {self.log(name)[-2000:]}")

    def log(self, name: str) -> str:
        path = self.tmp / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.console_ is not None:
            self.console_.close()
            self.console_ = None
        for name in list(self.processes):
            process = self.processes[name]
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for name, process in list(self.processes.items()):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
            del self.processes[name]
        if self.varnish_pid:
            try:
                os.kill(self.varnish_pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            self.varnish_pid = None
        self.drop_database()
        self.clear_redis()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # Services ------------------------------------------------------------------------------

    def create_database(self) -> None:
        with psycopg.connect(f"{POSTGRES_ADMIN}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{self.name}"')
        self.database_created = True

    def drop_database(self) -> None:
        if self.database_created:
            with psycopg.connect(f"{POSTGRES_ADMIN}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self.database_created = False

    def clear_redis(self) -> None:
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"{self.name}:*"))
        if keys:
            client.delete(*keys)

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [PYTHON, "-m", "broadsheet.cli", *args],
            env=self.env, cwd=REPO, capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(f"broadsheet {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def console(self) -> "Console":
        return Console(self)

    # Restarts and reloads (tests/e2e/test_rolling.py, bench/restart.py) --------------------

    def drain_app_server(self, index: int, timeout: float = 120) -> None:
        """Stop app server ``index`` as systemd does (``KillMode=mixed``): SIGTERM to the
        gunicorn master alone, which drains, then stops its workers. Returns once it exited."""
        process = self.processes.pop(f"app{index}")
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=timeout)

    def restart_app_server(self, index: int) -> None:
        """Drain app server ``index``, start it again, wait until Varnish sends it requests."""
        self.drain_app_server(index)
        self.start_app_server(index)
        self.wait_until_healthy(index)

    def reload_app_server(self, index: int) -> None:
        """``systemctl reload``: SIGHUP to the gunicorn master of app server ``index``."""
        self.processes[f"app{index}"].send_signal(signal.SIGHUP)

    def backend_health(self) -> dict[str, str]:
        """Varnish's view of each app server: ``{"app0": "healthy", "app1": "sick"}``."""
        result = subprocess.run(
            ["varnishadm", "-n", str(self.tmp / "varnish"), "backend.list"],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        health = {}
        for line in result.stdout.splitlines()[1:]:
            fields = line.split()
            if len(fields) >= 4:
                health[fields[0].rsplit(".", 1)[-1]] = fields[3]
        return health

    def wait_until_healthy(self, index: int, timeout: float = 90) -> None:
        """Wait until Varnish's probe counts app server ``index`` as healthy again."""
        deadline = time.monotonic() + timeout
        while self.backend_health().get(f"app{index}") != "healthy":
            if time.monotonic() > deadline:
                raise RuntimeError(f"app{index} not healthy in Varnish: {self.backend_health()}")
            time.sleep(0.2)

    # The edge (tests/e2e/test_edge.py) -----------------------------------------------------

    def varnishadm(self, *args: str) -> str:
        """One command to this stack's Varnish, e.g. ``backend.set_health app0 healthy``."""
        result = subprocess.run(
            ["varnishadm", "-n", str(self.tmp / "varnish"), *args],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        return result.stdout


def until[T](condition: Callable[[], T], what: str, within: float = 120.0) -> T:
    """Ask ``condition`` every 0.2 s until it answers something true, and return that; fail
    after ``within`` seconds. The bound is generous: tests wait for outcomes, never time them.
    """
    deadline = time.monotonic() + within
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {within:.0f} s")
        time.sleep(0.2)


class Console:
    """A Django process on the stack's database that runs editor and moderator actions.

    Commands and answers are JSON lines (see ``tests/e2e/console.py``); one process for the
    whole test, so an action's timing is not hidden behind Python start-up.
    """

    def __init__(self, stack: Stack) -> None:
        self.process = subprocess.Popen(
            [PYTHON, "-m", "tests.e2e.console"],
            env=stack.env, cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=(stack.tmp / "console.log").open("ab"), text=True, start_new_session=True,
        )  # fmt: skip

    def __call__(self, command: str, **arguments) -> dict:
        self.process.stdin.write(json.dumps({"command": command, **arguments}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the console process exited")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)


def send_body(
    url: str,
    body: bytes,
    *,
    chunked: bool = False,
    headers: dict[str, str] | None = None,
    timeout: float = 60,
) -> Response:
    """POST ``body`` to 127.0.0.1 and read the answer while the body is still being sent.

    A server may answer a body it will not take before reading it, then close the connection
    (gunicorn does); a client that reads only after sending everything, as urllib does, sees
    the connection reset instead of the answer. ``chunked`` sends the body without a length.
    """
    parts = urllib.parse.urlsplit(url)
    assert parts.hostname == "127.0.0.1", url
    framing = {"Transfer-Encoding": "chunked"} if chunked else {"Content-Length": str(len(body))}
    fields = {"Host": parts.netloc, **HEADERS, **(headers or {}), **framing}
    head = f"POST {parts.path or '/'} HTTP/1.1\r\n" + "".join(
        f"{k}: {v}\r\n" for k, v in fields.items()
    )
    sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)

    def send() -> None:
        try:
            sock.sendall(head.encode() + b"\r\n")
            for start in range(0, len(body), 65536):
                piece = body[start : start + 65536]
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
            if chunked:
                sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered and closed without reading it all

    sender = threading.Thread(target=send)
    sender.start()
    try:
        answer = http.client.HTTPResponse(sock)
        answer.begin()
        raw = answer.read()
        return Response(answer.status, dict(answer.getheaders()), raw.decode(), len(raw))
    finally:
        sock.close()
        sender.join(timeout)


# nginx in front instead of Varnish (tests/e2e/test_nginx_front.py, bench/serve.py) ---------

NGINX_DIR = REPO / "deploy" / "nginx"
NGINX_PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
# The site file of deploy/nginx/cache.conf for 127.0.0.1: plain HTTP (the test client sends
# X-Forwarded-Proto as a TLS front would), paths under the stack's directory, the same three
# cache-*.conf files unchanged.
NGINX_FRONT_CONF = """
load_module {module};
daemon off;
worker_processes 2;
pcre_jit on;
pid {tmp}/nginx-front.pid;
error_log {tmp}/nginx-front-error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  default_type application/octet-stream;
  client_body_temp_path {tmp}/nginx-front-body;
  proxy_temp_path {tmp}/nginx-front-proxy;
  fastcgi_temp_path {tmp}/nginx-front-fastcgi;
  uwsgi_temp_path {tmp}/nginx-front-uwsgi;
  scgi_temp_path {tmp}/nginx-front-scgi;

  include {deploy}/cache-maps.conf;
  proxy_cache_path {tmp}/nginx-cache levels=1:2 keys_zone=broadsheet:16m max_size=256m
                   inactive=1d use_temp_path=off;
  upstream broadsheet_app {{
{servers}
    keepalive 64;
  }}
  upstream broadsheet_compress {{ server unix:{tmp}/nginx-compress.sock; keepalive 16; }}
  server {{ listen unix:{tmp}/nginx-compress.sock; include {deploy}/cache-compress.conf; }}
  server {{ listen 127.0.0.1:{port}; include {deploy}/cache-front.conf; }}
  server {{
    listen 127.0.0.1:{purge_port};
    allow 127.0.0.1;
    deny all;
    include {deploy}/cache-purge.conf;
  }}
}}
"""


def start_nginx_front(stack: Stack, port: int | None = None, purge_port: int | None = None) -> str:
    """nginx's proxy_cache (deploy/nginx/cache.conf's shape) in front of ``stack``'s running
    app servers, readers on 127.0.0.1:``port``, purges on ``purge_port``; returns the
    readers' address.

    It runs in the foreground as one of the stack's processes (``nginx-front``), so
    :meth:`Stack.stop` stops it with the others.
    """
    port, purge_port = port or free_port(), purge_port or free_port()
    servers = "\n".join(
        f"    server 127.0.0.1:{app_port} max_fails=1 fail_timeout=10s;"
        for app_port in stack.app_ports
    )
    conf = stack.tmp / "nginx-front.conf"
    conf.write_text(
        NGINX_FRONT_CONF.format(
            module=NGINX_PURGE_MODULE,
            tmp=stack.tmp,
            deploy=NGINX_DIR,
            servers=servers,
            port=port,
            purge_port=purge_port,
        )
    )
    stack.tmp.chmod(0o755)  # nginx's workers run as an unprivileged user
    subprocess.run(["nginx", "-t", "-q", "-c", str(conf), "-p", str(stack.tmp)], check=True)
    stack.spawn("nginx-front", ["nginx", "-c", str(conf), "-p", str(stack.tmp)])
    url = f"http://127.0.0.1:{port}"
    stack.wait_for(url + "/readyz", "nginx-front")
    return url


@dataclass
class NginxFrontStack(Stack):
    """The same stack with the nginx front where Varnish was, on ``varnish_port``.

    Readers' requests and the site's address in the database go to nginx; the port keeps the
    base class's name, so :meth:`Stack.start_newsroom`, :meth:`Stack.form_token` and
    :meth:`Stack.post_comment` work through nginx unchanged. The worker purges through
    ``BROADSHEET_PURGE_BACKEND=nginx`` on ``purge_port``. Varnish is not started.
    """

    purge_port: int = field(default_factory=free_port)

    @property
    def front(self) -> str:
        return self.varnish

    @property
    def purger(self) -> str:
        return f"http://127.0.0.1:{self.purge_port}"

    @property
    def env(self) -> dict[str, str]:
        return {
            **super().env,
            "BROADSHEET_PURGE_BACKEND": "nginx",
            "BROADSHEET_PURGE_URL": self.purger,
            **self.extra_env,
        }

    def start_varnish(self) -> None:
        """Called by :meth:`Stack.start_servers` once the app servers run: nginx instead."""
        start_nginx_front(self, self.varnish_port, self.purge_port)
