"""What the results page tells a visitor: only stop words, a corrected query, and snippets
marked as the engine matched them, at a fixed number of queries."""

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.views import search_feed
from tests.factories import (
    ArticlePageFactory,
    DialogueThreadPageFactory,
    PodcastPageFactory,
    VlogPageFactory,
    WebinarPageFactory,
)

pytestmark = pytest.mark.django_db

STOP_WORDS_NOTICE = "Je zoekopdracht bevat alleen woorden die te algemeen zijn"


def found(response):
    return [story.pk for story in response.context["results"]]


@pytest.fixture(params=["default", "tantivy"])
def any_backend(request, settings):
    """The public search on the database backend, then on the embedded engine."""
    settings.HVDJ_PUBLIC_SEARCH_BACKEND = request.param


@pytest.mark.parametrize("query", ["hoe kan het", "de en het"])
def test_a_query_of_only_stop_words_finds_nothing_and_says_why_on_every_backend(
    client, home, any_backend, query
):
    ArticlePageFactory(title="Hoe het kan in de wijk", intro="Het kan en de wijk doet het.")

    response = client.get("/zoeken/", {"q": query})

    assert response.status_code == 200
    assert found(response) == []
    assert STOP_WORDS_NOTICE in response.content.decode()


def test_a_query_with_a_real_word_gets_no_stop_words_notice(client, home, embedded_search):
    story = ArticlePageFactory(title="Pleegzorg in de wijk")

    response = client.get("/zoeken/", {"q": "hoe werkt pleegzorg"})

    assert found(response) == [story.pk]
    assert STOP_WORDS_NOTICE not in response.content.decode()


def test_a_query_that_finds_nothing_offers_the_corrected_words_as_a_link(
    client, home, embedded_search
):
    ArticlePageFactory(title="Pleegzorg in de wijk")

    response = client.get("/zoeken/", {"q": "plegzorg"})

    assert found(response) == []
    assert response.context["suggestion"] == "pleegzorg"
    assert 'Bedoelde je: <a href="?q=pleegzorg">pleegzorg</a>?' in response.content.decode()


def test_a_query_that_finds_enough_offers_no_correction(client, home, embedded_search):
    for number in range(5):
        ArticlePageFactory(title=f"Pleegzorg in de wijk {number}")

    response = client.get("/zoeken/", {"q": "pleegzorg"})

    assert response.context["suggestion"] is None
    assert "Bedoelde je" not in response.content.decode()


@pytest.mark.parametrize(
    ("intro", "query", "marked"),
    [
        ("De gezinscoaches kwamen thuis.", "gezinscoach", "<mark>gezinscoaches</mark>"),
        ("Over coördinatie van zorg.", "coordinatie", "<mark>coördinatie</mark>"),
        ("Opvoeden is een opvoedende taak.", "opvoeding", "<mark>opvoedende</mark>"),
        ("Wij zoeken pleegzorg, echt waar.", "pleegzorg", "<mark>pleegzorg</mark>,"),
    ],
    ids=["plural", "diacritics", "other-form", "punctuation-left-out"],
)
def test_a_snippet_marks_the_words_the_engine_matched(
    client, home, embedded_search, intro, query, marked
):
    ArticlePageFactory(title="Een verhaal", intro=intro)

    content = client.get("/zoeken/", {"q": query}).content.decode()

    assert marked in content


def test_a_snippet_marks_no_stop_words_and_no_punctuation(client, home, embedded_search):
    ArticlePageFactory(title="Een verhaal", intro="In de wijk (pleegzorg!) helpt de buurt.")

    content = client.get("/zoeken/", {"q": "de pleegzorg"}).content.decode()

    assert "(<mark>pleegzorg</mark>!)" in content
    assert "<mark>de</mark>" not in content


def test_a_snippet_comes_from_the_body_when_the_intro_does_not_match(
    client, home, embedded_search
):
    ArticlePageFactory(
        title="Een verhaal",
        intro="Over iets anders.",
        body=[("paragraph", "<p>De buurtvaders lopen elke avond een ronde.</p>")],
    )

    content = client.get("/zoeken/", {"q": "buurtvader"}).content.decode()

    assert "<mark>buurtvaders</mark>" in content


def test_results_whose_intros_match_read_no_other_text(client, home, embedded_search):
    for number in range(3):
        ArticlePageFactory(title=f"Verhaal {number}", intro="De buurtvaders lopen een ronde.")
    client.get("/zoeken/", {"q": "buurtvaders"})

    # Another query (its snippets are not kept yet) with the same stem.
    with CaptureQueriesContext(connection) as queries:
        content = client.get("/zoeken/", {"q": "buurtvader"}).content.decode()

    assert content.count("<mark>buurtvaders</mark>") == 3
    assert not any("stories_articlepage" in query["sql"] for query in queries.captured_queries)


def test_a_search_asked_again_reads_no_text_and_an_edit_shows_at_once(
    client, home, embedded_search
):
    story = ArticlePageFactory(
        title="Een verhaal",
        intro="Over iets anders.",
        body=[("paragraph", "<p>De buurtvaders lopen elke avond een ronde.</p>")],
    )
    first = client.get("/zoeken/", {"q": "buurtvaders"}).content.decode()

    with CaptureQueriesContext(connection) as queries:
        again = client.get("/zoeken/", {"q": "buurtvaders"}).content.decode()

    assert "<mark>buurtvaders</mark> lopen elke avond" in first
    assert "<mark>buurtvaders</mark> lopen elke avond" in again
    assert not any("stories_articlepage" in query["sql"] for query in queries.captured_queries)

    story.body = [("paragraph", "<p>De buurtvaders fietsen elke ochtend door de wijk.</p>")]
    story.save_revision().publish()

    edited = client.get("/zoeken/", {"q": "buurtvaders"}).content.decode()
    assert "<mark>buurtvaders</mark> fietsen elke ochtend" in edited


FACTORIES = [
    ArticlePageFactory,
    VlogPageFactory,
    PodcastPageFactory,
    WebinarPageFactory,
    DialogueThreadPageFactory,
]


@pytest.mark.parametrize("stories", [5, 20])
def test_cards_and_snippets_cost_a_fixed_number_of_queries(
    client, home, embedded_search, settings, django_assert_max_num_queries, stories
):
    settings.HVDJ_PAGE_SIZE = stories
    for number in range(stories):
        FACTORIES[number % len(FACTORIES)](title=f"Buurtvaders {number}", intro="Iets anders.")
    client.get("/zoeken/", {"q": "buurtvaders"})  # warms the site, content type and term caches

    with django_assert_max_num_queries(7):  # four, and the query log written (three)
        response = client.get("/zoeken/", {"q": "buurtvaders"})

    assert len(found(response)) == stories


def test_the_feed_keeps_nothing_of_a_request_on_its_shared_instance(client, home, embedded_search):
    ArticlePageFactory(title="Pleegzorg in de wijk")
    ArticlePageFactory(title="Wijkteam aan tafel")
    before = dict(vars(search_feed))

    first = feedparser.parse(client.get("/zoeken/feed/", {"q": "pleegzorg"}).content)
    second = feedparser.parse(client.get("/zoeken/feed/", {"q": "wijkteam"}).content)

    assert vars(search_feed) == before
    assert first.feed.link.endswith("/zoeken/?q=pleegzorg")
    assert second.feed.link.endswith("/zoeken/?q=wijkteam")
    assert [entry.title for entry in first.entries] == ["Pleegzorg in de wijk"]
    assert [entry.title for entry in second.entries] == ["Wijkteam aan tafel"]
