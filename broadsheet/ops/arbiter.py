"""gunicorn's master, with a drain before stopping and a reload that never leaves a gap.

Stopping (SIGTERM, what ``systemctl stop`` sends with ``KillMode=mixed``): the master raises the
draining flag (``broadsheet.ops.draining``), so every worker's ``/readyz`` answers 503, and keeps
serving for ``drain_seconds``, long enough for the load balancer's probe to take the server out
of rotation. Then it stops as gunicorn always does: the listening socket is closed and each
worker finishes its request in flight. A second SIGTERM ends the wait at once; SIGINT and
SIGQUIT stop at once, as in plain gunicorn. When every worker has left during the drain (the
whole process group was signalled, as systemd's default ``KillMode=control-group`` does), there
is nothing left to drain and the master stops too.

Reloading (SIGHUP, ``systemctl reload``): the master replaces its workers one at a time. Each
new worker imports the site afresh (``preload_app`` is off and the master never imports
Django), so it runs the code now on disk; an old worker is told to finish and leave only once
a new one has loaded the site and said so, so the socket always has ``workers`` processes
that answer at once, and only one core at a time is busy importing. A new worker that cannot
load the site (a broken release) abandons the reload: it is logged and the old workers keep
serving, where plain gunicorn would stop the whole server.

Readiness is reported through a pipe the master opens before forking: each worker writes its
PID once it has loaded and warmed the application (gunicorn's ``post_worker_init`` hook).
"""

import os
import signal
import struct
import time

from gunicorn.arbiter import Arbiter
from gunicorn.errors import HaltServer

from broadsheet.ops import draining

_PID = struct.Struct("=i")  # one PID per write: shorter than PIPE_BUF, so writes never interleave
_ready_pipe: tuple[int, int] | None = None


def report_ready(worker) -> None:
    """gunicorn's ``post_worker_init`` hook: tell the master this worker can serve."""
    if _ready_pipe is not None:
        os.write(_ready_pipe[1], _PID.pack(worker.pid))


class ServingArbiter(Arbiter):
    """The master of ``broadsheet serve``; ``drain_seconds`` is set by ``BroadsheetServer``."""

    drain_seconds: float = 0.0

    def start(self) -> None:
        global _ready_pipe
        draining.share()
        if _ready_pipe is None:
            _ready_pipe = os.pipe()
            os.set_blocking(_ready_pipe[0], False)
        self.drain_until: float | None = None
        self.ready: set[int] = set()  # loaded the site and said so
        self.replacing: set[int] = set()  # to be replaced, after a reload
        self.retiring: set[int] = set()  # told to finish and leave
        super().start()

    # Stopping -------------------------------------------------------------------------------

    def handle_term(self) -> None:
        if self.drain_until is not None or self.drain_seconds <= 0:
            raise StopIteration  # a second SIGTERM: stop now, finishing requests in flight
        draining.begin()
        self.drain_until = time.monotonic() + self.drain_seconds
        self.log.info(
            "Draining: /readyz answers 503; serving %.0f s more, then stopping", self.drain_seconds
        )

    def wait_for_signals(self, timeout: float = 1.0) -> list[int]:
        if self.drain_until is not None:
            remaining = self.drain_until - time.monotonic()
            if remaining <= 0:
                raise StopIteration  # the main loop stops the workers gracefully
            timeout = min(timeout, remaining)
        return super().wait_for_signals(timeout)

    # Reloading ------------------------------------------------------------------------------

    def handle_hup(self) -> None:
        if self.drain_until is not None:
            self.log.info("Reload ignored: the server is draining")
            return
        self.log.info(
            "Reloading: replacing %s workers with ones on the code on disk", self.num_workers
        )
        self.log.reopen_files()
        self.replacing = set(self._serving())

    # Workers --------------------------------------------------------------------------------

    def manage_workers(self) -> None:
        """Keep ``num_workers`` serving; during a reload, replace them one at a time."""
        self._read_ready()
        if self.drain_until is not None:
            if not self._serving():
                raise StopIteration  # every worker left: nothing to drain
            return  # no replacements while stopping
        for _ in range(self.num_workers - len(self._serving())):
            self.spawn_worker()  # a worker died (or SIGTTIN): replace it at once
        serving = self._serving()
        if self.replacing & serving.keys() and serving.keys() <= self.ready:
            # One new worker at a time: importing the site takes a core for seconds, and the
            # other workers need the rest to keep answering quickly.
            if len(serving) <= self.num_workers:
                self.spawn_worker()
                serving = self._serving()
        ready = self.ready & serving.keys()
        # Workers being replaced go first, then the oldest (SIGTTOU), never below num_workers
        # workers that have loaded the site.
        for pid in sorted(serving, key=lambda pid: (pid not in self.replacing, serving[pid].age)):
            if len(serving) <= self.num_workers or len(ready - {pid}) < self.num_workers:
                break
            self.retiring.add(pid)
            ready.discard(pid)
            del serving[pid]
            self.kill_worker(pid, signal.SIGTERM)

    def reap_workers(self) -> None:
        known = dict(self.WORKERS)
        try:
            super().reap_workers()
        except HaltServer as halt:
            for pid, worker in known.items():
                if pid not in self.WORKERS:
                    worker.tmp.close()  # gunicorn raises before closing the failed one's
            if halt.exit_status not in (self.WORKER_BOOT_ERROR, self.APP_LOAD_ERROR):
                raise
            if not self.ready & self._serving().keys():
                raise  # nobody left who loaded the site: stop, as gunicorn does
            self.log.error(
                "A new worker could not load the site (%s); the reload is abandoned and the "
                "running workers keep serving the code they loaded. Fix the release and reload "
                "again.",
                halt.reason,
            )
            self.replacing.clear()
            self.reap_workers()
        self.ready &= self.WORKERS.keys()
        self.retiring &= self.WORKERS.keys()
        self.replacing &= self.WORKERS.keys()

    def _serving(self) -> dict:
        return {pid: w for pid, w in self.WORKERS.items() if pid not in self.retiring}

    def _read_ready(self) -> None:
        if _ready_pipe is None:
            return
        while True:
            try:
                data = os.read(_ready_pipe[0], 64 * _PID.size)
            except BlockingIOError:
                return
            if not data:
                return
            # Reads of whole records return whole records: every write is one record.
            for (pid,) in _PID.iter_unpack(data):
                if pid in self.WORKERS:
                    self.ready.add(pid)
