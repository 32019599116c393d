"""The embedded search engine: tantivy (BM25, Dutch analysis) as a Wagtail search backend.

The public search (search/engine.py: results, facets, feed, autocomplete) runs on it on SQLite
and PostgreSQL alike (setting HVDJ_PUBLIC_SEARCH_BACKEND = "tantivy"). Modules:

- analysis.py: normalisation and the Dutch analyzer (index and queries alike).
- index.py: schema, the index directory, one open index per process, the writer lock.
- documents.py: stories as index documents, a batch at a time with a fixed number of queries.
- query.py: query semantics (all words, else most words; boosts; synonyms; stop words), filters,
  exact facet counts, typo suggestions.
- compounds.py: a query word found inside Dutch compounds ("verzuim" in "schoolverzuim").
- backend.py: the modelsearch backend (`"BACKEND": "search.tantivy.backend"`).

Several processes (the plan for step 2). tantivy allows one writer per index directory. Today
each signal-driven update takes the writer for one batch; when another process holds it the
update is logged and lost until the next rebuild. Step 2 makes this lossless without making a
request wait: the publish transaction also inserts a row "page N changed" into a small queue
table (in the same transaction, so it exists exactly when the change does). After commit, the
process tries the writer lock without waiting; whoever holds it (that process, or a periodic
drain in any worker, or `update_index`) reads the queued rows, re-reads those pages in one
batch, writes them, commits and deletes the rows it applied (rows that arrived meanwhile stay
for the next drain). A rebuild records the highest queue id it started from and leaves newer
rows. Searchers reload on commit (tantivy's reader watches meta.json), so every worker sees the
change within a second without reopening the index.
"""
