"""`broadsheet serve` and the production settings, run as an operator runs them."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from broadsheet.ops.server import default_workers

BROADSHEET = [sys.executable, "-m", "broadsheet.cli"]
SECRET = "a-long-production-secret-for-tests-only-0123456789-abcdefghij"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`broadsheet serve` with production settings on a fresh SQLite database."""
    var_dir = tmp_path_factory.mktemp("serve")
    env = production_env(var_dir, BROADSHEET_LOG_FORMAT="json", BROADSHEET_ACCESS_LOG="on")
    run(["migrate", "--no-input", "-v", "0"], env)
    run(["collectstatic", "--no-input", "-v", "0"], env)
    port, pidfile, log = free_port(), var_dir / "serve.pid", var_dir / "serve.log"
    with log.open("w") as out:
        # No DJANGO_SETTINGS_MODULE: `serve` must pick production settings by itself.
        process = subprocess.Popen(
            [
                *BROADSHEET,
                "serve",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--pid",
                str(pidfile),
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if fetch(base + "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
        yield {"base": base, "pid": int(pidfile.read_text()), "log": log, "var": var_dir}
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
