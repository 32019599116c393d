import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from search.autocomplete import MAX_QUERY_LENGTH, MAX_SUGGESTIONS
from tests.factories import (
    ArticlePageFactory,
    DialogueThreadPageFactory,
    PodcastPageFactory,
    VlogPageFactory,
    WebinarPageFactory,
)

NASTY_QUERIES = [
    '" & | ! : * ( ) <->',
    '"pleeg',
    "pleeg*",
    "&",
    "|",
    "!pleeg",
    "pleeg:*",
    "(pleeg",
    "pleeg <-> zorg",
    "NEAR(pleeg zorg)",
    "AND OR NOT",
    "a'b",
    "''",
    "\\\\",
    "%s%s",
    "title:pleeg",
    "pleeg\x00zorg",
    "\x00\x00",
    "\x1b[31mpleeg",
    "😀😀",
    "pleegzörg ĳs",
    "‮pleeg",
    "日本語",
    "x" * 10_000,
    "pleeg " * 2_000,
]


@pytest.fixture
def suggestions(client):
    def ask(query):
        response = client.get(reverse("search_suggestions"), {"q": query})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        return response.json()

    return ask


def titles(answer):
    return [suggestion["title"] for suggestion in answer["suggestions"]]


def test_suggestions_are_titles_of_stories_that_start_like_the_query(suggestions, db):
    article = ArticlePageFactory(title="Pleegzorg in de wijk")
    vlog = VlogPageFactory(title="Een pleeggezin vertelt")
    ArticlePageFactory(title="Het wijkteam aan tafel")

    answer = suggestions("pleeg")

    assert answer["query"] == "pleeg"
    assert sorted(answer["suggestions"], key=lambda suggestion: suggestion["title"]) == [
        {"title": vlog.title, "url": vlog.url, "type": "Vlog"},
        {"title": article.title, "url": article.url, "type": "Artikel"},
    ]


def test_every_word_of_the_query_must_match(suggestions, db):
    ArticlePageFactory(title="Pleegzorg in de wijk")
    both = ArticlePageFactory(title="Pleegzorg en het wijkteam")

    assert titles(suggestions("pleegzorg wijkt")) == [both.title]


@pytest.mark.parametrize(
    ("factory", "label"),
    [
        (ArticlePageFactory, "Artikel"),
        (VlogPageFactory, "Vlog"),
        (PodcastPageFactory, "Podcastaflevering"),
        (WebinarPageFactory, "Webinar"),
        (DialogueThreadPageFactory, "Dialoog"),
    ],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_every_type_of_story_is_suggested_with_its_dutch_type(suggestions, db, factory, label):
    story = factory(title="Zonnebloemen in de wijk")

    answer = suggestions("zonneb")

    assert answer["suggestions"] == [{"title": story.title, "url": story.url, "type": label}]


def test_drafts_and_private_stories_are_not_suggested(suggestions, db):
    ArticlePageFactory(title="Pleegzorg als concept", live=False)
    private = ArticlePageFactory(title="Pleegzorg achter een wachtwoord")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    public = ArticlePageFactory(title="Pleegzorg voor iedereen")

    assert titles(suggestions("pleegz")) == [public.title]


def test_at_most_eight_titles_are_suggested(suggestions, db):
    for number in range(MAX_SUGGESTIONS + 4):
        ArticlePageFactory(title=f"Pleegzorg verhaal {number}")

    assert len(suggestions("pleeg")["suggestions"]) == MAX_SUGGESTIONS == 8


@pytest.mark.parametrize("query", ["", "p", " p ", "\x00p\x00", '"p"', "  ", "\n"])
def test_a_query_shorter_than_two_characters_suggests_nothing_without_a_query(
    suggestions, db, django_assert_num_queries, query
):
    ArticlePageFactory(title="P")
    suggestions("pp")  # the first request also writes the new story to the search index

    with django_assert_num_queries(0):
        answer = suggestions(query)

    assert answer["suggestions"] == []


def test_a_missing_query_suggests_nothing(client, db):
    response = client.get(reverse("search_suggestions"))

    assert response.status_code == 200
    assert response.json() == {"query": "", "suggestions": []}


def test_quotes_and_control_characters_are_left_out_of_the_query(suggestions, db):
    story = ArticlePageFactory(title="Pleegzorg in de wijk")

    answer = suggestions('"pleeg\x00"')

    assert answer["query"] == "pleeg"
    assert titles(answer) == [story.title]


def test_the_query_is_cut_to_100_characters(suggestions, db):
    answer = suggestions("pleegzorg " * 50)

    assert MAX_QUERY_LENGTH == 100
    assert len(answer["query"]) <= MAX_QUERY_LENGTH
    assert answer["query"] == answer["query"].strip()


@pytest.mark.parametrize("query", NASTY_QUERIES, ids=range(len(NASTY_QUERIES)))
def test_any_query_answers_with_json_and_never_an_error(suggestions, db, query):
    ArticlePageFactory(title="Pleegzorg in de wijk")

    answer = suggestions(query)

    assert len(answer["query"]) <= MAX_QUERY_LENGTH
    assert isinstance(answer["suggestions"], list)


def test_answers_may_be_cached_for_a_minute_by_anyone(client, db):
    response = client.get(reverse("search_suggestions"), {"q": "pleeg"})

    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=60"}


def test_only_get_and_head_are_allowed(client, db):
    assert client.post(reverse("search_suggestions"), {"q": "pleeg"}).status_code == 405
    assert client.head(reverse("search_suggestions"), {"q": "pleeg"}).status_code == 200


@pytest.mark.parametrize("stories", [1, 12])
def test_suggestions_cost_two_queries_however_many_stories_match(
    client, db, django_assert_max_num_queries, stories
):
    for number in range(stories):
        (ArticlePageFactory if number % 2 else VlogPageFactory)(title=f"Pleegzorg {number}")
    url = reverse("search_suggestions")
    client.get(url, {"q": "pleegz"})  # warms Wagtail's site cache and the content types

    with django_assert_max_num_queries(2):
        answer = client.get(url, {"q": "pleeg"}).json()

    assert len(answer["suggestions"]) == min(stories, MAX_SUGGESTIONS)
