"""The tantivy index on disk: its schema, opening it once per process, and its writer.

Owns the field list (`TEXT_FIELDS`, `FAST_FIELDS`), the directory (the backend's PATH option,
else the setting `HVDJ_SEARCH_INDEX_DIR`, else BASE_DIR / "search-index"), and the rule that one
process at a time writes: `writer()` takes tantivy's lock for one batch and `IndexBusy` says
another process holds it. An index built with another schema version is wiped and recreated
(the database is the source of truth; `update_index` fills it again).
"""

import contextlib
import os
import shutil
import threading
from pathlib import Path

import tantivy
from django.conf import settings

from .analysis import ANALYZER, WORDS_ANALYZER, analyzer, words_analyzer

# Raise when the fields or the analysis change: an older index is then rebuilt, not misread.
SCHEMA_VERSION = "3"
VERSION_FILE = "hvdj-schema-version"

# Full-text fields, each through the Dutch analyzer, with the BM25 boost of a match in it.
TEXT_FIELDS = {
    "title": 5.0,
    "summary": 2.0,
    "body": 1.0,
    "transcript": 1.0,
    "replies": 0.7,
    "taxonomy": 1.5,
}
# Integer fast fields (indexed for filters, fast for facets and sorting). The taxonomy ones hold
# one value per term (the term's pk); `type` is the page's content type pk; `date` the first
# publication in microseconds since 1970; `live` and `public` are 1 or 0.
# The words of title, summary, body and taxonomy as written, for typo suggestions.
WORDS_FIELD = "words"
# The same words written backwards ("schoolverzuim" as "miuzrevloohcs"): the end of a compound
# is a prefix there, found without reading the whole vocabulary (query.inside_compounds).
REVERSED_FIELD = "reversed"
FACET_FIELDS = ("type", "themes", "change_tasks", "regions", "audiences")
FAST_FIELDS = ("id", *FACET_FIELDS, "date", "live", "public")
WRITER_HEAP = 32_000_000
REBUILD_HEAP = 256_000_000


class IndexBusy(Exception):
    """Another process (or thread) holds the writer lock of the index."""


def build_schema():
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name=ANALYZER)
    builder.add_text_field(WORDS_FIELD, tokenizer_name=WORDS_ANALYZER, index_option="freq")
    builder.add_text_field(REVERSED_FIELD, tokenizer_name=WORDS_ANALYZER, index_option="basic")
    for name in FAST_FIELDS[1:]:
        builder.add_integer_field(name, indexed=True, fast=True)
    return builder.build()


def default_path():
    return Path(
        getattr(settings, "HVDJ_SEARCH_INDEX_DIR", None)
        or Path(settings.BASE_DIR) / "search-index"
    )


_open = {}
_open_lock = threading.Lock()


def open_index(path):
    """The index in directory `path`, created when missing, opened once per process."""
    path = str(Path(path).resolve())
    with _open_lock:
        if path not in _open:
            _open[path] = _create_or_open(Path(path))
        return _open[path]


def forget(path):
    """Close this process's handle on the index at `path` (after its directory was wiped)."""
    with _open_lock:
        _open.pop(str(Path(path).resolve()), None)


def _create_or_open(path):
    """Open the index at `path`; wipe it first when it was written with another schema.

    Every gunicorn worker opens the index when it first searches, often at the same moment.
    The version file is written only where it is missing or old, before the index's own
    files, and by an atomic rename: rewritten on every open, a worker could read it empty
    while another was writing it, and wipe a good index (seen once in a load test: every
    search answered 503 until the rebuild was done)."""
    version = path / VERSION_FILE
    found = version.read_text().strip() if version.exists() else None
    if found != SCHEMA_VERSION and (path / "meta.json").exists():
        shutil.rmtree(path)
        found = None
    path.mkdir(parents=True, exist_ok=True)
    if found != SCHEMA_VERSION:
        written = path / f"{VERSION_FILE}.{os.getpid()}"
        written.write_text(SCHEMA_VERSION)
        written.replace(version)
    index = tantivy.Index(build_schema(), path=str(path), reuse=True)
    index.register_tokenizer(ANALYZER, analyzer())
    index.register_tokenizer(WORDS_ANALYZER, words_analyzer())
    return index


@contextlib.contextmanager
def writer(index, *, heap_size=WRITER_HEAP):
    """The index's writer for one batch, committed on success and released at the end.
    A rebuild asks for more memory. One indexing thread always: in a rebuild this process
    makes the documents on one core and, on PostgreSQL, the admin's index is built beside it
    on the other; a second indexing thread only took CPU from both (update_index at 100,000
    pages: 19.2-20.0 s, against 20.4-21.9 s with two).

    Raises IndexBusy when another writer holds the lock. Whoever writes through this looks at
    the queue of changes after letting go of the lock (changes.apply), so a change whose
    process found the lock taken is not lost."""
    try:
        handle = index.writer(heap_size=heap_size, num_threads=1)
    except ValueError as error:
        if "LockBusy" in str(error):
            raise IndexBusy(str(error)) from error
        raise
    try:
        yield handle
        handle.commit()
    except BaseException:
        handle.rollback()
        raise
    finally:
        # Consumes the writer: waits for its merges and lets go of the lock.
        handle.wait_merging_threads()
    index.reload()
