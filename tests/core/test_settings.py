"""Operators configure Broadsheet through BROADSHEET_* variables; production refuses bad ones."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from broadsheet.settings import env

ROOT = Path(__file__).resolve().parents[2]


def load_settings(module: str, **variables: str) -> subprocess.CompletedProcess:
    """Import a settings module in a fresh interpreter with only the given BROADSHEET_* set."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    code = (
        f"import {module} as s; "
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], "
        "s.TASKS['default']['BACKEND'], s.ALLOWED_HOSTS)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **variables},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings("broadsheet.settings.production")
    assert result.returncode != 0
    assert "BROADSHEET_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_with_debug_on():
    result = load_settings(
        "broadsheet.settings.production", BROADSHEET_SECRET_KEY="x" * 50, BROADSHEET_DEBUG="1"
    )
    assert result.returncode != 0
    assert "BROADSHEET_DEBUG" in result.stderr


def test_production_reads_database_cache_tasks_and_hosts_from_the_environment():
    result = load_settings(
        "broadsheet.settings.production",
        BROADSHEET_SECRET_KEY="x" * 50,
        BROADSHEET_DATABASE_URL="postgres://postgres@127.0.0.1:5432/broadsheet",
        BROADSHEET_REDIS_URL="redis://127.0.0.1:6379/1",
        BROADSHEET_TASKS_BACKEND="database",
        BROADSHEET_ALLOWED_HOSTS="news.example.org, www.news.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 4) == [
        "False",
        "django.db.backends.postgresql",
        "broadsheet.caching.resilient.ResilientRedisCache",
        "django_tasks_db.DatabaseBackend",
        "['news.example.org', 'www.news.example.org']\n",
    ]


def test_unknown_tasks_backend_is_a_clear_error():
    result = load_settings("broadsheet.settings.dev", BROADSHEET_TASKS_BACKEND="celery")
    assert result.returncode != 0
    assert "BROADSHEET_TASKS_BACKEND must be one of" in result.stderr


def test_yes_no_values_are_checked(monkeypatch):
    monkeypatch.setenv("BROADSHEET_DEBUG", "perhaps")
    with pytest.raises(ValueError, match="BROADSHEET_DEBUG"):
        env.get_bool("DEBUG")


def test_every_variable_is_documented():
    text = (ROOT / "docs/configuration.md").read_text()
    # Rows of the variables table; Django settings mentioned in prose are not variables.
    documented = set(re.findall(r"^\| `BROADSHEET_([A-Z_]+)`", text, flags=re.MULTILINE))
    assert documented == set(env.VARIABLES)


def test_settings_read_only_documented_variables():
    used = set()
    for path in (ROOT / "broadsheet/settings").glob("*.py"):
        used |= set(re.findall(r'env\.get(?:_bool|_list)?\("([A-Z_]+)"', path.read_text()))
    assert used <= set(env.VARIABLES)
