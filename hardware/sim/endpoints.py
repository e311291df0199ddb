"""The device side of a simulated serial line: a pseudo-terminal master or a TCP server.

A pty gives a real device path that pyserial opens like a COM port; the simulator keeps the
slave open too, so the path stays valid while clients come and go. A TCP server answers
``socket://127.0.0.1:PORT`` on any OS, one client at a time, like a serial device server.
Writes with no client listening are lost, as on a real line.
"""

from __future__ import annotations

import os
import select
import socket
import sys
import threading


class Endpoint:
    """Device side of a line: ``path`` for the client, ``read``/``write`` for the device."""

    path: str = ""

    @property
    def has_client(self) -> bool:
        """Whether someone listens (a pty cannot tell: always true)."""
        return True

    def read(self, timeout: float) -> bytes:
        raise NotImplementedError

    def write(self, data: bytes) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PtyEndpoint(Endpoint):
    """A raw pseudo-terminal pair (POSIX only): the client opens ``path``."""

    def __init__(self) -> None:
        if sys.platform == "win32":
            raise OSError("pseudo-terminals need a POSIX system; use a TCP port instead")
        import tty

        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        os.set_blocking(self.master, False)
        self.path = os.ttyname(self.slave)
        self._closed = False
        self._lock = threading.Lock()

    def read(self, timeout: float) -> bytes:
        if self._closed:
            return b""
        try:
            ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
            if ready:
                return os.read(self.master, 65536)
        except (OSError, ValueError):
            pass
        return b""

    def write(self, data: bytes) -> None:
        with self._lock:
            view = memoryview(data)
            while view and not self._closed:
                try:
                    sent = os.write(self.master, view)
                    view = view[sent:]
                except BlockingIOError:
                    # Nobody reads the line: wait a little, then drop the rest.
                    _, ready, _ = select.select([], [self.master], [], 0.2)
                    if not ready:
                        return
                except OSError:
                    return

    def close(self) -> None:
        """Close both ends: a client reading the slave now gets an error, like an unplug."""
        if self._closed:
            return
        self._closed = True
        for fd in (self.master, self.slave):
            try:
                os.close(fd)
            except OSError:
                pass


class TcpEndpoint(Endpoint):
    """A TCP server on ``host:port`` (0 = any free port) serving one client at a time."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind((host, port))
        self._server.listen(1)
        self.host = host
        self.port = self._server.getsockname()[1]
        self.path = f"socket://{host}:{self.port}"
        self._client: socket.socket | None = None
        self._lock = threading.Lock()
        self._closed = False
        self.connected = threading.Event()

    def read(self, timeout: float) -> bytes:
        if self._closed:
            return b""
        client = self._client
        try:
            if client is None:
                ready, _, _ = select.select([self._server], [], [], max(0.0, timeout))
                if ready:
                    client, _ = self._server.accept()
                    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    self._client = client
                    self.connected.set()
                return b""
            ready, _, _ = select.select([client], [], [], max(0.0, timeout))
            if not ready:
                return b""
            data = client.recv(65536)
            if not data:
                self._drop(client)
            return data
        except (OSError, ValueError):
            if client is not None:
                self._drop(client)
            return b""

    @property
    def has_client(self) -> bool:
        return self._client is not None

    def _drop(self, client: socket.socket) -> None:
        with self._lock:
            if self._client is client:
                self._client = None
                self.connected.clear()
        try:
            client.close()
        except OSError:
            pass

    def write(self, data: bytes) -> None:
        client = self._client
        if client is None:
            return
        try:
            with self._lock:
                client.sendall(data)
        except OSError:
            self._drop(client)

    def disconnect_client(self) -> None:
        """Hang up on the current client (the listener stays)."""
        client = self._client
        if client is not None:
            try:
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._drop(client)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.disconnect_client()
        try:
            self._server.close()
        except OSError:
            pass


def open_endpoint(tcp_port: int | None = None) -> Endpoint:
    """A TCP endpoint when ``tcp_port`` is given (0 = any free port), else a pty."""
    if tcp_port is not None:
        return TcpEndpoint(tcp_port)
    return PtyEndpoint()
