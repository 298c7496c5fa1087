"""Laptop and demo settings: SQLite under var/, debug on, a fixed development secret key."""

from broadsheet.settings import env
from broadsheet.settings.base import *  # noqa: F403

DEBUG = env.get_bool("DEBUG", True)
SECRET_KEY = env.get("SECRET_KEY", "broadsheet-development-key-not-for-production")  # noqa: S105

# The SQLite file and media live here; create it so a fresh checkout just works.
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
