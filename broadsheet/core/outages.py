"""A service as this process last found it, answering or down since when, logged once per outage.

The database (``core/database.py``) and Redis (``caching/resilient.py``) each keep one
:class:`Outage` per server: the first failure logs a warning saying what readers get
meanwhile, the first success after it logs how long it lasted, and the failures and probes in
between log nothing.
"""

import logging
import threading
import time


class Outage:
    """``name`` (without credentials: it goes into the logs) and what its outages say."""

    def __init__(self, name: str, *, logger: logging.Logger, down: str, back: str) -> None:
        self.name = name
        self.logger = logger
        self.down = down  # "%(name)s … %(error)s"
        self.back = back  # "%(name)s … %(seconds).0f"
        self.down_since: float | None = None
        self.lock = threading.Lock()

    def label(self) -> str:
        """The name the log gives; subclasses may work it out only when it is needed."""
        return self.name

    def failed(self, reason: str) -> float:
        """Note a failure (``reason`` for the log); returns the time it was noted."""
        now = time.monotonic()
        with self.lock:
            first = self.down_since is None
            if first:
                self.down_since = now
        if first:
            self.logger.warning(self.down, {"name": self.label(), "error": reason})
        return now

    def answered(self) -> None:
        if self.down_since is None:  # the usual case: no lock taken
            return
        with self.lock:
            since, self.down_since = self.down_since, None
        if since is not None:
            seconds = time.monotonic() - since
            self.logger.warning(self.back, {"name": self.label(), "seconds": seconds})
