"""Wagtail's update_index, with a bulk rebuild for the backends that have one.

Wagtail's command loads every indexed model's objects as instances, with prefetches, a chunk
at a time, and hands them to the backend; for the tantivy index that reading is most of the
time (see search/tantivy/bulk.py). A backend whose rebuilder has `rebuild()` reads the
database itself instead; the others are rebuilt as Wagtail does. This app comes before
wagtail.search in INSTALLED_APPS, so `manage.py update_index` is this command.
"""

import time

from modelsearch.backends import get_search_backend
from modelsearch.management.commands.rebuild_modelsearch_index import (
    Command as WagtailCommand,
)


class Command(WagtailCommand):
    def update_backend(self, backend_name, schema_only=False, **options):
        backend = get_search_backend(backend_name)
        rebuild = getattr(backend.rebuilder_class, "rebuild", None)
        if rebuild is None or schema_only:
            return super().update_backend(backend_name, schema_only=schema_only, **options)
        self.write(f"Updating backend: {backend_name}")
        started = time.monotonic()
        rebuilder = backend.rebuilder_class(backend.get_index_for_model(None))
        count = rebuilder.rebuild(progress=self.progress)
        seconds = time.monotonic() - started
        self.print_newline()
        self.write(
            f"{backend_name}: indexed {count} pages in {seconds:.1f} s "
            f"({count / max(seconds, 0.001):.0f} pages/s)"
        )

    def progress(self, count):
        if self.verbosity > 0:
            self.stdout.write(f"  {count} pages", ending="\r")
            self.stdout.flush()
