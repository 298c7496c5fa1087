"""Ports for the servers the tests start on 127.0.0.1, safe to reserve long before binding.

A port from ``bind(0)`` comes from the kernel's ephemeral range, which the kernel goes on
handing out to every outgoing connection and every other ``bind(0)``: a stack that names its
Varnish port, then spends a minute loading a newsroom before starting varnishd, can find the
port taken by then ("Could not get socket: Address already in use"). These ports come from
below that range, where the kernel never allocates by itself, from a block of their own for each
pytest-xdist worker, and are never handed out twice by one process.
"""

import itertools
import os
import socket

_LOW, _HIGH = 10_000, 32_000  # below Linux's default ephemeral range (32768-60999)
_BLOCK = 2_000  # ports for each xdist worker (gw0 gets 10000-11999, gw1 12000-13999, ...)


def _block() -> list[int]:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    blocks = (_HIGH - _LOW) // _BLOCK
    start = _LOW + (int(worker) if worker.isdigit() else 0) % blocks * _BLOCK
    # Processes of one worker (a test and a script it starts) begin at different places in it.
    offset = os.getpid() % _BLOCK
    return [start + (offset + i) % _BLOCK for i in range(_BLOCK)]


_candidates = itertools.cycle(_block())


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now and no other test will be given."""
    for _ in range(_BLOCK):
        port = next(_candidates)
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise OSError("no free port left in this worker's block")
