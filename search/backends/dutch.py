"""The tantivy engine's Dutch analysis and semantics for Wagtail's Elasticsearch and OpenSearch
backends: mixins that elasticsearch.py and opensearch.py put before modelsearch's classes, so
both engines index, analyse and query the same way. This module imports neither client.

Analysis (stock Elasticsearch and OpenSearch, no plugins), as search/tantivy/analysis.py:
invisible characters (soft hyphen, zero-width characters, BOM) removed by a char filter,
lowercase, ASCII folding, Dutch stop words, the Snowball Dutch stemmer, and at search time the
redactie's synonyms *after* stemming. Both parse synonym rules through the filters before the
synonym filter, so the rules are stemmed by the same stemmer as the text: "pleegouders"
triggers the group of "pleegouder". Equivalence rules work both ways.

NFKC has no stock char filter (only the ICU plugin's `icu_normalizer`). The texts of the public
search (the `hvdj_` fields, documents.py) and every query of `public_search` are normalised in
Python with tantivy's `normalise`, so they need none; Wagtail's own fields (`_all_text`, the
admin's search) do without. With the plugin installed, the option `"ICU": True` adds
`icu_normalizer` (NFKC) before the other char filters for those too.

Queries: documents.py and query.py.
"""

import logging
from contextlib import contextmanager
from copy import deepcopy

from django.db import connections, router
from modelsearch.index import class_is_indexed
from modelsearch.utils import deep_update

from search.models import SynonymGroup
from search.starting_synonyms import STARTING_SYNONYMS
from search.synonyms import synonym_groups as cached_synonym_groups
from search.tantivy.analysis import verb_groups
from search.tantivy.availability import SearchUnavailable
from search.tantivy.documents import is_story_model, text_fields
from stories.models import StoryPage

from . import query as query_module
from .documents import story_fields, story_properties

logger = logging.getLogger(__name__)

INDEX_ANALYZER = "hvdj_dutch"
SEARCH_ANALYZER = "hvdj_dutch_search"
WORDS_ANALYZER = "hvdj_words"
SYNONYM_FILTER = "hvdj_synonyms"
INVISIBLE_FILTER = "hvdj_invisible"
ICU_FILTER = "hvdj_nfkc"

# Soft hyphen, zero-width space/non-joiner/joiner, word joiner, byte order mark (as
# search/tantivy/analysis.INVISIBLE): mapped to nothing.
INVISIBLE_CHARACTERS = ("00AD", "200B", "200C", "200D", "2060", "FEFF")

DUTCH_FILTERS = ["lowercase", "asciifolding", "hvdj_dutch_stop", "hvdj_dutch_stemmer"]
# The synonyms after the stemmer: rules and text meet as stems. Stop words go before them, so
# that `lenient` skips what a stop word breaks in a rule; after the synonyms a stop filter would
# break the token graph of multi-word synonyms: https://github.com/elastic/elasticsearch/issues/28838
DUTCH_SEARCH_FILTERS = [*DUTCH_FILTERS, SYNONYM_FILTER]
WORDS_FILTERS = ["lowercase", "asciifolding"]

DUTCH_ANALYSIS = {
    "settings": {
        "analysis": {
            "char_filter": {
                INVISIBLE_FILTER: {
                    "type": "mapping",
                    "mappings": [f"\\u{code}=>" for code in INVISIBLE_CHARACTERS],
                },
            },
            "analyzer": {
                INDEX_ANALYZER: {
                    "type": "custom",
                    "char_filter": [INVISIBLE_FILTER],
                    "tokenizer": "standard",
                    "filter": DUTCH_FILTERS,
                },
                SEARCH_ANALYZER: {
                    "type": "custom",
                    "char_filter": [INVISIBLE_FILTER],
                    "tokenizer": "standard",
                    "filter": DUTCH_SEARCH_FILTERS,
                },
                # The words as written, for the exact-form boost (tantivy's vocabulary field).
                WORDS_ANALYZER: {
                    "type": "custom",
                    "char_filter": [INVISIBLE_FILTER],
                    "tokenizer": "standard",
                    "filter": WORDS_FILTERS,
                },
            },
            "filter": {
                "hvdj_dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
                # Snowball's Dutch, the stemmer tantivy uses (`Filter.stemmer("dutch")`).
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
    return [SynonymGroup(terms=terms) for terms in STARTING_SYNONYMS]


def synonym_groups():
    """The redactie's synonym groups, or the starting list when their table does not exist yet."""
    connection = connections[router.db_for_read(SynonymGroup)]
    if SynonymGroup._meta.db_table not in connection.introspection.table_names():
        return starting_synonyms()
    return list(SynonymGroup.objects.all())


def synonym_rule(group):
    """One group as an equivalence rule ("ggz, geestelijke gezondheidszorg")."""
    terms = [" ".join(term.translate(SYNONYM_SYNTAX).split()) for term in group.term_list]
    return ", ".join(term for term in terms if term)


def synonym_rules():
    """Every group with at least two terms, and the forms of each irregular verb (as the
    tantivy side treats them), as synonym rules in the Solr format both engines read."""
    rules = [synonym_rule(group) for group in synonym_groups()]
    rules += [", ".join(forms) for forms in verb_groups()]
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


class DutchMapping:
    """Wagtail's mapping with the Dutch analyzers on the full-text fields, and for stories the
    public search's `hvdj_` fields (documents.py)."""

    def get_mapping(self):
        mapping = super().get_mapping()
        use_dutch_analyzer(mapping["properties"])
        if is_story_model(self.model):
            mapping["properties"].update(
                story_properties(INDEX_ANALYZER, SEARCH_ANALYZER, WORDS_ANALYZER)
            )
        return mapping

    def get_document(self, obj, extra=None):
        """Wagtail's document, plus `extra` (the page's `hvdj_` fields) for a story."""
        document = super().get_document(obj)
        if extra is None and is_story_model(type(obj)):
            extra = story_fields([obj]).get(obj.pk)
        document.update(extra or {})
        return document


class DutchIndex:
    """Creates the index with the synonyms as they are when the index is (re)built (the
    backend's `create_index`, in its client's way); writes the `hvdj_` fields of a batch of
    stories with a fixed number of queries."""

    def put(self):
        self.backend.create_index(self.name, self.backend.get_index_settings())

    def add_item(self, item):
        self.add_items(type(item), [item])

    def add_items(self, model, items):
        if not class_is_indexed(model):
            return
        items = list(items)
        mapping = self.mapping_class(model)
        extra = story_fields(items) if is_story_model(model) else {}
        actions = [
            {
                "_id": mapping.get_document_id(item),
                **mapping.get_document(item, extra.get(item.pk)),
            }
            for item in items
        ]
        if actions:
            self.backend.bulk(self.es, actions, index=self.name)


class DutchSearchBackend:
    """The Dutch analysis and the public search; `update_index` reads the synonyms afresh.

    Options as Wagtail's, plus ICU (default False): normalise to NFKC with the analysis-icu
    plugin's `icu_normalizer` in every analyzer (the plugin must be installed).

    The classes that use it say how their client creates an index (`create_index`), sends a
    search body (`send_search`), and which of its errors mean the index cannot answer
    (`unavailable_errors`)."""

    unavailable_errors = ()

    def __init__(self, params):
        super().__init__(params)
        self.icu = bool(params.get("ICU", False))

    def public_search(self, query, *, synonyms=None, **options):
        """The public search with the tantivy engine's semantics (query.search), on the index
        of the pages; the same arguments and `Hits` as search.tantivy's `search_stories`.

        Named otherwise on purpose: the search pages take a backend with `search_stories` for
        the embedded engine and check its index directory, which these engines have not."""
        if synonyms is None:
            synonyms = cached_synonym_groups()
        with answering(self):
            return query_module.search(self.ask, query, synonyms=synonyms, **options)

    def suggest(self, query):
        """A corrected query from the index's own words, or None (query.suggest)."""
        with answering(self):
            return query_module.suggest(self.ask, query)

    def similar_stories(self, page, **options):
        """{pk: score} of the stories like `page` (query.similar's options), for the
        "similar_stories" hook (search/similar.py)."""
        with answering(self):
            return query_module.similar(self.ask, text_fields(page), exclude=page.pk, **options)

    def ask(self, body):
        """The response of the index of the pages to one search body."""
        return self.send_search(self.pages_index, body)

    @property
    def pages_index(self):
        """The name of the index that holds the pages (and so the stories)."""
        return self.get_index_for_model(StoryPage).name

    def get_index_settings(self):
        """The settings to create an index with: the analysis above and the current synonyms."""
        index_settings = deepcopy(self.settings)
        analysis = index_settings["settings"]["analysis"]
        rules = synonym_rules()
        if rules:
            analysis["filter"][SYNONYM_FILTER]["synonyms"] = rules
        else:
            # Elasticsearch and OpenSearch refuse a synonym filter without rules.
            del analysis["filter"][SYNONYM_FILTER]
            search_analyzer = analysis["analyzer"][SEARCH_ANALYZER]
            search_analyzer["filter"] = [
                name for name in search_analyzer["filter"] if name != SYNONYM_FILTER
            ]
        if self.icu:
            analysis["char_filter"][ICU_FILTER] = {
                "type": "icu_normalizer",
                "name": "nfkc",
                "mode": "compose",
            }
            for analyzer in (INDEX_ANALYZER, SEARCH_ANALYZER, WORDS_ANALYZER):
                analysis["analyzer"][analyzer]["char_filter"].insert(0, ICU_FILTER)
        return index_settings


@contextmanager
def answering(backend):
    """An index that cannot be reached or refuses the request (a missing index, say) is
    SearchUnavailable: the search pages then answer with their Dutch 503, never a 500."""
    try:
        yield
    except backend.unavailable_errors as error:
        logger.warning("The search index did not answer the public search: %s", error)
        raise SearchUnavailable(backend.pages_index) from error


def dutch_settings(settings):
    """modelsearch's index settings (autocomplete's analyzers) with the Dutch analysis added."""
    return deep_update(deepcopy(settings), DUTCH_ANALYSIS)
