"""The production stack on 127.0.0.1, started and stopped by PID: used by tests/e2e and bench.

Varnish (deploy/varnish/default.vcl) in front of N ``broadsheet serve`` instances, a
``broadsheet worker``, a PostgreSQL database of its own (created, then dropped) and a Redis
key prefix of its own (its keys deleted afterwards). Every process is started in its own
session; stopping signals exactly those process groups and nothing else.
"""

import gzip
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import redis

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
    subprocess.run(
        ["varnishd", "-j", "none", "-n", str(workdir),
         "-a", f"127.0.0.1:{port}", "-T", f"127.0.0.1:{free_port()}", "-f", str(vcl),
         *params, "-s", "malloc,256m", "-P", str(pidfile)],
        check=True, capture_output=True,
    )  # fmt: skip
    for _ in range(100):
        if pidfile.exists() and pidfile.read_text().strip():
            break
        time.sleep(0.05)
    return int(pidfile.read_text())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
