"""A TCP port in front of a real service that a test can cut, stall and restore.

Simulates what a client of PostgreSQL (or Redis) sees when the server restarts or the network
fails, without touching the shared server: :meth:`TcpProxy.cut` closes every forwarded
connection and refuses new ones (a restarting server); :meth:`TcpProxy.stall` accepts
connections and never answers (a host gone silent); :meth:`TcpProxy.restore` forwards again
on the same port.
"""

import select
import socket
import threading

from tests.ports import free_port

POSTGRES = ("127.0.0.1", 5432)


class TcpProxy:
    """``127.0.0.1:port`` forwarding to ``upstream``; forwarding from :meth:`restore` on."""

    def __init__(self, upstream: tuple[str, int] = POSTGRES) -> None:
        self.upstream = upstream
        self.port = free_port()
        self.mode = "cut"
        self._listener: socket.socket | None = None
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def restore(self) -> "TcpProxy":
        """Accept and forward connections."""
        self._listen("forward")
        return self

    def stall(self) -> None:
        """Close forwarded connections; accept new ones but never answer them."""
        self._close_connections()
        self._listen("stall")

    def cut(self) -> None:
        """Close every connection and the port itself: connecting is refused."""
        with self._lock:
            self.mode = "cut"
            listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        self._close_connections()

    close = cut

    def _listen(self, mode: str) -> None:
        with self._lock:
            self.mode = mode
            if self._listener is not None:
                return
            listener = socket.socket()
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("127.0.0.1", self.port))
            listener.listen(64)
            listener.settimeout(0.1)
            self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while self._listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:  # closed by cut()
                return
            client.settimeout(None)
            self._track(client)
            if self.mode == "forward":
                threading.Thread(target=self._forward, args=(client,), daemon=True).start()

    def _forward(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self.upstream)
        except OSError:
            self._discard(client)
            return
        self._track(upstream)
        ends = {client: upstream, upstream: client}
        try:
            while True:
                for end in select.select(list(ends), [], [], 0.5)[0]:
                    data = end.recv(65536)
                    if not data:
                        return
                    ends[end].sendall(data)
        except (OSError, ValueError):  # a socket closed by cut()
            return
        finally:
            self._discard(client)
            self._discard(upstream)

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.add(sock)

    def _discard(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.discard(sock)
        _shut(sock)

    def _close_connections(self) -> None:
        with self._lock:
            sockets, self._open = self._open, set()
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
