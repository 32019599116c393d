"""The embedded search engine: tantivy (BM25, Dutch analysis) as a Wagtail search backend.

The public search (search/engine.py: results, facets, feed, autocomplete) runs on it on SQLite
and PostgreSQL alike (setting HVDJ_PUBLIC_SEARCH_BACKEND = "tantivy"). Modules:

- analysis.py: normalisation and the Dutch analyzer (index and queries alike).
- index.py: schema, the index directory, one open index per process, the writer lock.
- documents.py: stories as index documents, a batch at a time with a fixed number of queries.
- bulk.py: every story as a document, read 5,000 at a time without model instances (rebuilds).
- plaintext.py: rich text and StreamField text as Wagtail indexes it, faster for plain HTML.
- query.py: query semantics (all words, else most words; boosts; synonyms; stop words), filters,
  exact facet counts, typo suggestions.
- compounds.py: a query word found inside Dutch compounds ("verzuim" in "schoolverzuim").
- backend.py: the modelsearch backend (`"BACKEND": "search.tantivy.backend"`).
- changes.py: the queue of live changes that several processes share, and the changes Wagtail's
  signals do not index (moves, view restrictions).

Several processes. tantivy allows one writer per index directory and gunicorn runs several
workers. A change is recorded as a row in a queue table (search.models.IndexChange) in the
transaction that makes it, so the row exists exactly when the change does. After the commit the
process tries the writer lock without waiting; whoever holds it (that process, another worker,
`update_index`) re-reads the queued pages in one batch, writes them, commits, deletes the rows
it applied and looks at the queue again after letting go of the lock, so a row whose process
found the lock taken is never left behind and no request waits for another (changes.py).
Searchers reload on commit (tantivy's reader watches meta.json), so every worker sees the
change within about half a second without reopening the index.
"""
