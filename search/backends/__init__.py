"""The search backends for installations with several app servers, which cannot share the
embedded tantivy index: Wagtail's Elasticsearch and OpenSearch backends with the tantivy
engine's Dutch analysis and query semantics.

- dutch.py: the analysis, the synonyms, and the mixins both backends share;
- elasticsearch.py (`"BACKEND": "search.backends.elasticsearch"`, ELASTICSEARCH_URL) and
  opensearch.py (`"BACKEND": "search.backends.opensearch"`, OPENSEARCH_URL): each client's own
  way of creating an index and sending a search, and its errors;
- documents.py and query.py: the public search's fields and request bodies.

Each backend module imports its own client only, so an installation needs just one of the
`elasticsearch` and `opensearch` extras.
"""
