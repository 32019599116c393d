"""Wagtail's OpenSearch backend with the tantivy engine's Dutch analysis and semantics
(dutch.py): `"BACKEND": "search.backends.opensearch"`, chosen in the settings when
OPENSEARCH_URL is set; the same analysis, documents and queries as on Elasticsearch, all in
stock OpenSearch 2 and 3 (no plugins). Only what the opensearch-py client does its own way is
here: it takes a request's body as `body`, and has errors of its own.
"""

from modelsearch.backends.opensearch3 import (
    OpenSearch3Index,
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
)
from opensearchpy.exceptions import TransportError

from .dutch import DutchIndex, DutchMapping, DutchSearchBackend, dutch_settings


class DutchOpenSearchMapping(DutchMapping, OpenSearch3Mapping):
    """Wagtail's OpenSearch mapping with the Dutch analyzers and the `hvdj_` fields."""


class DutchOpenSearchIndex(DutchIndex, OpenSearch3Index):
    """An OpenSearch index made with the Dutch analysis and the current synonyms."""


class DutchOpenSearchSearchBackend(DutchSearchBackend, OpenSearch3SearchBackend):
    """OpenSearch with the Dutch analysis and the public search."""

    mapping_class = DutchOpenSearchMapping
    index_class = DutchOpenSearchIndex
    settings = dutch_settings(OpenSearch3SearchBackend.settings)
    # In opensearch-py an unreachable server (ConnectionError) and a refusal (NotFoundError for
    # a missing index, RequestError) are all TransportErrors.
    unavailable_errors = (TransportError,)

    def create_index(self, name, index_settings):
        self.es.indices.create(index=name, body=index_settings)

    def send_search(self, index, body):
        return self.es.search(index=index, body=body)


SearchBackend = DutchOpenSearchSearchBackend
