import pytest

from tests.factories import (
    ArticlePageFactory,
    DialogueThreadPageFactory,
    PodcastPageFactory,
    VlogPageFactory,
    WebinarPageFactory,
)

STORY_FACTORIES = [
    ArticlePageFactory,
    VlogPageFactory,
    PodcastPageFactory,
    WebinarPageFactory,
    DialogueThreadPageFactory,
]


def found(response):
    return [story.pk for story in response.context["results"]]


def test_the_search_page_without_a_query_shows_only_the_form(client, db):
    response = client.get("/zoeken/")

    assert response.status_code == 200
    assert response.context["results"] is None
    assert 'name="q"' in response.content.decode()


@pytest.mark.parametrize("factory", STORY_FACTORIES, ids=lambda f: f._meta.model.__name__)
def test_search_finds_every_type_of_story_by_a_word_in_its_title(client, db, factory):
    story = factory(title="Een zonnebloem in de wijk")
    factory(title="Iets heel anders")

    response = client.get("/zoeken/", {"q": "zonnebloem"})

    assert response.status_code == 200
    assert found(response) == [story.pk]
    assert story.title in response.content.decode()


def test_search_finds_a_story_by_a_word_in_its_intro(client, db):
    story = ArticlePageFactory(intro="Hoe een gezinshuis het verschil maakte.")

    response = client.get("/zoeken/", {"q": "gezinshuis"})

    assert found(response) == [story.pk]


def test_stories_with_every_word_come_first_then_those_with_most_words_and_the_page_says_so(
    client, db, embedded_search
):
    both = ArticlePageFactory(title="Pleegzorg in het wijkteam")
    one = ArticlePageFactory(title="Pleegzorg in de regio")
    ArticlePageFactory(title="Iets heel anders")

    response = client.get("/zoeken/", {"q": "pleegzorg wijkteam"})

    assert found(response) == [both.pk, one.pk]
    assert response.context["partial_match"] is True
    assert "Resultaten met een deel van je zoekwoorden" in response.content.decode()


def test_when_every_word_finds_a_full_page_only_those_are_shown(client, db, settings):
    settings.HVDJ_PAGE_SIZE = 2
    both = [ArticlePageFactory(title=f"Pleegzorg in het wijkteam {n}") for n in range(3)]
    ArticlePageFactory(title="Pleegzorg in de regio")

    response = client.get("/zoeken/", {"q": "pleegzorg wijkteam"})

    assert response.context["results"].paginator.count == len(both)
    assert not response.context["partial_match"]
    assert "deel van je zoekwoorden" not in response.content.decode()


def test_search_does_not_find_drafts(client, db):
    ArticlePageFactory(title="Een geheim concept over pleegzorg", live=False)

    response = client.get("/zoeken/", {"q": "concept"})

    assert found(response) == []
    assert "We hebben niets gevonden." in response.content.decode()


def test_a_very_long_query_is_cut_to_200_characters(client, db):
    response = client.get("/zoeken/", {"q": "jeugdhulp " * 100})

    assert response.status_code == 200
    assert len(response.context["query"]) <= 200


def test_search_results_are_paginated_with_pagina(client, db):
    ArticlePageFactory.create_batch(13, intro="Over de wachtlijst in de jeugdzorg.")

    first = client.get("/zoeken/", {"q": "wachtlijst"})
    second = client.get("/zoeken/", {"q": "wachtlijst", "pagina": 2})

    assert len(found(first)) == 12
    assert len(found(second)) == 1
    assert set(found(first)).isdisjoint(found(second))


def test_search_matches_other_forms_of_a_dutch_word_on_every_database(client, db, embedded_search):
    story = ArticlePageFactory(title="Pleegouders vertellen over hun pleegkinderen")

    response = client.get("/zoeken/", {"q": "pleegouder"})

    assert found(response) == [story.pk]


@pytest.mark.parametrize(
    "query",
    ['"', '"pleegzorg', "\x00", "AND", "OR (", "((((", "*", "pleeg*", "NEAR(a b)", "a:b", "^", "-"]
    + ["😀", "x" * 500, "pleegzorg\nwijkteam"],
)
def test_any_query_answers_without_an_error(client, db, query):
    ArticlePageFactory(title="Pleegzorg in de wijk")

    response = client.get("/zoeken/", {"q": query})

    assert response.status_code == 200
    assert len(response.context["query"]) <= 200
