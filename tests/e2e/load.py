"""A small, bounded reader load through Varnish: comment posts and page reads from a few threads.

Used by tests/e2e/test_rolling.py (which asserts on the answers) and bench/restart.py (which
prints their latencies). Each thread posts a comment, then reads each page, and again, until
the load is stopped or ``limit`` requests have been sent: it always ends by itself.
"""

import threading
import time
import uuid
from dataclasses import dataclass, field

from tests.e2e.stack import Stack, request


@dataclass(frozen=True)
class Answer:
    kind: str  # "post" or "get"
    status: int  # 0: no answer at all (refused, reset, timed out)
    started: float  # time.monotonic() when the request was sent
    seconds: float
    sent: str = ""  # the comment's text for posts, the page's path for reads

    @property
    def failed(self) -> bool:
        wanted = 201 if self.kind == "post" else 200
        return self.status != wanted


@dataclass
class Load:
    stack: Stack
    article_id: int
    token: str  # from Stack.form_token(article_id)
    pages: list[str]
    threads: int = 3
    limit: int = 4000
    pause: float = 0.02  # seconds between one thread's requests
    answers: list[Answer] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _workers: list[threading.Thread] = field(default_factory=list)

    def __enter__(self) -> "Load":
        for number in range(self.threads):
            worker = threading.Thread(target=self._run, args=(number,), daemon=True)
            worker.start()
            self._workers.append(worker)
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        for worker in self._workers:
            worker.join(timeout=120)

    @property
    def exhausted(self) -> bool:
        """True once ``limit`` requests were sent (the load stopped before it was told to)."""
        return len(self.answers) >= self.limit

    def between(self, start: float, end: float) -> list[Answer]:
        return [answer for answer in self.answers if start <= answer.started <= end]

    def failures(self) -> list[Answer]:
        return [answer for answer in self.answers if answer.failed]

    def accepted_texts(self) -> list[str]:
        return [a.sent for a in self.answers if a.kind == "post" and not a.failed]

    def _run(self, number: int) -> None:
        sent = 0
        while not self._stop.is_set() and not self.exhausted:
            if sent % (len(self.pages) + 1) == 0:
                text = f"Reader {number} on the ferry, note {sent}: {uuid.uuid4().hex}"
                self._send("post", text)
            else:
                self._send("get", self.pages[sent % (len(self.pages) + 1) - 1])
            sent += 1
            time.sleep(self.pause)

    def _send(self, kind: str, what: str) -> None:
        started = time.monotonic()
        try:
            if kind == "post":
                status = self.stack.post_comment(self.article_id, self.token, what).status
            else:
                status = request(self.stack.varnish + what, timeout=30).status
        except OSError:
            status = 0
        answer = Answer(kind, status, started, time.monotonic() - started, what)
        with self._lock:
            self.answers.append(answer)
