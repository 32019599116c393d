"""Vergelijkbare praktijkvoorbeelden at the end of a story (stories/similar.py, search/similar.py):
the story most alike first, never the page itself or anything a visitor may not see, at most
four, from the embedded index or from shared taxonomy alone, in a fixed number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.page_cache import new_generation
from search import public_backend
from search.backends.elasticsearch import DutchElasticsearchSearchBackend
from search.backends.opensearch import DutchOpenSearchSearchBackend
from search.similar import similar_scores
from search.tantivy import changes
from stories.models import ArticlePage, StoryPage
from stories.similar import similar_stories
from tests.factories import (
    ArticlePageFactory,
    AudienceFactory,
    ChangeTaskFactory,
    DialogueThreadPageFactory,
    ImageFactory,
    PodcastPageFactory,
    ThemeFactory,
    VlogPageFactory,
    WebinarPageFactory,
)

from .fakes import FakeElasticsearch, FakeOpenSearch, answering

pytestmark = pytest.mark.django_db

HEADING = "Vergelijkbare praktijkvoorbeelden"
SCHOOL = (
    "Ouders, school en leerplicht pakten samen het schoolverzuim van thuiszitters aan. "
    "Elke week een gesprek met de leerplichtambtenaar hielp de thuiszitters terug naar school."
)


@pytest.fixture(params=["engine", "taxonomy"])
def ranking(request, settings, monkeypatch):
    """Each test runs on the embedded index and on the database alone (the public search on
    Wagtail's database backend, whose hook gives no answer)."""
    if request.param == "taxonomy":
        settings.HVDJ_PUBLIC_SEARCH_BACKEND = "default"
    monkeypatch.setattr(public_backend, "_backends", {})
    return request.param


def story(factory=ArticlePageFactory, *, themes=(), change_tasks=(), audiences=(), **fields):
    """A published story with these terms (set before it is published, so indexed with them).
    An article has no body unless given: the factory's is the same for every article."""
    if factory is ArticlePageFactory:
        fields.setdefault("body", [])
    page = factory(live=False, **fields)
    page.themes.set(themes)
    page.change_tasks.set(change_tasks)
    page.audiences.set(audiences)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def shown(client, page):
    """The titles under "Vergelijkbare praktijkvoorbeelden" on `page`, in order."""
    response = client.get(page.url)
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").find(
        "section", attrs={"aria-labelledby": "vergelijkbaar"}
    )
    if section is None:
        assert HEADING not in response.text
        return []
    assert section.find("h2").get_text(strip=True) == HEADING
    return [title.get_text(strip=True) for title in section.select(".card__title")]


@pytest.fixture
def terms(db):
    return {
        "school": ThemeFactory(name="Onderwijs"),
        "foster": ThemeFactory(name="Pleegzorg"),
        "task": ChangeTaskFactory(name="Thuiszitters"),
        "parents": AudienceFactory(name="Ouders"),
    }


def test_the_story_sharing_themes_and_words_comes_first_and_the_page_itself_never(
    client, home, terms, ranking
):
    page = story(
        title="Schoolverzuim samen met ouders aanpakken",
        intro=SCHOOL,
        themes=[terms["school"]],
        change_tasks=[terms["task"]],
    )
    story(title="Koken met pleegkinderen", intro="Een kookclub.", themes=[terms["foster"]])
    story(title="Een theatervoorstelling", intro="Over de wijk.", themes=[terms["school"]])
    story(
        VlogPageFactory,
        title="Thuiszitters terug naar school",
        intro="De leerplichtambtenaar, de ouders en school over schoolverzuim van thuiszitters.",
        themes=[terms["school"]],
        change_tasks=[terms["task"]],
        first_published_at=days_ago(300),
    )

    titles = shown(client, page)

    assert titles[0] == "Thuiszitters terug naar school"
    assert "Een theatervoorstelling" in titles
    assert page.title not in titles
    assert "Koken met pleegkinderen" not in titles


def test_the_taxonomy_ranks_by_shared_terms_then_the_newest(client, home, terms, ranking):
    page = story(
        title="Onze aanpak",
        themes=[terms["school"], terms["foster"]],
        change_tasks=[terms["task"]],
        audiences=[terms["parents"]],
    )
    story(title="Een thema, oud", themes=[terms["school"]], first_published_at=days_ago(90))
    story(title="Een thema, nieuw", themes=[terms["school"]], first_published_at=days_ago(1))
    story(
        PodcastPageFactory,
        title="Alles gedeeld",
        themes=[terms["school"], terms["foster"]],
        change_tasks=[terms["task"]],
        audiences=[terms["parents"]],
        first_published_at=days_ago(400),
    )
    story(title="Alleen de doelgroep", audiences=[terms["parents"]])

    titles = shown(client, page)

    assert titles[0] == "Alles gedeeld"
    assert titles.index("Een thema, nieuw") < titles.index("Een thema, oud")
    if ranking == "taxonomy":
        assert titles == [
            "Alles gedeeld",
            "Een thema, nieuw",
            "Een thema, oud",
            "Alleen de doelgroep",
        ]


def test_at_most_four_and_none_the_visitor_may_not_see(client, home, terms, ranking):
    shared = {"themes": [terms["school"]], "change_tasks": [terms["task"]]}
    page = story(title="Schoolverzuim aanpakken", intro=SCHOOL, **shared)
    visible = [story(title=f"Zichtbaar {n}", intro=SCHOOL, **shared) for n in range(5)]
    draft = ArticlePageFactory(live=False, title="Concept over schoolverzuim", intro=SCHOOL)
    draft.themes.set([terms["school"]])
    draft.save_revision()
    withdrawn = story(title="Ingetrokken over schoolverzuim", intro=SCHOOL, **shared)
    withdrawn.unpublish()
    private = story(title="Alleen voor leden over schoolverzuim", intro=SCHOOL, **shared)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    alias = page.create_alias(update_slug=f"{page.slug}-kopie")
    dialogue = story(DialogueThreadPageFactory, title="Vraag over schoolverzuim", **shared)
    for hidden in (*visible[:4], draft, withdrawn, private, alias, dialogue):
        hidden.refresh_from_db()

    titles = shown(client, page)

    assert len(titles) == 4
    assert set(titles) <= {f"Zichtbaar {n}" for n in range(5)}
    # The other way round: the alias's page shows neither itself nor the page it copies.
    assert page.title not in shown(client, alias)


def test_a_story_without_terms_or_alike_words_shows_no_block(client, home, terms, ranking):
    page = story(title="Iets heel anders", intro="Zeilen op de Waddenzee.")
    story(title="Pleegzorg", intro="Een pleeggezin vertelt.", themes=[terms["foster"]])

    assert shown(client, page) == []


def test_every_story_type_and_a_dialogue_end_with_the_block(client, home):
    factories = (
        ArticlePageFactory,
        VlogPageFactory,
        PodcastPageFactory,
        WebinarPageFactory,
        DialogueThreadPageFactory,
    )
    themes = ThemeFactory.create_batch(len(factories))
    story(title="Het voorbeeld", themes=themes)
    pages = [
        story(factory, themes=[theme]) for factory, theme in zip(factories, themes, strict=True)
    ]

    for page in pages:
        assert "Het voorbeeld" in shown(client, page), type(page).__name__


def test_without_a_built_index_the_taxonomy_answers(client, home, terms, settings, tmp_path):
    page = story(title="Schoolverzuim", themes=[terms["school"]])
    story(title="Gedeeld thema", themes=[terms["school"]])
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "tantivy": {"BACKEND": "search.tantivy.backend", "PATH": str(tmp_path / "missing")},
    }
    public_backend._backends.clear()

    assert shown(client, page) == ["Gedeeld thema"]
    assert not (tmp_path / "missing").exists()  # a story page starts no rebuild


def queries_for(client, page):
    client.get(page.url)  # the renditions, and the index writes of what changed
    new_generation()  # the block (and its cards) found and rendered again, not kept
    with CaptureQueriesContext(connection) as context:
        assert client.get(page.url).status_code == 200
    return len(context.captured_queries)


def test_the_block_is_kept_until_content_changes(client, home, terms, ranking):
    page = story(title="Schoolverzuim aanpakken", intro=SCHOOL, themes=[terms["school"]])
    story(title="Leerplicht en thuiszitters", intro=SCHOOL, themes=[terms["school"]])
    assert shown(client, page) == ["Leerplicht en thuiszitters"]
    with CaptureQueriesContext(connection) as context:
        assert shown(client, page) == ["Leerplicht en thuiszitters"]
    # Kept: no candidates read, no ranking (the page's own terms are read for its topics).
    assert not [
        sql
        for sql in (query["sql"] for query in context.captured_queries)
        if "django_content_type" in sql
    ]

    story(title="Thuiszitters weer naar school", intro=SCHOOL, themes=[terms["school"]])

    assert "Thuiszitters weer naar school" in shown(client, page)


def test_the_block_costs_the_same_queries_for_one_or_four_cards_and_none_without(
    client, home, ranking
):
    themes = ThemeFactory.create_batch(6)
    lonely = story(title="Op het wad", intro="Zeilen op de Waddenzee.")
    page = story(title="Met verwanten", themes=themes[:1])
    one = story(title="Verwant", themes=themes[:1], hero_image=ImageFactory())
    without_block = queries_for(client, lonely)
    with_one = queries_for(client, page)

    page.themes.set(themes)
    page.save_revision().publish()
    one.themes.set(themes)
    one.save_revision().publish()
    for number in range(5):
        story(title=f"Verwant {number}", themes=themes, hero_image=ImageFactory())

    assert len(shown(client, page)) == 4
    with_four = queries_for(client, page)
    # Never more for four cards; one fewer here, as the engine's own candidates fill the block
    # and the taxonomy's are not read.
    assert with_four <= with_one
    # The candidates sharing a term, the cards' query with their images, and their themes
    # (their renditions are kept in the cache); the page's own terms are read once for the
    # block and the "Onderwerpen" list.
    assert with_one - without_block <= 3
    assert similar_stories(lonely) == []


SERVERS = pytest.mark.parametrize(
    ("backend_path", "backend_class", "fake_client"),
    [
        ("search.backends.elasticsearch", DutchElasticsearchSearchBackend, FakeElasticsearch),
        ("search.backends.opensearch", DutchOpenSearchSearchBackend, FakeOpenSearch),
    ],
    ids=["elasticsearch", "opensearch"],
)


@SERVERS
def test_a_search_server_s_more_like_this_comes_first_then_the_taxonomy(
    client, home, terms, monkeypatch, public_search_on, backend_path, backend_class, fake_client
):
    page = story(title="Schoolverzuim aanpakken", intro=SCHOOL, themes=[terms["school"]])
    alike = story(title="Leerplicht en thuiszitters", intro="Over schoolverzuim.")
    shared = story(title="Hetzelfde thema", intro="Iets anders.", themes=[terms["school"]])
    answers = [{"hits": {"hits": [{"fields": {"pk": [str(alike.pk)]}, "_score": 4.2}]}}]
    fake = type("Client", (fake_client,), {"__init__": answering(answers)})
    monkeypatch.setattr(backend_class, "client_class", fake)
    public_search_on(backend_path)

    assert shown(client, page) == [alike.title, shared.title]
    (_index, body), *_ = public_backend.public_backend().es.bodies
    query = body["query"]["bool"]
    (words, theme) = query["should"]
    assert "Schoolverzuim aanpakken" in words["more_like_this"]["like"]
    assert SCHOOL in words["more_like_this"]["like"]
    assert theme["constant_score"]["filter"] == {"term": {"hvdj_themes": terms["school"].pk}}
    assert query["must_not"] == [{"term": {"pk": str(page.pk)}}]
    assert {"term": {"hvdj_live": True}} in query["filter"]
    assert {"term": {"hvdj_public": True}} in query["filter"]


@SERVERS
def test_an_unreachable_search_server_leaves_the_taxonomy_to_answer(
    client, home, terms, closed_port, public_search_on, backend_path, backend_class, fake_client
):
    page = story(title="Schoolverzuim aanpakken", themes=[terms["school"]])
    story(title="Hetzelfde thema", themes=[terms["school"]])
    public_search_on(backend_path, [f"http://127.0.0.1:{closed_port}"])

    assert shown(client, page) == ["Hetzelfde thema"]


def test_a_preview_of_a_page_not_saved_yet_ranks_by_the_terms_it_was_given(home, terms):
    shared = story(title="Hetzelfde thema", themes=[terms["school"]])
    story(title="Ander thema", themes=[terms["foster"]])
    unsaved = ArticlePage(title="Nieuw", intro="Nog niet opgeslagen.", themes=[terms["school"]])

    assert [found.pk for found in similar_stories(unsaved, prefetch_terms=False)] == [shared.pk]


def test_every_demo_story_shows_similar_practice_examples(client, demo):
    for page in StoryPage.objects.live().specific().order_by("path"):
        titles = shown(client, page)
        assert 1 <= len(titles) <= 4, page.title
        assert page.title not in titles


def test_the_engine_finds_stories_sharing_a_word_and_adds_their_shared_terms(
    home, terms, monkeypatch
):
    """The embedded index's more-like-this: the stories sharing one of the page's telling words
    (a theme is on a fifth of all stories: scoring them all was most of the search), ranked
    higher when they share a term as well. When fewer than asked for share a word, or the page
    has no telling words, words and terms are looked for alike."""
    monkeypatch.setattr(public_backend, "_backends", {})
    page = story(title="Schoolverzuim aanpakken", intro=SCHOOL, themes=[terms["school"]])
    with_theme = story(title="Uit Utrecht", intro=SCHOOL, themes=[terms["school"]])
    without_theme = story(title="Uit Zwolle", intro=SCHOOL)
    theme_only = story(title="Een theatervoorstelling", themes=[terms["school"]])
    wordless = story(title="Zz", intro="Zz", themes=[terms["school"]])
    changes.apply_recorded()  # the commit a test never makes

    def scores(of, limit):
        school = {"themes": [terms["school"].pk]}
        return similar_scores(of, terms=school, models=[ArticlePage], limit=limit)

    two = scores(page, 2)
    assert list(two) == [with_theme.pk, without_theme.pk]
    assert two[with_theme.pk] > two[without_theme.pk] > 0
    more = scores(page, 12)
    assert set(more) == {with_theme.pk, without_theme.pk, theme_only.pk, wordless.pk}
    assert more[without_theme.pk] > more[theme_only.pk] > 0
    assert {theme_only.pk, with_theme.pk, page.pk} <= set(scores(wordless, 12))


def test_when_enough_stories_share_a_word_one_sharing_only_terms_is_not_looked_at(
    home, terms, monkeypatch
):
    monkeypatch.setattr(public_backend, "_backends", {})
    all_terms = {"themes": [terms["school"]], "change_tasks": [terms["task"]]}
    all_terms["audiences"] = [terms["parents"]]
    page = story(title="Schoolverzuim aanpakken", intro=SCHOOL, **all_terms)
    one_word = story(title="Uit Zwolle", intro="Een verhaal over de leerplichtambtenaar.")
    only_terms = story(title="Een theatervoorstelling", intro="Over de wijk.", **all_terms)
    changes.apply_recorded()  # the commit a test never makes
    pks = {field: [term.pk for term in chosen] for field, chosen in all_terms.items()}

    def best(limit):
        return similar_scores(page, terms=pks, models=[ArticlePage], limit=limit)

    assert list(best(1)) == [one_word.pk]
    assert list(best(2)) == [only_terms.pk, one_word.pk]  # too few share a word: both count
