"""The Elasticsearch backend's index settings and queries, checked without a server."""

import json
import os
import subprocess
import sys
from unittest import mock

from django.conf import settings
from django.db import connection
from modelsearch.backends import import_backend
from modelsearch.query import PlainText

from search.backends.dutch import (
    INDEX_ANALYZER,
    SEARCH_ANALYZER,
    SYNONYM_FILTER,
    WORDS_ANALYZER,
    synonym_rules,
)
from search.backends.elasticsearch import DutchElasticsearchSearchBackend
from search.engine import build_query
from search.models import SynonymGroup
from search.tantivy.analysis import INVISIBLE, verb_groups
from stories.models import ArticlePage, StoryPage
from tests.factories import ArticlePageFactory

EDGENGRAM_ANALYZER = "edgengram_analyzer"


def backend():
    """The backend as the settings configure it; creating it does not connect to a server."""
    return DutchElasticsearchSearchBackend(
        {"URLS": ["http://elasticsearch.invalid:9200"], "INDEX_PREFIX": "hartvoordejeugd_"}
    )


def analysis():
    return backend().get_index_settings()["settings"]["analysis"]


def text_fields(properties, prefix=""):
    """Every full-text field of a mapping by its dotted name, nested fields included."""
    fields = {}
    for name, field in properties.items():
        if field["type"] == "nested":
            fields.update(text_fields(field["properties"], prefix=f"{prefix}{name}."))
        elif field["type"] == "text":
            fields[prefix + name] = field
    return fields


def search_backends_setting(**environment):
    """WAGTAILSEARCH_BACKENDS as the settings module builds it in a fresh interpreter."""
    servers = ("ELASTICSEARCH_URL", "OPENSEARCH_URL")
    env = {key: value for key, value in os.environ.items() if key not in servers}
    env.update(environment)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from hartvoordejeugd.settings import base; "
            "print(json.dumps(base.WAGTAILSEARCH_BACKENDS))",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_the_settings_choose_the_dutch_elasticsearch_backend_when_elasticsearch_url_is_set():
    config = search_backends_setting(ELASTICSEARCH_URL="https://es.example.org:9200")["default"]

    assert config["BACKEND"] == "search.backends.elasticsearch"
    assert config["URLS"] == ["https://es.example.org:9200"]
    assert import_backend(config["BACKEND"]) is DutchElasticsearchSearchBackend


def test_the_settings_choose_the_database_backend_without_elasticsearch_url():
    config = search_backends_setting()["default"]

    assert config["BACKEND"] == "search.database_backend"


def test_the_dutch_analyzer_is_tantivy_s_chain_in_stock_elasticsearch(db):
    index_analysis = analysis()

    assert index_analysis["analyzer"][INDEX_ANALYZER] == {
        "type": "custom",
        "char_filter": ["hvdj_invisible"],
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding", "hvdj_dutch_stop", "hvdj_dutch_stemmer"],
    }
    assert index_analysis["filter"]["hvdj_dutch_stop"] == {"type": "stop", "stopwords": "_dutch_"}
    assert index_analysis["filter"]["hvdj_dutch_stemmer"] == {
        "type": "stemmer",
        "language": "dutch",
    }


def test_soft_hyphens_and_zero_width_characters_are_mapped_to_nothing(db):
    assert analysis()["char_filter"]["hvdj_invisible"] == {
        "type": "mapping",
        "mappings": [
            "\\u00AD=>",
            "\\u200B=>",
            "\\u200C=>",
            "\\u200D=>",
            "\\u2060=>",
            "\\uFEFF=>",
        ],
    }
    # The same characters as the tantivy side removes.
    for mapping in analysis()["char_filter"]["hvdj_invisible"]["mappings"]:
        character = chr(int(mapping[2:6], 16))
        assert INVISIBLE.sub("", f"a{character}b") == "ab"


def test_searches_expand_synonyms_after_stemming(db):
    # Elasticsearch parses the rules through the filters before the synonym filter: rules and
    # text meet as stems, so the plural of a term triggers its group.
    index_analysis = analysis()

    assert index_analysis["analyzer"][SEARCH_ANALYZER] == {
        "type": "custom",
        "char_filter": ["hvdj_invisible"],
        "tokenizer": "standard",
        "filter": [
            "lowercase",
            "asciifolding",
            "hvdj_dutch_stop",
            "hvdj_dutch_stemmer",
            SYNONYM_FILTER,
        ],
    }
    assert index_analysis["filter"][SYNONYM_FILTER]["type"] == "synonym_graph"
    assert index_analysis["filter"][SYNONYM_FILTER]["lenient"] is True


def test_the_words_analyzer_keeps_the_words_as_written(db):
    assert analysis()["analyzer"][WORDS_ANALYZER] == {
        "type": "custom",
        "char_filter": ["hvdj_invisible"],
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding"],
    }


def test_without_the_icu_option_no_analyzer_needs_the_icu_plugin(db):
    assert "icu" not in json.dumps(analysis())


def test_with_the_icu_option_every_analyzer_normalises_to_nfkc_first(db):
    icu = DutchElasticsearchSearchBackend(
        {"URLS": ["http://elasticsearch.invalid:9200"], "ICU": True}
    )
    index_analysis = icu.get_index_settings()["settings"]["analysis"]

    assert index_analysis["char_filter"]["hvdj_nfkc"] == {
        "type": "icu_normalizer",
        "name": "nfkc",
        "mode": "compose",
    }
    for name in (INDEX_ANALYZER, SEARCH_ANALYZER, WORDS_ANALYZER):
        assert index_analysis["analyzer"][name]["char_filter"] == ["hvdj_nfkc", "hvdj_invisible"]
    # The class's settings are not changed for backends without the option.
    assert "icu" not in json.dumps(analysis())


def test_the_synonyms_are_the_redactie_s_synonym_groups(db):
    SynonymGroup.objects.all().delete()
    SynonymGroup.objects.create(terms="GGZ, Geestelijke  gezondheidszorg")
    SynonymGroup.objects.create(terms="Pleegzorg, pleeggezin, pleegzorg")
    SynonymGroup.objects.create(terms="alleen")

    assert analysis()["filter"][SYNONYM_FILTER]["synonyms"][:3] == [
        "ggz, geestelijke gezondheidszorg",
        "pleegzorg, pleeggezin",
        # Then the forms of the irregular verbs.
        ", ".join(verb_groups()[0]),
    ]


def test_the_forms_of_an_irregular_verb_are_one_group_as_on_the_tantivy_side(db):
    rules = analysis()["filter"][SYNONYM_FILTER]["synonyms"]

    assert "komen, komt, kom, kwam, kwamen, gekomen" in rules
    assert all(", ".join(forms) in rules for forms in verb_groups())


def test_the_migration_s_starting_synonyms_are_in_the_index_settings(db):
    synonyms = analysis()["filter"][SYNONYM_FILTER]["synonyms"]

    assert "ggz, geestelijke gezondheidszorg" in synonyms
    assert "pleegzorg, pleeggezin, pleegouder, pleegouders" in synonyms


def test_synonyms_are_read_when_the_index_is_built_not_when_the_backend_starts(db):
    search_backend = backend()
    search_backend.es = mock.Mock()
    SynonymGroup.objects.create(terms="zorgboerderij, boerderij met zorg")

    index = search_backend.rebuilder_class(search_backend.get_index_for_model(StoryPage)).start()

    create = search_backend.es.indices.create
    create.assert_called_once()
    assert create.call_args.kwargs["index"] == index.name
    assert create.call_args.kwargs["index"].startswith("hartvoordejeugd_wagtailcore_page")
    created = create.call_args.kwargs["settings"]["analysis"]
    assert "zorgboerderij, boerderij met zorg" in created["filter"][SYNONYM_FILTER]["synonyms"]
    assert INDEX_ANALYZER in created["analyzer"]


def test_before_the_synonym_table_exists_the_starting_synonyms_are_used(
    db, monkeypatch, django_assert_num_queries
):
    SynonymGroup.objects.all().delete()
    monkeypatch.setattr(connection.introspection, "table_names", lambda *args, **kwargs: [])

    with django_assert_num_queries(0):
        rules = synonym_rules()

    assert "ggz, geestelijke gezondheidszorg" in rules
    assert "jeugdzorg, jeugdhulp" in rules


def test_without_the_redactie_s_synonyms_the_verbs_keep_the_synonym_filter(db):
    # Elasticsearch refuses a synonym filter without rules; the verbs always give some.
    SynonymGroup.objects.all().delete()

    index_analysis = analysis()

    assert index_analysis["filter"][SYNONYM_FILTER]["synonyms"] == [
        ", ".join(forms) for forms in verb_groups()
    ]
    assert SYNONYM_FILTER in index_analysis["analyzer"][SEARCH_ANALYZER]["filter"]


def test_editors_cannot_write_synonym_syntax(db):
    SynonymGroup.objects.all().delete()
    SynonymGroup.objects.create(terms=r"ouder => opvoeder, #jeugd, a\b, =>")

    assert synonym_rules()[0] == "ouder opvoeder, jeugd, a b"


def test_every_full_text_field_uses_the_dutch_analyzer(db):
    mapping = backend().mapping_class(ArticlePage).get_mapping()
    fields = text_fields(mapping["properties"])
    dutch = {
        name
        for name, field in fields.items()
        if (field["analyzer"], field.get("search_analyzer")) == (INDEX_ANALYZER, SEARCH_ANALYZER)
    }

    assert {
        "title",
        "stories_storypage__intro",
        "stories_articlepage__body",
        "stories_storypage__themes.name",
        "_all_text",
        "_all_text_boost_2_0",
    } <= dutch
    assert set(fields) - dutch == {"_edgengrams", "title_edgengrams", "hvdj_words"}


def test_autocomplete_fields_keep_wagtail_s_edgengram_analyzer(db):
    mapping = backend().mapping_class(ArticlePage).get_mapping()

    for name in ("_edgengrams", "title_edgengrams"):
        assert mapping["properties"][name]["analyzer"] == EDGENGRAM_ANALYZER
    assert EDGENGRAM_ANALYZER in analysis()["analyzer"]


def test_a_search_looks_in_the_dutch_fields_of_live_stories(db):
    query = (
        backend()
        .search(PlainText("GGZ wijkteam", operator="and"), StoryPage.objects.live().public())
        .query_compiler.get_query()
    )

    assert query["bool"]["must"] == {
        "multi_match": {
            "query": "GGZ wijkteam",
            "operator": "and",
            "fields": ["_all_text", "_all_text_boost_2_0^2.0"],
        }
    }
    assert {"term": {"live_filter": True}} in query["bool"]["filter"]
    assert {"match": {"_django_content_type": "stories.StoryPage"}} in query["bool"]["filter"]


def test_autocomplete_looks_in_the_edgengram_field_of_live_stories(db):
    query = (
        backend()
        .autocomplete("pleeg", StoryPage.objects.live().public(), operator="and")
        .query_compiler.get_query()
    )

    assert query["bool"]["must"] == {
        "match": {"_edgengrams": {"query": "pleeg", "operator": "and"}}
    }
    assert {"term": {"live_filter": True}} in query["bool"]["filter"]


def test_private_sections_are_left_out_by_path(db):
    private = ArticlePageFactory()
    StoryPage.objects.get(pk=private.pk).view_restrictions.create(restriction_type="login")

    query = (
        backend().search("pleegzorg", StoryPage.objects.live().public()).query_compiler.get_query()
    )

    assert json.dumps({"prefix": {"path_filter": private.path}}) in json.dumps(query)


def test_the_search_page_s_synonym_queries_compile_for_elasticsearch(db):
    search_query = build_query("ggz wijkteam", [["ggz", "geestelijke gezondheidszorg"]])

    query = (
        backend()
        .search(search_query, StoryPage.objects.live().public())
        .query_compiler.get_query()
    )

    compiled = json.dumps(query)
    assert '"match_phrase": {"_all_text": "geestelijke gezondheidszorg"}' in compiled
    assert '"_all_text_boost_2_0"' in compiled
