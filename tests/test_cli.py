"""The `broadsheet` command as a newcomer runs it."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.ports import free_port

BROADSHEET = [sys.executable, "-m", "broadsheet.cli"]


def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BROADSHEET_", "DJANGO_"))}
    return {**env, "BROADSHEET_VAR_DIR": str(tmp_path / "var")}


def wait_for(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"broadsheet demo exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (local test server)
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {timeout} s")


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
        return response.status, response.read().decode()


def test_broadsheet_runs_django_commands(tmp_path):
    result = subprocess.run(
        [*BROADSHEET, "check"], env=clean_env(tmp_path), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_broadsheet_demo_serves_the_site_and_an_article(tmp_path):
    port = free_port()
    env = clean_env(tmp_path)
    log = tmp_path / "demo.log"
    process = subprocess.Popen(
        [*BROADSHEET, "demo", f"127.0.0.1:{port}"],
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
        status, front = get(f"http://127.0.0.1:{port}/")
        assert status == 200
        assert "The Harbour Courier" in front
        article_path = front.split('class="article-card__headline"><a href="', 1)[1].split('"')[0]
        status, article = get(f"http://127.0.0.1:{port}{article_path}")
        assert status == 200
        assert "Reading time:" in article
        assert (tmp_path / "var" / "broadsheet.sqlite3").exists()
    finally:
        process.terminate()
        process.wait(timeout=20)
    output = log.read_text()
    assert "user 'admin', password" in output
    assert f"http://127.0.0.1:{port}/admin/" in output
    password = output.split("password ", 1)[1].split()[0]

    # Run again: it reuses the database, the content and the admin account.
    again = subprocess.run(
        [*BROADSHEET, "demo", "--no-serve"], env=env, capture_output=True, text=True, timeout=120
    )
    assert again.returncode == 0, again.stderr
    assert "0 articles created" in again.stdout
    assert f"password {password}" in again.stdout
