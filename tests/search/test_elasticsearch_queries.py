"""The public search on Elasticsearch, pinned without a server: the `hvdj_` mapping, the
documents, and the request bodies of the all-words, most-words and faceted searches; the
results page through the Elasticsearch and the OpenSearch backends (test_opensearch.py pins
what OpenSearch does otherwise)."""

import pytest
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

from search import public_backend
from search.backends.documents import story_fields
from search.backends.dutch import INDEX_ANALYZER, SEARCH_ANALYZER, WORDS_ANALYZER
from search.backends.elasticsearch import DutchElasticsearchSearchBackend
from search.backends.opensearch import DutchOpenSearchSearchBackend
from search.backends.query import (
    MATCHED_BONUS,
    TITLE_BONUS,
    clause_texts,
    search,
    search_body,
)
from search.tantivy.query import FACET_SIZE
from stories.models import ArticlePage, StoryPage
from stories.models.taxonomy import Theme
from tests.factories import ArticlePageFactory
from tests.search.fakes import FakeElasticsearch, FakeOpenSearch, answering, response

FIELDS = [
    "hvdj_title^5.0",
    "hvdj_summary^2.0",
    "hvdj_body^1.0",
    "hvdj_transcript^1.0",
    "hvdj_replies^0.7",
    "hvdj_taxonomy^1.5",
]
PUBLIC = [
    {"term": {"_django_content_type": "stories.StoryPage"}},
    {"term": {"hvdj_live": True}},
    {"term": {"hvdj_public": True}},
]


def backend():
    return DutchElasticsearchSearchBackend({"URLS": ["http://elasticsearch.invalid:9200"]})


def clause(text, exact, part=None):
    """The pinned JSON of one clause."""
    should = [
        {
            "multi_match": {
                "query": text,
                "type": "most_fields",
                "operator": "and",
                "fields": FIELDS,
                "zero_terms_query": "all",
            }
        }
    ]
    if exact:
        should.append({"match": {"hvdj_words": {"query": exact, "boost": 1.0}}})
    if part:
        inside = {"wildcard": {"hvdj_words": {"value": f"*{part}*"}}}
        should.append({"constant_score": {"filter": inside, "boost": 0.5}})
    should.append(
        {
            "constant_score": {
                "filter": {"match": {"hvdj_title": {"query": text, "operator": "and"}}},
                "boost": 1000.0,
            }
        }
    )
    return {"bool": {"should": should, "minimum_should_match": 1}}


def test_stories_get_the_public_search_s_fields_with_the_dutch_analyzers(db):
    properties = backend().mapping_class(ArticlePage).get_mapping()["properties"]
    dutch = {"type": "text", "analyzer": INDEX_ANALYZER, "search_analyzer": SEARCH_ANALYZER}

    assert properties["hvdj_title"] == {**dutch, "copy_to": "hvdj_words"}
    assert properties["hvdj_summary"] == {**dutch, "copy_to": "hvdj_words"}
    assert properties["hvdj_body"] == {**dutch, "copy_to": "hvdj_words"}
    assert properties["hvdj_taxonomy"] == {**dutch, "copy_to": "hvdj_words"}
    assert properties["hvdj_transcript"] == dutch
    assert properties["hvdj_replies"] == dutch
    assert properties["hvdj_words"] == {"type": "text", "analyzer": WORDS_ANALYZER}
    for name in ("type", "themes", "change_tasks", "regions", "audiences"):
        assert properties[f"hvdj_{name}"] == {"type": "integer"}
    assert properties["hvdj_date"] == {"type": "date"}
    assert properties["hvdj_live"] == {"type": "boolean"}
    assert properties["hvdj_public"] == {"type": "boolean"}


def test_other_models_get_no_public_search_fields(db):
    properties = backend().mapping_class(Theme).get_mapping()["properties"]

    assert not [name for name in properties if name.startswith("hvdj_")]


def test_a_story_s_document_holds_its_normalised_texts_and_facet_values(db):
    theme = Theme.objects.create(name="Opvoeden", slug="opvoeden-es")
    story = ArticlePageFactory(title="Pleeg\u00adgezin en ideee\u0308n", intro="Korte intro")
    story.themes.add(theme)
    story.save()

    fields = story_fields([ArticlePage.objects.get(pk=story.pk)])[story.pk]

    assert fields["hvdj_title"] == "Pleeggezin en idee"
    assert fields["hvdj_summary"] == "Korte intro"
    assert fields["hvdj_themes"] == [theme.pk]
    assert "Opvoeden" in fields["hvdj_taxonomy"]
    assert fields["hvdj_type"] == story.content_type_id
    assert fields["hvdj_live"] is True
    assert fields["hvdj_public"] is True


def test_a_batch_of_stories_costs_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    ArticlePageFactory.create_batch(3)
    pages = list(ArticlePage.objects.all())

    with django_assert_max_num_queries(7):
        found = story_fields(pages)

    assert set(found) == {page.pk for page in pages}


@pytest.mark.parametrize(
    "backend_class",
    [DutchElasticsearchSearchBackend, DutchOpenSearchSearchBackend],
    ids=["elasticsearch", "opensearch"],
)
def test_the_index_writes_wagtail_s_document_and_the_public_search_s_fields(db, backend_class):
    story = ArticlePageFactory(title="Na de uithuisplaatsing")
    sent = []
    search_backend = backend_class({"URLS": ["http://search.invalid:9200"]})
    search_backend.bulk = lambda es, actions, index: sent.extend(actions)

    search_backend.get_index_for_model(ArticlePage).add_item(story)

    (action,) = sent
    assert action["_id"] == str(story.pk) or action["_id"].endswith(str(story.pk))
    assert action["title"] == "Na de uithuisplaatsing"
    assert action["hvdj_title"] == "Na de uithuisplaatsing"


def test_the_query_s_words_are_normalised_and_stop_words_left_out():
    assert clause_texts("Hoe vind ik een pleeg\u00adgezin?") == [
        ("vind", "vind", "vind"),
        ("pleeggezin", "pleeggezin", "pleegzin"),
    ]
    assert clause_texts("CAFE\u0301") == [("cafe", "cafe", "cafe")]
    # Only stems of four letters or more are looked for inside compounds.
    assert clause_texts("zon") == [("zon", "zon", None)]


def test_a_run_of_words_that_is_a_synonym_term_is_one_clause_matched_on_stems():
    groups = [["ggz", "geestelijke gezondheidszorg"]]

    assert clause_texts("wachten op geestelijke gezondheidszorgen", groups) == [
        ("wachten", "wachten", "wacht"),
        ("geestelijke gezondheidszorgen", None, None),
    ]


def test_an_all_words_search_pins_its_json():
    body = search_body(clause_texts("pleegzorg wijkteams"))

    assert body == {
        "query": {
            "bool": {
                "filter": PUBLIC,
                "must": [
                    {
                        "bool": {
                            "must": [
                                clause("pleegzorg", "pleegzorg"),
                                clause("wijkteams", "wijkteams"),
                            ]
                        }
                    }
                ],
            }
        },
        "from": 0,
        "size": 12,
        "track_total_hits": True,
        "_source": False,
        "stored_fields": ["pk"],
    }


def test_the_most_words_fallback_pins_its_json():
    body = search_body(clause_texts("pleegzorg verzuim"), all_words=False, offset=12)

    # Only this second query also looks for each word inside compounds (schoolverzuim).
    ranked = []
    for word in ("pleegzorg", "verzuim"):
        scored = clause(word, word, part=word)
        matched = {"constant_score": {"filter": scored, "boost": 100_000.0}}
        ranked.append({"bool": {"must": [scored], "should": [matched]}})
    assert body["query"]["bool"]["must"] == [
        {"bool": {"should": ranked, "minimum_should_match": 1}}
    ]
    assert body["from"] == 12
    assert body["query"]["bool"]["filter"] == PUBLIC


def test_a_matched_word_outranks_everything_a_word_can_score_and_a_title_match_any_other_field():
    # BM25 gives a term at most idf × 2.2 per field; idf < 15 below a billion documents.
    most_per_term = 15 * 2.2 * (sum(float(f.split("^")[1]) for f in FIELDS[1:]) + 1.0)
    assert most_per_term < TITLE_BONUS
    assert 10 * (TITLE_BONUS + most_per_term * 5) < MATCHED_BONUS


def test_a_filtered_search_with_facets_pins_its_json():
    body = search_body(
        clause_texts("pleegzorg"),
        filters={"themes": ["3", "4"], "type": [7]},
        facets=("type", "themes", "regions"),
        sort="date",
    )

    themes = {"terms": {"hvdj_themes": [3, 4]}}
    types = {"terms": {"hvdj_type": [7]}}
    assert body["post_filter"] == {"bool": {"filter": [themes, types]}}

    def counted(name, other_filters):
        return {
            "filter": {"bool": {"filter": other_filters}},
            "aggs": {"values": {"terms": {"field": f"hvdj_{name}", "size": 65_000}}},
        }

    assert body["aggs"] == {
        "type": counted("type", [themes]),
        "themes": counted("themes", [types]),
        "regions": counted("regions", [themes, types]),
    }
    assert body["sort"] == [
        {"hvdj_date": {"order": "desc", "missing": "_last", "unmapped_type": "date"}}
    ]


def test_every_facet_value_is_counted_not_elasticsearch_s_ten():
    body = search_body([], facets=("themes",))

    assert body["aggs"]["themes"]["aggs"]["values"]["terms"]["size"] == FACET_SIZE > 10_000


def test_without_words_everything_is_listed_newest_first():
    body = search_body([])

    assert body["query"] == {"bool": {"filter": PUBLIC}}
    assert body["sort"] == [
        {"hvdj_date": {"order": "desc", "missing": "_last", "unmapped_type": "date"}}
    ]


def test_an_unknown_facet_field_is_refused():
    with pytest.raises(ValueError, match="Not a facet field"):
        search_body([], filters={"soort": [1]})


def test_fewer_than_a_page_of_all_words_runs_the_most_words_query_and_says_so():
    es = FakeElasticsearch(response([1], 1), response([1, 2, 3], 3))

    hits = search(es.asking(), "pleegzorg kwam")

    assert (hits.ids, hits.total, hits.partial_match) == ([1, 2, 3], 3, True)
    assert [body["query"]["bool"]["must"][0]["bool"].keys() for _i, body in es.bodies] == [
        {"must": None}.keys(),
        {"should": None, "minimum_should_match": None}.keys(),
    ]


def test_a_full_page_of_all_words_is_not_widened():
    es = FakeElasticsearch(response(range(12), 40, themes={5: 40}))

    hits = search(es.asking(), "pleegzorg kwam", facets=("themes",))

    assert (hits.total, hits.partial_match, hits.facets) == (40, False, {"themes": {5: 40}})
    assert len(es.bodies) == 1


def test_a_query_of_only_stop_words_asks_nothing_and_says_so():
    es = FakeElasticsearch()

    hits = search(es.asking(), "de het een")

    assert (hits.ids, hits.only_stop_words, es.bodies) == ([], True, [])


def test_the_backend_searches_the_index_of_the_pages(db):
    search_backend = backend()
    search_backend.es = FakeElasticsearch(response([], 0))

    search_backend.public_search("pleegzorg", synonyms=[])

    ((index, _body),) = search_backend.es.bodies
    assert index == search_backend.get_index_for_model(StoryPage).name
    assert isinstance(search_backend, ElasticsearchBaseSearchBackend)


def test_a_typo_is_corrected_from_the_index_s_words_as_on_the_tantivy_side(db):
    search_backend = backend()
    search_backend.es = FakeElasticsearch(
        {
            "suggest": {
                "words": [
                    {
                        "text": "pleegzrog",
                        "offset": 0,
                        "length": 9,
                        "options": [{"text": "pleegzorg"}],
                    },
                    {"text": "wijk", "offset": 10, "length": 4, "options": []},
                ]
            }
        },
        {"suggest": {"words": [{"text": "wijk", "offset": 0, "length": 4, "options": []}]}},
    )

    assert search_backend.suggest("Pleegzrog wijk") == "pleegzorg wijk"
    assert search_backend.suggest("wijk") is None
    (index, body), _ = search_backend.es.bodies
    assert index == search_backend.pages_index
    assert body["suggest"]["words"]["term"] == {
        "field": "hvdj_words",
        "suggest_mode": "missing",
        "max_edits": 2,
        "prefix_length": 2,
        "min_word_length": 4,
        "string_distance": "damerau_levenshtein",
        "sort": "score",
        "size": 1,
    }


# The results page through each search server's backend, with a client of that server's shape.
SERVERS = pytest.mark.parametrize(
    ("backend_path", "backend_class", "fake_client"),
    [
        ("search.backends.elasticsearch", DutchElasticsearchSearchBackend, FakeElasticsearch),
        ("search.backends.opensearch", DutchOpenSearchSearchBackend, FakeOpenSearch),
    ],
    ids=["elasticsearch", "opensearch"],
)


@SERVERS
def test_the_search_pages_do_not_mistake_a_search_server_for_the_embedded_index(
    db, public_search_on, backend_path, backend_class, fake_client
):
    # The pages check the embedded engine's index directory; a search server has none, and is
    # asked through its `public_search` instead.
    public_search_on(backend_path)

    assert public_backend.embedded_backend() is None
    assert public_backend.engine().search.__name__ == "public_search"
    assert isinstance(public_backend.public_backend(), backend_class)


@SERVERS
def test_the_results_page_shows_the_server_s_page_total_and_facet_counts(
    client, db, monkeypatch, public_search_on, backend_path, backend_class, fake_client
):
    # The results page on Elasticsearch or OpenSearch: the page of ids, the total and every
    # facet's counts come from one request to the index (one word: no "most words" fallback);
    # the cards come from the database in that order.
    first = ArticlePageFactory(title="Pleegzorg in de wijk")
    second = ArticlePageFactory(title="Pleegzorg op school")
    theme = Theme.objects.create(name="Pleegzorg", slug="pleegzorg-thema")
    known_word = {"text": "pleegzorg", "offset": 0, "length": 9, "options": []}
    answers = [
        response([second.pk, first.pk], 2, themes={theme.pk: 2}),
        # Few results: the page asks for a correction, and the index knows the word.
        {"suggest": {"words": [known_word]}},
    ]
    client_class = type("Client", (fake_client,), {"__init__": answering(answers)})
    monkeypatch.setattr(backend_class, "client_class", client_class)
    public_search_on(backend_path)

    page = client.get("/zoeken/", {"q": "pleegzorg"})

    assert page.status_code == 200
    assert [story.pk for story in page.context["results"]] == [second.pk, first.pk]
    assert page.context["results"].paginator.count == 2
    (themes,) = [facet for facet in page.context["facets"] if facet.parameter == "thema"]
    assert [(option.value, option.count) for option in themes.options] == [("pleegzorg-thema", 2)]
    assert page.context["suggestion"] is None
    assert answers == []


@SERVERS
def test_a_search_server_that_cannot_be_reached_gives_the_dutch_503_not_a_500(
    client, db, closed_port, public_search_on, backend_path, backend_class, fake_client
):
    # The real client: each raises errors of its own when nothing answers.
    public_search_on(backend_path, [f"http://127.0.0.1:{closed_port}"])

    page = client.get("/zoeken/", {"q": "pleegzorg"})
    typing = client.get("/zoeken/suggesties/", {"q": "pleeg"})

    assert page.status_code == 503
    assert "Zoeken is zo weer beschikbaar" in page.content.decode()
    assert (typing.status_code, typing.json()["suggestions"]) == (200, [])
