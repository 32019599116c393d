"""Wagtail's Elasticsearch 9 backend with the tantivy engine's Dutch analysis and semantics
(dutch.py): `"BACKEND": "search.backends.elasticsearch"`, chosen in the settings when
ELASTICSEARCH_URL is set, for installations with several app servers, which cannot share the
embedded tantivy index. Only what the Elasticsearch 9 client does its own way is here.
"""

from elasticsearch import ApiError, TransportError
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
)

from .dutch import DutchIndex, DutchMapping, DutchSearchBackend, dutch_settings


class DutchElasticsearchMapping(DutchMapping, Elasticsearch9Mapping):
    """Wagtail's Elasticsearch mapping with the Dutch analyzers and the `hvdj_` fields."""


class DutchElasticsearchIndex(DutchIndex, Elasticsearch9Index):
    """An Elasticsearch index made with the Dutch analysis and the current synonyms."""


class DutchElasticsearchSearchBackend(DutchSearchBackend, Elasticsearch9SearchBackend):
    """Elasticsearch 9 with the Dutch analysis and the public search."""

    mapping_class = DutchElasticsearchMapping
    index_class = DutchElasticsearchIndex
    settings = dutch_settings(Elasticsearch9SearchBackend.settings)
    unavailable_errors = (TransportError, ApiError)

    def create_index(self, name, index_settings):
        # The Elasticsearch 8+ client takes the body's top-level keys as arguments.
        self.es.indices.create(index=name, **index_settings)

    def send_search(self, index, body):
        return self.es.search(index=index, **body)


SearchBackend = DutchElasticsearchSearchBackend
