"""`broadsheet serve` and the production settings, run as an operator runs them."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from broadsheet.ops.server import default_workers
from tests.e2e.stack import until
from tests.ports import free_port

BROADSHEET = [sys.executable, "-m", "broadsheet.cli"]
SECRET = "a-long-production-secret-for-tests-only-0123456789-abcdefghij"


def production_env(var_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BROADSHEET_", "DJANGO_"))}
    return {
        **env,
        "BROADSHEET_VAR_DIR": str(var_dir),
        "BROADSHEET_SECRET_KEY": SECRET,
        "BROADSHEET_SSL_REDIRECT": "off",
        **extra,
    }


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    env = {"DJANGO_SETTINGS_MODULE": "broadsheet.settings.production", **env}
    result = subprocess.run([*BROADSHEET, *args], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def start_serving(env: dict[str, str], log: Path, *args: str) -> tuple[subprocess.Popen, str]:
    """`broadsheet serve` on a free port, once it answers /healthz; the process and its URL."""
    port = free_port()
    with log.open("a") as out:
        process = subprocess.Popen(
            [*BROADSHEET, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2", *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if fetch(base + "/healthz")[0] == 200:
                return process, base
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(log.read_text())
        time.sleep(0.3)


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    """A var directory with a migrated SQLite database and collected static files."""
    var_dir = tmp_path_factory.mktemp("serve")
    env = production_env(var_dir)
    run(["migrate", "--no-input", "-v", "0"], env)
    run(["collectstatic", "--no-input", "-v", "0"], env)
    return var_dir


@pytest.fixture(scope="module")
def served(site_dir):
    """`broadsheet serve` with production settings on a fresh SQLite database."""
    env = production_env(
        site_dir,
        BROADSHEET_LOG_FORMAT="json",
        BROADSHEET_ACCESS_LOG="on",
        BROADSHEET_DRAIN_SECONDS="0",  # these tests are not about stopping
    )
    pidfile, log = site_dir / "serve.pid", site_dir / "serve.log"
    # No DJANGO_SETTINGS_MODULE: `serve` must pick production settings by itself.
    process, base = start_serving(env, log, "--pid", str(pidfile))
    try:
        yield {"base": base, "pid": int(pidfile.read_text()), "log": log, "var": site_dir}
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_serve_runs_gunicorn_with_the_workers_asked_for(served):
    # The first worker may answer /healthz before the second has finished starting.
    deadline = time.monotonic() + 30
    while True:
        children = subprocess.run(
            ["ps", "--ppid", str(served["pid"]), "-o", "pid="], capture_output=True, text=True
        ).stdout.split()
        if len(children) >= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.2)

    assert len(children) == 2


def test_serve_answers_health_and_reader_pages(served):
    status, headers, body = fetch(served["base"] + "/readyz")
    assert status == 200 and json.loads(body)["status"] == "ok"

    status, headers, _ = fetch(served["base"] + "/")
    assert status in (200, 404)
    assert "public" in headers["Cache-Control"]


def test_head_requests_get_headers_only_and_gunicorn_drops_no_body(served):
    for path in ("/", "/healthz", "/readyz"):
        request = urllib.request.Request(served["base"] + path, method="HEAD")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
                assert response.read() == b""
        except urllib.error.HTTPError as error:  # the front page of a site with no pages yet
            assert error.code == 404
            assert int(error.headers["Content-Length"]) > 0
    time.sleep(0.5)

    assert "no-body response" not in served["log"].read_text()


def test_static_files_have_hashed_names_and_far_future_caching(served):
    manifest = json.loads((served["var"] / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["site/css/site.css"]
    assert hashed != "site/css/site.css"

    status, headers, _ = fetch(f"{served['base']}/static/{hashed}")

    assert status == 200
    assert "immutable" in headers["Cache-Control"]
    assert "max-age=315360000" in headers["Cache-Control"]


def test_logs_are_json_lines(served):
    fetch(served["base"] + "/healthz")
    time.sleep(0.5)

    lines = [line for line in served["log"].read_text().splitlines() if line.strip()]
    events = [json.loads(line) for line in lines]
    assert any(e["logger"] == "gunicorn.error" for e in events)
    assert any(e.get("path") == "/healthz" and e.get("status") == "200" for e in events)


def test_deploy_check_is_clean_under_production_settings(tmp_path):
    env = production_env(tmp_path, BROADSHEET_SMTP_HOST="mail.example.org")
    env.pop("BROADSHEET_SSL_REDIRECT")

    result = run(["check", "--deploy", "--fail-level", "WARNING"], env)

    assert "no issues" in result.stdout


def test_default_worker_count_follows_the_cores():
    assert default_workers(1) == 2
    assert default_workers(2) == 2
    assert default_workers(8) == 8
    assert default_workers(64) == 16


# Stopping and reloading ----------------------------------------------------------------------

WAIT = 90.0  # generous bound for things that must happen; never a measure of how fast


def readiness(base: str) -> tuple[int, str]:
    status, _, body = fetch(base + "/readyz")
    return status, json.loads(body)["status"]


def worker_pids(master: int) -> set[int]:
    ps = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True)
    return {int(pid) for pid in ps.stdout.split()}


def test_stopping_fails_readyz_but_keeps_serving_until_the_drain_ends(site_dir, tmp_path):
    env = production_env(site_dir, BROADSHEET_DRAIN_SECONDS="3")
    pidfile = tmp_path / "serve.pid"
    process, base = start_serving(env, tmp_path / "serve.log", "--pid", str(pidfile))
    try:
        assert int(pidfile.read_text()) == process.pid  # systemd follows the PID it started

        process.send_signal(signal.SIGTERM)  # what systemd sends the main process

        until(lambda: readiness(base) == (503, "draining"), "/readyz answering draining")
        assert fetch(base + "/healthz")[0] == 200
        assert fetch(base + "/")[0] in (200, 404)  # a page of a site without pages yet
        assert process.wait(timeout=WAIT) == 0
    finally:
        if process.poll() is None:
            process.kill()
    log = (tmp_path / "serve.log").read_text()
    assert "Draining" in log
    assert "Service Unavailable: /readyz" not in log  # a planned 503 is not logged as an error


def test_a_second_sigterm_stops_a_draining_server_at_once(site_dir, tmp_path):
    env = production_env(site_dir, BROADSHEET_DRAIN_SECONDS="3600")
    process, base = start_serving(env, tmp_path / "serve.log")
    try:
        process.send_signal(signal.SIGTERM)
        until(lambda: readiness(base) == (503, "draining"), "/readyz answering draining")

        process.send_signal(signal.SIGTERM)

        assert process.wait(timeout=WAIT) == 0  # long before the hour of draining is over
    finally:
        if process.poll() is None:
            process.kill()


def test_a_reload_with_a_broken_release_keeps_the_running_workers(site_dir, tmp_path):
    # The settings come from a module on PYTHONPATH, read again by every new worker.
    settings_module = tmp_path / "served_settings.py"
    settings_module.write_text("from broadsheet.settings.production import *  # noqa: F403\n")
    env = production_env(
        site_dir,
        DJANGO_SETTINGS_MODULE="served_settings",
        PYTHONPATH=os.pathsep.join([str(tmp_path), *sys.path]),
        BROADSHEET_DRAIN_SECONDS="0",
    )
    log = tmp_path / "serve.log"
    process, base = start_serving(env, log)
    try:
        until(lambda: len(worker_pids(process.pid)) == 2, "both workers starting")
        running = worker_pids(process.pid)
        settings_module.write_text('raise RuntimeError("a release that cannot start")\n')

        process.send_signal(signal.SIGHUP)

        until(lambda: "could not load the site" in log.read_text(), "the failure being logged")
        assert process.poll() is None
        assert worker_pids(process.pid) == running
        assert readiness(base) == (200, "ok")

        settings_module.write_text(
            "from broadsheet.settings.production import *  # noqa: F403\n\nFIXED = True\n"
        )
        process.send_signal(signal.SIGHUP)

        until(lambda: not worker_pids(process.pid) & running, "the workers being replaced")
        until(lambda: len(worker_pids(process.pid)) == 2, "two workers serving")
        assert readiness(base) == (200, "ok")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=WAIT)


def test_the_master_imports_neither_django_nor_the_site():
    # What the master has imported, every worker inherits: nothing of it may be the site.
    code = (
        "import sys, broadsheet.ops.master; "
        "print(sorted(m for m in sys.modules if m.startswith('django') or "
        "m.startswith('broadsheet.') and not m.startswith('broadsheet.ops.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['broadsheet.ops']"
