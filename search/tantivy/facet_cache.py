"""Facet counts kept per query while the index stays the same.

Counting every facet under a common word means aggregating over half the index: about 100 ms
at a million stories, most of a search's time, for the same counts on every visit and every
further page of the same query. The counts of a query (its words, synonyms, filters and
facets) are kept in the process, at most CACHE_SIZE of them, until the index changes: every
commit rewrites the index's meta.json, and a search that finds another version of that file
reloads its searcher and starts with an empty cache, so a kept count is never from an older
index than the page of hits beside it. A small LRU dictionary of our own: Django's cache would
pickle the counts to Redis and back, which costs more than it saves for an in-process value
that is worth nothing to the other workers once the index changes.
"""

import hashlib
import threading
from collections import OrderedDict
from pathlib import Path

CACHE_SIZE = 256
META_FILE = "meta.json"


class FacetCache:
    """The kept counts of one index directory."""

    def __init__(self, path):
        self.meta = Path(path) / META_FILE
        self.version = None
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def current_version(self):
        """meta.json as it is now (a few KB; every commit writes a new opstamp into it)."""
        try:
            return hashlib.blake2b(self.meta.read_bytes(), digest_size=16).digest()
        except FileNotFoundError:
            return None

    def refresh(self, index):
        """Before a search: when the index changed, reload its searcher and forget the counts.
        Returns the version the search runs on."""
        version = self.current_version()
        with self.lock:
            if version != self.version:
                index.reload()
                self.entries.clear()
                self.version = version
        return version

    def counts(self, version, key, count):
        """The kept counts of `key`, else `count()`, kept when the index is still `version`."""
        with self.lock:
            if version == self.version and key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        counted = count()
        with self.lock:
            if version == self.version:
                self.entries[key] = counted
                while len(self.entries) > CACHE_SIZE:
                    self.entries.popitem(last=False)
        return counted


_caches = {}
_caches_lock = threading.Lock()


def for_path(path):
    """The one FacetCache of the index directory `path` in this process."""
    key = str(Path(path).resolve())
    with _caches_lock:
        if key not in _caches:
            _caches[key] = FacetCache(key)
        return _caches[key]
