"""Wagtail's update_index, with a bulk rebuild for the backends that have one.

Wagtail's command loads every indexed model's objects as instances, with prefetches, a chunk
at a time, and hands them to the backend; for the tantivy index that reading is most of the
time (see search/tantivy/bulk.py). A backend whose rebuilder has `rebuild()` reads the
database itself instead; the others are rebuilt as Wagtail does. This app comes before
wagtail.search in INSTALLED_APPS, so `manage.py update_index` is this command.

On PostgreSQL the backends with a bulk rebuild run side by side, each in a thread with a
connection of its own: the admin's index is mostly the database server's work (to_tsvector
and its GIN indexes), the embedded index mostly this process's (documents made in Python), so
on two cores both take about as long as the longer one alone. On SQLite, whose work is done in
this process, and inside a transaction, whose writes another connection would not see, they
run one after the other.
"""

import threading
import time

from django.db import connection, connections
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.management.commands.rebuild_modelsearch_index import (
    Command as WagtailCommand,
)


class Command(WagtailCommand):
    def handle(self, **options):
        self.verbosity = options["verbosity"]
        names = (
            [options["backend_name"]]
            if options["backend_name"]
            else list(get_app_config().get_search_backend_config())
        )
        together = [] if options["schema_only"] else [name for name in names if has_bulk(name)]
        if len(together) < 2 or not side_by_side():
            super().handle(**options)
            return
        for name in names:
            if name not in together:
                self.update_backend(name, schema_only=False, chunk_size=options.get("chunk_size"))
        self.rebuild_side_by_side(together)

    def update_backend(self, backend_name, schema_only=False, **options):
        if schema_only or not has_bulk(backend_name):
            return super().update_backend(backend_name, schema_only=schema_only, **options)
        self.write(f"Updating backend: {backend_name}")
        output = Output(self, [backend_name])
        output.done(backend_name, *rebuild(backend_name, output.progress))

    def rebuild_side_by_side(self, names):
        """Rebuild the backends `names` at once: all but the last in threads of their own, the
        last in this one (so that Ctrl-C stops it cleanly; a thread's transaction ends with
        its connection)."""
        self.write(f"Updating backends side by side: {', '.join(names)}")
        output = Output(self, names)
        started = time.monotonic()
        threads = [Rebuild(name, output) for name in names[:-1]]
        for thread in threads:
            thread.start()
        try:
            output.done(names[-1], *rebuild(names[-1], output.progress))
        except Exception:
            for thread in threads:
                thread.join()
            raise
        for thread in threads:
            thread.join()
        for thread in threads:
            if thread.error is not None:
                raise thread.error
        output.total(time.monotonic() - started)


def has_bulk(name):
    return getattr(get_search_backend(name).rebuilder_class, "rebuild", None) is not None


def side_by_side():
    return connection.vendor == "postgresql" and not connection.in_atomic_block


def rebuild(name, progress):
    """Rebuild the backend `name` with its rebuilder's `rebuild()`. Returns the number of
    pages indexed and the seconds it took."""
    started = time.monotonic()
    backend = get_search_backend(name)
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(None))
    count = rebuilder.rebuild(progress=lambda count: progress(name, count))
    return count, time.monotonic() - started


class Rebuild(threading.Thread):
    """A backend's rebuild in a thread, with a database connection of its own."""

    def __init__(self, name, output):
        # A daemon: when the command is stopped, its connection closes and its work is undone.
        super().__init__(name=f"update-index-{name}", daemon=True)
        self.backend_name = name
        self.output = output
        self.error = None

    def run(self):
        try:
            self.output.done(self.backend_name, *rebuild(self.backend_name, self.output.progress))
        except Exception as error:  # noqa: BLE001 (raised again by the command's thread)
            self.error = error
        finally:
            connections.close_all()


class Output:
    """The command's progress line (the pages indexed so far, per backend) and a line per
    backend when it is done, written from any thread."""

    def __init__(self, command, names):
        self.command = command
        self.counts = dict.fromkeys(names, 0)
        self.running = list(names)
        self.lock = threading.Lock()
        self.width = 0

    def progress(self, name, count):
        with self.lock:
            self.counts[name] = count
            self.show_progress()

    def done(self, name, count, seconds):
        with self.lock:
            self.counts[name] = count
            self.show_progress()
            self.running.remove(name)
            self.command.print_newline()
            self.command.write(
                f"{name}: indexed {count} pages in {seconds:.1f} s "
                f"({count / max(seconds, 0.001):.0f} pages/s)"
            )
            self.width = 0
            if self.running:
                self.show_progress()

    def total(self, seconds):
        """The last line: the largest count (every backend indexes the stories) over the time
        of all."""
        count = max(self.counts.values())
        self.command.write(
            f"{' + '.join(self.counts)}: indexed {count} pages in {seconds:.1f} s "
            f"({count / max(seconds, 0.001):.0f} pages/s)"
        )

    def show_progress(self):
        if self.command.verbosity < 1:
            return
        if len(self.counts) == 1:
            [count] = self.counts.values()
            line = f"  {count} pages"
        else:
            line = "  " + ", ".join(f"{name} {self.counts[name]}" for name in self.running)
            line += " pages"
        self.command.stdout.write(line.ljust(self.width), ending="\r")
        self.command.stdout.flush()
        self.width = len(line)
