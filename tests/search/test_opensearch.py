"""The Dutch backend on OpenSearch, pinned without a server: the same index settings, mappings and
request bodies as on Elasticsearch, sent the opensearch-py way, and /ready/ through it. The
documents, the results page and its Dutch 503 on OpenSearch: test_elasticsearch_queries.py."""

import importlib
import sys
from unittest import mock

import pytest
from modelsearch.backends import import_backend
from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend

from search.backends.dutch import INDEX_ANALYZER, SEARCH_ANALYZER, SYNONYM_FILTER
from search.backends.elasticsearch import DutchElasticsearchSearchBackend
from search.backends.opensearch import DutchOpenSearchSearchBackend
from search.backends.query import clause_texts, search_body
from search.tantivy.analysis import verb_groups
from stories.models import ArticlePage, StoryPage
from stories.models.taxonomy import Theme
from tests.search.fakes import FakeElasticsearch, FakeOpenSearch, response
from tests.search.test_elasticsearch_settings import search_backends_setting

OPENSEARCH = "search.backends.opensearch"
URLS = ["http://opensearch.invalid:9200"]

# The analysis components OpenSearch 2 and 3 ship without plugins (its analysis-common module):
# https://docs.opensearch.org/latest/analyzers/token-filters/index/ (stop with `_dutch_`,
# stemmer and snowball with `dutch`, synonym_graph with `lenient`), .../analyzers/tokenizers/
# and .../analyzers/character-filters/mapping-character-filter/.
STOCK_OPENSEARCH = {
    "char_filter": {"mapping", "html_strip", "pattern_replace"},
    "tokenizer": {"standard", "ngram", "edge_ngram", "whitespace", "keyword"},
    "filter": {
        "lowercase",
        "asciifolding",
        "stop",
        "stemmer",
        "snowball",
        "synonym",
        "synonym_graph",
        "ngram",
        "edge_ngram",
    },
}


def backend(**params):
    return DutchOpenSearchSearchBackend({"URLS": URLS, **params})


def analysis():
    return backend().get_index_settings()["settings"]["analysis"]


def test_the_settings_choose_the_dutch_opensearch_backend_when_opensearch_url_is_set():
    config = search_backends_setting(OPENSEARCH_URL="https://os.example.org:9200")["default"]

    assert config["BACKEND"] == OPENSEARCH
    assert config["URLS"] == ["https://os.example.org:9200"]
    assert import_backend(config["BACKEND"]) is DutchOpenSearchSearchBackend


def test_with_both_urls_set_the_settings_choose_elasticsearch():
    config = search_backends_setting(
        ELASTICSEARCH_URL="https://es.example.org:9200", OPENSEARCH_URL="https://os.example.org"
    )["default"]

    assert (config["BACKEND"], config["URLS"]) == (
        "search.backends.elasticsearch",
        ["https://es.example.org:9200"],
    )


def test_an_installation_with_only_the_opensearch_extra_can_use_the_backend(monkeypatch):
    # Each backend module imports only its own client (search/backends/__init__.py).
    for name in list(sys.modules):
        if name.split(".")[0] == "elasticsearch" or name.startswith("search.backends"):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "elasticsearch", None)  # `import elasticsearch` fails
    with pytest.raises(ImportError):
        importlib.import_module("search.backends.elasticsearch")

    module = importlib.import_module(OPENSEARCH)

    assert module.SearchBackend.__name__ == "DutchOpenSearchSearchBackend"


def test_opensearch_gets_the_same_index_settings_as_elasticsearch(db):
    elasticsearch = DutchElasticsearchSearchBackend({"URLS": URLS}).get_index_settings()

    assert backend().get_index_settings() == elasticsearch
    assert analysis()["analyzer"][INDEX_ANALYZER]["filter"] == [
        "lowercase",
        "asciifolding",
        "hvdj_dutch_stop",
        "hvdj_dutch_stemmer",
    ]
    assert SYNONYM_FILTER in analysis()["analyzer"][SEARCH_ANALYZER]["filter"]


def test_every_analysis_component_is_stock_opensearch(db):
    index_analysis = analysis()

    for kind, stock in STOCK_OPENSEARCH.items():
        defined = index_analysis.get(kind, {})
        types = {component["type"] for component in defined.values()}
        assert types <= stock, kind
    for analyzer in index_analysis["analyzer"].values():
        assert analyzer["tokenizer"] in STOCK_OPENSEARCH["tokenizer"]
        for name in analyzer["filter"]:
            assert name in index_analysis["filter"] or name in STOCK_OPENSEARCH["filter"]
        for name in analyzer.get("char_filter", []):
            assert name in index_analysis["char_filter"]


def test_opensearch_gets_the_same_mappings_as_elasticsearch(db):
    elasticsearch = DutchElasticsearchSearchBackend({"URLS": URLS})

    for model in (ArticlePage, Theme):
        mapping = backend().mapping_class(model).get_mapping()
        assert mapping == elasticsearch.mapping_class(model).get_mapping()
    story = backend().mapping_class(ArticlePage).get_mapping()["properties"]
    assert story["hvdj_title"]["search_analyzer"] == SEARCH_ANALYZER


def test_the_index_is_created_with_the_dutch_settings_as_opensearch_py_s_body(db):
    # Which synonyms, and when they are read: test_elasticsearch_settings.py (the same code).
    search_backend = backend(INDEX_PREFIX="hartvoordejeugd_")
    search_backend.es = mock.Mock()
    index = search_backend.get_index_for_model(StoryPage)

    index.put()

    search_backend.es.indices.create.assert_called_once_with(
        index="hartvoordejeugd_wagtailcore_page", body=search_backend.get_index_settings()
    )


def test_the_public_search_sends_elasticsearch_s_bodies_as_opensearch_py_s_body(db):
    search_backend = backend()
    search_backend.es = FakeOpenSearch(response([1], 1), response([1, 2], 2))
    elasticsearch = DutchElasticsearchSearchBackend({"URLS": URLS})
    elasticsearch.es = FakeElasticsearch(response([1], 1), response([1, 2], 2))

    hits = search_backend.public_search("pleegzorg kwam", synonyms=[], facets=("themes",))
    elasticsearch.public_search("pleegzorg kwam", synonyms=[], facets=("themes",))

    assert (hits.ids, hits.total, hits.partial_match) == ([1, 2], 2, True)
    # All words, then most words: the same two bodies as on Elasticsearch, to the same index.
    assert search_backend.es.bodies == elasticsearch.es.bodies
    (index, all_words), (_index, most_words) = search_backend.es.bodies
    assert index == search_backend.pages_index
    assert all_words == search_body(
        clause_texts("pleegzorg kwam", verb_groups()), facets=("themes",)
    )
    assert most_words["query"]["bool"]["must"][0]["bool"]["minimum_should_match"] == 1
    assert isinstance(search_backend, OpenSearch3SearchBackend)


def test_a_typo_is_corrected_through_opensearch(db):
    search_backend = backend()
    correction = {
        "text": "pleegzrog",
        "offset": 0,
        "length": 9,
        "options": [{"text": "pleegzorg"}],
    }
    search_backend.es = FakeOpenSearch({"suggest": {"words": [correction]}})

    assert search_backend.suggest("pleegzrog") == "pleegzorg"
    ((index, body),) = search_backend.es.bodies
    assert index == search_backend.pages_index
    assert body["suggest"]["words"]["term"]["field"] == "hvdj_words"


def test_ready_names_the_search_when_opensearch_cannot_be_reached(
    client, db, closed_port, public_search_on
):
    public_search_on(OPENSEARCH, [f"http://127.0.0.1:{closed_port}"])

    ready = client.get("/ready/")

    assert ready.status_code == 503
    assert ready.json()["checks"] == {"database": "ok", "cache": "ok", "search": "unavailable"}


class AnsweringOpenSearch(FakeOpenSearch):
    """A client made as the backend makes it, whose server answers its ping."""

    def __init__(self, *, hosts, **options):
        super().__init__()
        self.hosts = hosts

    def ping(self):
        return True


def test_ready_is_ok_when_opensearch_answers_its_ping(client, db, monkeypatch, public_search_on):
    monkeypatch.setattr(DutchOpenSearchSearchBackend, "client_class", AnsweringOpenSearch)
    public_search_on(OPENSEARCH)

    ready = client.get("/ready/")

    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "search": "ok"},
    }
