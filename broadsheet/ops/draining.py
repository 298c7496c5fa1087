"""Whether this app server is draining: told to stop, still serving until the balancer looks away.

The gunicorn master (``broadsheet.ops.arbiter``) raises the flag when it is told to stop;
``/readyz`` in every worker reads it and answers 503, so the load balancer's probe takes the
server out of rotation while its workers keep answering the requests already on their way.

The flag is one byte of memory the master maps shared before it forks any worker: every
worker, including one started during the drain, reads the master's byte, and nothing outlives
the processes. The alternatives were worse. A file in the var directory can be left behind by
a killed master and then marks its successor as draining, and several app servers on one host
share that directory; a signal forwarded to the workers needs a handler installed before the
signal can arrive (gunicorn resets handlers while a worker boots) and has to be sent again to
every worker started later.

Outside ``broadsheet serve`` (the demo, tests, management commands) nothing maps the flag and
the server is never draining.
"""

import mmap

_flag: mmap.mmap | None = None


def share() -> None:
    """Map the flag shared with every process forked from now on (the master, at start)."""
    global _flag
    if _flag is None:
        # Anonymous memory is mapped MAP_SHARED: forked children see the parent's writes.
        _flag = mmap.mmap(-1, 1)


def begin() -> None:
    """Start draining: every worker's ``/readyz`` fails from now on."""
    share()
    _flag[0] = 1


def is_draining() -> bool:
    return _flag is not None and _flag[0] == 1
