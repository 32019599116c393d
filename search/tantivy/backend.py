"""The tantivy index as a Wagtail (modelsearch) search backend.

    WAGTAILSEARCH_BACKENDS = {"tantivy": {"BACKEND": "search.tantivy.backend", "PATH": ...}}

With such an entry Wagtail's signals keep the index current (publish, unpublish, save, delete)
and `manage.py update_index` rebuilds it. One index holds every story type; other indexed
models (images, documents, non-story pages) are not its business and are skipped.

- `TantivyIndex.add_items` and `delete_item` (Wagtail's signals) note the page's pk; after the
  transaction commits, `flush` reads those pages again and writes them with a short-lived
  writer (index.writer), one per transaction. When another process holds the writer lock the
  pks are logged and kept for this process's next write; step 2 makes that lossless.
- The rebuilder holds one writer for the whole rebuild: it deletes everything, adds the chunks
  that `update_index` hands it and commits once at the end, so searchers see the old index
  until the new one is complete.
- `backend.search(query, StoryPage.objects.live().public())` works like any backend; the results
  carry `partial_match` and `only_stop_words`. The public search calls `backend.search_stories`
  (query.search with the redactie's synonyms), which adds facets and filters on the index's fast
  fields.
"""

import functools
import logging
import threading

from django.db import transaction
from django.db.models import Case, IntegerField, Value, When
from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
)
from modelsearch.query import MATCH_ALL, And, Or, Phrase, PlainText

from search.engine import synonym_groups
from stories.models import StoryPage

from . import availability
from . import index as index_module
from . import query as query_module
from .documents import documents, is_story_model

logger = logging.getLogger(__name__)


class TantivyIndex(BaseIndex):
    """The one index of the backend, in the backend's directory."""

    def __init__(self, backend):
        super().__init__(backend)
        self.rebuild_writer = None

    def get_key(self):
        return str(self.backend.path)

    @property
    def tantivy(self):
        return index_module.open_index(self.backend.path)

    def add_model(self, model):
        pass

    def refresh(self):
        self.tantivy.reload()

    def reset(self):
        with index_module.writer(self.tantivy) as writer:
            writer.delete_all_documents()

    def add_items(self, model, items):
        if not is_story_model(model):
            return
        if self.rebuild_writer is not None:
            write(self.rebuild_writer, documents(items))
            return
        refresh_after_commit(self.backend.path, [item.pk for item in items])

    def delete_item(self, item):
        if is_story_model(type(item)):
            refresh_after_commit(self.backend.path, [item.pk])


def write(writer, docs):
    for doc in docs:
        writer.add_document(doc)


# {index path: pks whose index entry no longer matches the database}, per thread.
_pending = threading.local()


def pending():
    if not hasattr(_pending, "pks"):
        _pending.pks = {}
    return _pending.pks


def refresh_after_commit(path, pks):
    """Bring the entries of `pks` in line with the database once the transaction commits.

    A publish saves the page before its taxonomy (modelcluster writes the M2M rows after the
    page row), and a rolled-back change must not reach the index: so the pages are read again
    after the commit, and all changes of one transaction are written with one writer."""
    pending().setdefault(str(path), set()).update(pks)
    transaction.on_commit(functools.partial(flush, str(path)))


def flush(path):
    """Write the pending pks of `path`: the current page, or its removal when it is gone."""
    pks = pending().pop(path, set())
    if not pks:
        return
    try:
        pages = list(StoryPage.objects.filter(pk__in=pks).specific())
        docs = documents(pages)
        with index_module.writer(index_module.open_index(path)) as writer:
            for pk in pks:
                writer.delete_documents_by_term("id", int(pk))
            write(writer, docs)
    except index_module.IndexBusy:
        # Kept for this process's next write; step 2 makes sure another process takes them.
        pending().setdefault(path, set()).update(pks)
        logger.warning(
            "tantivy index %s is busy; %d pages wait for the next write", path, len(pks)
        )
    except Exception:
        logger.exception("tantivy index %s: could not write %d pages", path, len(pks))


class TantivyRebuilder:
    """Rebuilds the index with one writer: everything deleted, the chunks added, one commit."""

    def __init__(self, index):
        self.index = index
        self.context = None

    def start(self):
        self.context = index_module.writer(
            self.index.tantivy, heap_size=index_module.REBUILD_HEAP, threads=0
        )
        self.index.rebuild_writer = self.context.__enter__()
        self.index.rebuild_writer.delete_all_documents()
        return self.index

    def finish(self):
        self.index.rebuild_writer = None
        self.context.__exit__(None, None, None)
        self.context = None
        availability.mark_built(self.index.backend.path)


def plain_words(query):
    """The words of a modelsearch query object, for our own query semantics."""
    if query is MATCH_ALL or query is None:
        return ""
    if isinstance(query, str):
        return query
    if isinstance(query, PlainText):
        return query.query_string
    if isinstance(query, Phrase):
        return query.query_string
    if isinstance(query, (And, Or)):
        return " ".join(plain_words(sub) for sub in query.subqueries)
    raise NotImplementedError(f"The tantivy backend does not search with {query!r}")


class TantivySearchQueryCompiler(BaseSearchQueryCompiler):
    """Keeps the words; the queryset's filters apply to the page of hits in the database."""

    DEFAULT_OPERATOR = "and"

    def check(self):
        # Filters are applied by the database after the search (see TantivySearchResults).
        pass


class TantivySearchResults(BaseSearchResults):
    """The hits of query.search as objects of the queryset, in the engine's order.

    `count()` is the engine's count of every story the words find (drafts included); the
    queryset's own filters apply to the hits when they are read from the database. The public
    search uses `backend.search_stories` instead, which filters in the engine."""

    _partial_match = _only_stop_words = False

    @property
    def partial_match(self):
        """Whether the results are the "most words" fallback (see query.search)."""
        self.results()
        return self._partial_match

    @property
    def only_stop_words(self):
        """Whether the query held only stop words (and so found nothing)."""
        self.results()
        return self._only_stop_words

    def _hits(self, offset, limit):
        compiler = self.query_compiler
        hits = self.backend.search_stories(
            plain_words(compiler.query),
            sort=query_module.RELEVANCE if compiler.order_by_relevance else query_module.NEWEST,
            offset=offset,
            limit=limit,
            public_only=False,
        )
        self._partial_match, self._only_stop_words = hits.partial_match, hits.only_stop_words
        return hits

    def _do_search(self):
        limit = (self.stop - self.start) if self.stop is not None else 10_000
        hits = self._hits(self.start, limit)
        if not hits.ids:
            return []
        order = Case(
            *(When(pk=pk, then=Value(position)) for position, pk in enumerate(hits.ids)),
            output_field=IntegerField(),
        )
        found = self.query_compiler.queryset.filter(pk__in=hits.ids).order_by(order)
        if self.prefetch_related:
            found = found.prefetch_related(*self.prefetch_related)
        return list(found)

    def _do_count(self):
        return self._hits(0, 1).total


class TantivySearchBackend(BaseSearchBackend):
    """Options: PATH (the index directory; default settings.HVDJ_SEARCH_INDEX_DIR)."""

    query_compiler_class = TantivySearchQueryCompiler
    index_class = TantivyIndex
    results_class = TantivySearchResults
    rebuilder_class = TantivyRebuilder
    # A write the lock refused must not fail the editor's publish (see the package docstring).
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        self.path = params.get("PATH") or index_module.default_path()

    def get_index_for_model(self, model):
        return self.index_class(self)

    @property
    def index(self):
        return index_module.open_index(self.path)

    def search_stories(self, query, *, synonyms=None, **options):
        """query.search on this backend's index, with the redactie's synonyms by default."""
        if synonyms is None:
            synonyms = synonym_groups()
        return query_module.search(self.index, query, synonyms=synonyms, **options)

    def suggest(self, query):
        """A corrected query from the index's own words, or None (see query.suggest)."""
        return query_module.suggest(self.index, query)


SearchBackend = TantivySearchBackend
