"""Reading ``BROADSHEET_*`` environment variables for the settings modules.

Every setting an operator may change is read here, so the list of variables lives in one place
and ``docs/configuration.md`` can be checked against it by a test.
"""

import os
from pathlib import Path

PREFIX = "BROADSHEET_"

# name (without prefix) -> one-line description; docs/configuration.md must list every one.
VARIABLES: dict[str, str] = {
    "VAR_DIR": "Directory for the SQLite database and local media (default ./var).",
    "DATABASE_URL": "Database URL, e.g. postgres://user@host:5432/broadsheet (default SQLite).",
    "SECRET_KEY": "Django secret key; required in production.",
    "DEBUG": "Turn on debug pages (never in production).",
    "ALLOWED_HOSTS": "Comma-separated host names the site answers to.",
    "CSRF_TRUSTED_ORIGINS": "Comma-separated origins (scheme://host) trusted for POSTs.",
    "BASE_URL": "The site's public base URL, used in emails and admin links.",
    "MEDIA_ROOT": "Directory for uploaded media (default VAR_DIR/media).",
    "STATIC_ROOT": "Directory collectstatic writes to (default VAR_DIR/static).",
    "REDIS_URL": "Redis URL for the shared cache; without it an in-process cache is used.",
    "TASKS_BACKEND": "'immediate' (inline, the default) or 'database' (the worker runs them).",
    "LOG_LEVEL": "Root log level (default INFO).",
}


def get(name: str, default: str = "") -> str:
    """Return the value of ``BROADSHEET_<name>``, or ``default`` when unset or empty."""
    if name not in VARIABLES:
        raise KeyError(f"{PREFIX}{name} is not a documented setting")
    return os.environ.get(PREFIX + name, "") or default


def get_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no variable; accepts 1/0, true/false, yes/no, on/off."""
    value = get(name).strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{PREFIX}{name}={value!r} is not a yes/no value")


def get_list(name: str, default: list[str] | None = None) -> list[str]:
    """Read a comma-separated list, dropping blanks."""
    items = [item.strip() for item in get(name).split(",") if item.strip()]
    return items or list(default or [])


def var_dir() -> Path:
    """The directory for local state (SQLite file, media)."""
    return Path(get("VAR_DIR", "var")).resolve()
