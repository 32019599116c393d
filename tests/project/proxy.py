"""A TCP proxy that a test can cut, silence and reconnect: a service outage without stopping
the service."""

import contextlib
import socket
import threading


class TcpProxy:
    """Forwards a local port to a server until stopped; stopping drops every connection.
    Silenced, it accepts connections and never answers, as a server that hangs."""

    def __init__(self, target):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets = []
        self.running = False
        self.silent = False
        self.accepted = 0  # connections accepted since the start, to count attempts

    def start(self):
        self.silent = False
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
        self._drop_connections()

    def silence(self):
        """Drop the open connections; new ones are accepted and get no answer until start()."""
        self.start()
        self.silent = True
        self._drop_connections()

    def _drop_connections(self):
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
            self.accepted += 1
            if self.silent:
                self.sockets.append(client)
                continue
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
