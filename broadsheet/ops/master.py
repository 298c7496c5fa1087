"""The process ``broadsheet serve`` becomes: gunicorn's master, without Django.

``broadsheet serve`` reads its options with the site's settings loaded, closes what it opened
and execs ``python -m broadsheet.ops.master '<options as JSON>'``. The PID stays the same
(systemd's main process, the pidfile), but nothing of Django or the site is imported here, so
every worker this master forks imports the code as it is on disk (``broadsheet.ops.arbiter``).
"""

import json
import sys

from broadsheet.ops.server import run_master


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    run_master(**json.loads(args[0]))


if __name__ == "__main__":
    main()
