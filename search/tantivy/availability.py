"""Whether the index can answer searches, and rebuilding it when it cannot.

The index is derived from the database. A complete rebuild (`update_index`, the rebuild after
`restore`, or the one started here) leaves a marker file in the index directory; without it,
or when the index cannot be opened or searched, the index is missing or damaged. The first
search that finds it so starts one rebuild in a background thread (one per process; the
writer lock keeps other processes from writing at the same time) and raises
`SearchUnavailable`, which the search pages answer with a Dutch "zoeken is zo weer
beschikbaar" page (503 with Retry-After) until the rebuild is done.
"""

import logging
import shutil
import threading
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from . import index as index_module

logger = logging.getLogger(__name__)

BUILT_FILE = "hvdj-built"
# Seconds a visitor is asked to wait before trying again.
RETRY_AFTER = 30


class SearchUnavailable(Exception):
    """The index is missing or damaged; a rebuild has been started."""


def is_built(path):
    """Whether a complete build finished in `path` (the marker of `mark_built`)."""
    path = Path(path)
    return (path / BUILT_FILE).exists() and (path / "meta.json").exists()


def mark_built(path):
    """Called when a complete build has been committed to `path`."""
    (Path(path) / BUILT_FILE).write_text(timezone.now().isoformat())


def check(path):
    """Raise ValueError when the index at `path` is missing or cannot be searched."""
    if not is_built(path):
        raise ValueError(f"The search index in {path} has not been built")
    index_module.open_index(path).searcher()


def ensure_available(alias, path):
    """Return when the index of the backend `alias` can answer; otherwise start its rebuild
    (when none is running in this process) and raise SearchUnavailable."""
    try:
        check(path)
        return
    except Exception as error:  # noqa: BLE001 (any failure: rebuild)
        logger.warning("Search index %s unavailable (%s); rebuilding", path, error)
    start_rebuild(alias, path)
    raise SearchUnavailable(str(path))


_rebuilds = {}
_rebuilds_lock = threading.Lock()


def start_rebuild(alias, path):
    """Rebuild the index of backend `alias` in a background thread, unless this process is
    already rebuilding it. Returns the thread."""
    key = str(Path(path).resolve())
    with _rebuilds_lock:
        running = _rebuilds.get(key)
        if running is not None and running.is_alive():
            return running
        thread = threading.Thread(
            target=rebuild, args=(alias, path), name=f"search-rebuild-{alias}", daemon=True
        )
        _rebuilds[key] = thread
        thread.start()
        return thread


def rebuild(alias, path):
    """Wipe a damaged index and run `update_index` for the backend `alias`."""
    try:
        if _damaged(path):
            index_module.forget(path)
            shutil.rmtree(path, ignore_errors=True)
        call_command("update_index", backend_name=alias, stdout=_Quiet(), stderr=_Quiet())
    except index_module.IndexBusy:
        logger.info("Search index %s is being written by another process", path)
    except Exception:
        logger.exception("Rebuilding the search index %s failed", path)
    finally:
        connections.close_all()


def embedded_aliases():
    """The WAGTAILSEARCH_BACKENDS entries that are an embedded index."""
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", {})
    return [
        alias
        for alias, options in backends.items()
        if options.get("BACKEND") == "search.tantivy.backend"
    ]


def rebuild_all(stdout=None):
    """Rebuild every embedded index from the database (after `restore`, say)."""
    for alias in embedded_aliases():
        call_command("update_index", backend_name=alias, stdout=stdout or _Quiet())


def _damaged(path):
    try:
        index_module.open_index(path).searcher()
    except Exception:  # noqa: BLE001 (cannot be opened or searched: damaged)
        return True
    return False


class _Quiet:
    """A stdout for update_index in a background thread: its progress goes nowhere."""

    def write(self, text):
        pass

    def flush(self):
        pass
