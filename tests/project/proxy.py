"""A TCP proxy that a test can cut and reconnect: a service outage without stopping it."""

import contextlib
import socket
import threading


class TcpProxy:
    """Forwards a local port to PostgreSQL until stopped; stopping drops every connection."""

    def __init__(self, target):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets = []
        self.running = False

    def start(self):
        if not self.running:
            if self.listener.fileno() == -1:
                self.listener = socket.create_server(("127.0.0.1", self.port))
            self.running = True
            threading.Thread(target=self._accept, daemon=True).start()

    def stop(self):
        self.running = False
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.sockets.clear()

    def _accept(self):
        listener = self.listener
        while self.running:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
