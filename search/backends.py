"""Wagtail's Elasticsearch 9 backend with a Dutch analyzer and the redactie's synonyms.

Chosen in the settings when ELASTICSEARCH_URL is set (`"BACKEND": "search.backends"`). Text is
indexed lowercased, without Dutch stop words and stemmed; queries go through the same steps and
also expand the synonyms. Autocomplete fields keep Wagtail's edgengram analyzer.
"""

from copy import deepcopy
from importlib import import_module

from django.db import connections, router
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
)
from modelsearch.utils import deep_update

from search.models import SynonymGroup

INDEX_ANALYZER = "hvdj_dutch"
SEARCH_ANALYZER = "hvdj_dutch_search"
SYNONYM_FILTER = "hvdj_synonyms"

# Stop words go before the synonyms, so that `lenient` skips a synonym that contains one ("uit
# huis plaatsing") instead of failing the index; after the synonyms, a stop filter breaks the
# token graph of multi-word synonyms: https://github.com/elastic/elasticsearch/issues/28838
DUTCH_FILTERS = ["lowercase", "hvdj_dutch_stop", "hvdj_dutch_stemmer"]
DUTCH_SEARCH_FILTERS = ["lowercase", "hvdj_dutch_stop", SYNONYM_FILTER, "hvdj_dutch_stemmer"]

DUTCH_ANALYSIS = {
    "settings": {
        "analysis": {
            "analyzer": {
                INDEX_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": DUTCH_FILTERS,
                },
                SEARCH_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": DUTCH_SEARCH_FILTERS,
                },
            },
            "filter": {
                "hvdj_dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
                "hvdj_dutch_stemmer": {"type": "stemmer", "language": "dutch"},
                # synonym_graph handles synonyms of more than one word, at search time only:
                # https://www.elastic.co/docs/reference/text-analysis/analysis-synonym-graph-tokenfilter
                SYNONYM_FILTER: {"type": "synonym_graph", "lenient": True, "synonyms": []},
            },
        }
    }
}

# Characters that Solr's synonym format reads as syntax ("=>" maps one way, "#" starts a
# comment, "\" escapes); the standard tokenizer drops them from text anyway.
SYNONYM_SYNTAX = str.maketrans(dict.fromkeys("=>#\\", " "))


def starting_synonyms():
    """The synonym groups the migration starts with, for an index built before it has run."""
    migration = import_module("search.migrations.0002_starting_synonyms")
    return [SynonymGroup(terms=terms) for terms in migration.STARTING_SYNONYMS]


def synonym_groups():
    """The redactie's synonym groups, or the starting list when their table does not exist yet."""
    connection = connections[router.db_for_read(SynonymGroup)]
    if SynonymGroup._meta.db_table not in connection.introspection.table_names():
        return starting_synonyms()
    return list(SynonymGroup.objects.all())


def synonym_rule(group):
    """One group as an Elasticsearch equivalence rule ("ggz, geestelijke gezondheidszorg")."""
    terms = [" ".join(term.translate(SYNONYM_SYNTAX).split()) for term in group.term_list]
    return ", ".join(term for term in terms if term)


def synonym_rules():
    """Every group with at least two terms, as Elasticsearch synonym rules."""
    rules = [synonym_rule(group) for group in synonym_groups()]
    return [rule for rule in rules if "," in rule]


def use_dutch_analyzer(properties):
    """Give every full-text field of a mapping the Dutch analyzers, nested fields included.

    Fields that already name an analyzer (autocomplete's edgengrams, `es_extra`) keep it.
    """
    for field in properties.values():
        if field["type"] == "nested":
            use_dutch_analyzer(field["properties"])
        elif field["type"] == "text" and "analyzer" not in field:
            field["analyzer"] = INDEX_ANALYZER
            field["search_analyzer"] = SEARCH_ANALYZER


class DutchElasticsearchMapping(Elasticsearch9Mapping):
    """Wagtail's mapping, with the Dutch analyzers on the full-text fields."""

    def get_mapping(self):
        mapping = super().get_mapping()
        use_dutch_analyzer(mapping["properties"])
        return mapping


class DutchElasticsearchIndex(Elasticsearch9Index):
    """Creates the index with the synonyms as they are when the index is (re)built."""

    def put(self):
        self.es.indices.create(index=self.name, **self.backend.get_index_settings())


class DutchElasticsearchSearchBackend(Elasticsearch9SearchBackend):
    """Elasticsearch 9 with the Dutch analyzer; `update_index` reads the synonyms afresh."""

    mapping_class = DutchElasticsearchMapping
    index_class = DutchElasticsearchIndex
    settings = deep_update(deepcopy(Elasticsearch9SearchBackend.settings), DUTCH_ANALYSIS)

    def get_index_settings(self):
        """The settings to create an index with: the analysis above and the current synonyms."""
        index_settings = deepcopy(self.settings)
        analysis = index_settings["settings"]["analysis"]
        rules = synonym_rules()
        if rules:
            analysis["filter"][SYNONYM_FILTER]["synonyms"] = rules
        else:
            # Elasticsearch refuses a synonym filter without rules.
            del analysis["filter"][SYNONYM_FILTER]
            search_analyzer = analysis["analyzer"][SEARCH_ANALYZER]
            search_analyzer["filter"] = [
                name for name in search_analyzer["filter"] if name != SYNONYM_FILTER
            ]
        return index_settings


SearchBackend = DutchElasticsearchSearchBackend
