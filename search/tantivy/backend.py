"""The tantivy index as a Wagtail (modelsearch) search backend.

    WAGTAILSEARCH_BACKENDS = {"tantivy": {"BACKEND": "search.tantivy.backend", "PATH": ...}}

With such an entry Wagtail's signals keep the index current (publish, unpublish, save, delete)
and `manage.py update_index` rebuilds it. One index holds every story type; other indexed
models (images, documents, non-story pages) are not its business and are skipped.

- `TantivyIndex.add_items` and `delete_item` (Wagtail's signals, inside the transaction of the
  change) record the pages in the database queue of changes.py; after the commit, whichever
  process holds the writer lock reads those pages again and writes them. A busy lock never
  makes a request wait and loses nothing (see changes.py).
- The rebuilder holds one writer for the whole rebuild: it deletes everything, adds every story
  and commits once at the end, so searchers see the old index until the new one is complete.
  `update_index` (search/management/commands/update_index.py) calls its `rebuild()`, which
  reads the stories in large batches itself (bulk.py); chunks handed to `add_items` work too.
- `backend.search(query, StoryPage.objects.live().public())` works like any backend; the results
  carry `partial_match` and `only_stop_words`. The public search calls `backend.search_stories`
  (query.search with the redactie's synonyms), which adds facets and filters on the index's fast
  fields.
"""

from django.db.models import Case, IntegerField, Value, When
from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
)
from modelsearch.query import MATCH_ALL, And, Or, Phrase, PlainText

from search.synonyms import synonym_groups

from . import availability, bulk, changes, facet_cache, suggestions
from . import index as index_module
from . import query as query_module
from .documents import documents, is_story_model


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
        # Every writer looks at the queue after letting go of the lock (changes.py).
        changes.apply(self.backend.path)

    def add_items(self, model, items):
        if not is_story_model(model):
            return
        if self.rebuild_writer is not None:
            write(self.rebuild_writer, documents(items))
            return
        changes.record(self.backend.path, [item.pk for item in items])

    def delete_item(self, item):
        if is_story_model(type(item)):
            changes.record(self.backend.path, [item.pk])


def write(writer, docs):
    for doc in docs:
        writer.add_document(doc)


class TantivyRebuilder:
    """Rebuilds the index with one writer: everything deleted, the chunks added, one commit."""

    def __init__(self, index):
        self.index = index
        self.context = None
        self.covered = []

    def start(self):
        self.context = index_module.writer(self.index.tantivy, heap_size=index_module.REBUILD_HEAP)
        self.index.rebuild_writer = self.context.__enter__()
        self.index.rebuild_writer.delete_all_documents()
        # The queued changes so far: the pages are read after this, so the rebuild covers them.
        self.covered = changes.pending_rows(self.index.backend.path)
        return self.index

    def finish(self):
        self.index.rebuild_writer = None
        self.context.__exit__(None, None, None)
        self.context = None
        availability.mark_built(self.index.backend.path)
        changes.forget(self.covered)
        # The changes recorded while the rebuild held the lock (changes.py).
        changes.apply(self.index.backend.path)

    def rebuild(self, progress=None):
        """The whole index from the database in large batches (bulk.py), with one writer and
        one commit: what update_index runs for this backend. `progress(pages)` after each
        batch. Returns the number of pages indexed."""
        index = self.start()
        count = 0
        try:
            for pages, docs in bulk.batches():
                write(index.rebuild_writer, docs)
                count += pages
                if progress is not None:
                    progress(count)
        except BaseException as error:
            self.index.rebuild_writer = None
            self.context.__exit__(type(error), error, error.__traceback__)
            self.context = None
            raise
        self.finish()
        return count


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
        return query_module.search(
            self.index,
            query,
            synonyms=synonyms,
            facet_cache=facet_cache.for_path(self.path),
            **options,
        )

    def suggest(self, query):
        """A corrected query from the index's own words, or None (see suggestions.py)."""
        return suggestions.suggest(self.index, query)


SearchBackend = TantivySearchBackend
