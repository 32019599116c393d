"""Any input gives a normal page; the results page costs a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticlePageFactory, RegionFactory, ThemeFactory, VlogPageFactory

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    " ",
    "x" * 10_000,
    '"',
    "&",
    "|",
    "!",
    ":",
    "*",
    "(",
    ")",
    "<->",
    "pleeg & zorg | !wijk",
    "a <-> b",
    "((pleegzorg",
    "pleegzorg:*",
    "'",
    "\\",
    "%",
    "\x00",
    "😀 jeugdhulp",
    "ĳsselland Ångström ß",
    "de het een",
    "١٢٣",
    "\u202e",
]


@pytest.mark.parametrize("query", QUERIES)
def test_any_query_gives_a_normal_page(client, home, query):
    ArticlePageFactory(title="Pleegzorg in de wijk")

    response = client.get("/zoeken/", {"q": query})

    assert response.status_code == 200
    assert len(response.context["query"]) <= 200


@pytest.mark.parametrize("page", ["abc", "99999", "-1", "0", "9" * 40, "1.5", ""])
def test_any_page_number_gives_a_normal_page(client, home, page):
    ArticlePageFactory(title="Pleegzorg in de wijk")

    response = client.get("/zoeken/", {"q": "pleegzorg", "pagina": page})

    assert response.status_code == 200
    assert "Pleegzorg in de wijk" in response.content.decode()


def test_a_query_of_only_punctuation_says_there_are_no_words(client, home):
    response = client.get("/zoeken/", {"q": "&&& !!! ***"})

    assert response.status_code == 200
    assert "Je zoekopdracht bevat geen woorden" in response.content.decode()


@pytest.mark.parametrize("parameter", ["thema", "regio", "opgave", "doelgroep", "soort"])
def test_strange_facet_values_give_a_normal_page(client, home, parameter):
    for value in ("", "\x00", "x" * 5000, "Ö", "' OR 1=1 --", "../../etc"):
        response = client.get("/zoeken/", {"q": "pleegzorg", parameter: [value] * 3})
        assert response.status_code == 200


def test_the_feed_and_term_pages_take_any_input(client, home):
    theme = ThemeFactory()
    for query in QUERIES:
        assert client.get("/zoeken/feed/", {"q": query}).status_code == 200
        assert client.get(f"/thema/{theme.slug}/", {"q": query}).status_code == 200


def queries_for(client, params):
    client.get("/zoeken/", params)
    with CaptureQueriesContext(connection) as context:
        response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_results_page_costs_the_same_queries_for_any_page_size(client, home, settings):
    themes = [ThemeFactory() for _ in range(3)]
    regions = [RegionFactory() for _ in range(3)]
    for number in range(30):
        factory = ArticlePageFactory if number % 2 else VlogPageFactory
        story = factory(title=f"Jeugdhulp verhaal {number}")
        story.themes.set(themes[: number % 3 + 1])
        story.regions.set(regions[: number % 3 + 1])
        story.save_revision().publish()
    params = {"q": "jeugdhulp", "thema": themes[0].slug}

    settings.HVDJ_PAGE_SIZE = 2
    small = queries_for(client, params)
    settings.HVDJ_PAGE_SIZE = 30
    large = queries_for(client, params)

    assert small == large
    assert large <= 5
