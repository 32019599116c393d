"""Searching a real Elasticsearch and a real OpenSearch with the Dutch analysis and the public
search's semantics (public_search): every test runs once on Elasticsearch when ELASTICSEARCH_URL
is set, and once on OpenSearch when OPENSEARCH_URL is set.

Each test builds indexes of its own (a random prefix) with `update_index` and removes them.
"""

import os
import uuid

import pytest
from django.test import override_settings
from modelsearch.backends import get_search_backend
from wagtail.models import PageViewRestriction

from search.models import SynonymGroup
from stories.models import StoryPage
from tests.factories import ArticlePageFactory, ThemeFactory, VlogPageFactory
from tests.utils import run_command


def server(backend, variable, name):
    """One search server to run every test on, skipped when `variable` does not point at one."""
    return pytest.param(
        (backend, variable),
        id=name.lower(),
        marks=pytest.mark.skipif(
            not os.environ.get(variable),
            reason=f"set {variable} to run the {name} integration tests",
        ),
    )


@pytest.fixture(
    params=[
        server("search.backends.elasticsearch", "ELASTICSEARCH_URL", "Elasticsearch"),
        server("search.backends.opensearch", "OPENSEARCH_URL", "OpenSearch"),
    ]
)
def search_server(request, db):
    """The Dutch Elasticsearch or OpenSearch backend as the default backend, on indexes of this
    test only."""
    backend_path, variable = request.param
    prefix = f"hartvoordejeugd_test_{uuid.uuid4().hex[:8]}_"
    backends = {
        "default": {
            "BACKEND": backend_path,
            "URLS": [os.environ[variable]],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 30,
            "ATOMIC_REBUILD": False,
        }
    }
    # The search pages too (the test settings give them the embedded index).
    with override_settings(WAGTAILSEARCH_BACKENDS=backends, HVDJ_PUBLIC_SEARCH_BACKEND="default"):
        backend = get_search_backend()
        yield backend
        # Deleting by wildcard is refused by default (action.destructive_requires_name).
        for name in backend.es.indices.get(index=f"{prefix}*"):
            backend.es.indices.delete(index=name)


def rebuild_index():
    run_command("update_index")


def search(backend, query):
    """The ids of the stories that the backend finds for `query`, by its analyzer alone: the
    search page's query-time synonyms are left out."""
    stories = backend.search(query, StoryPage.objects.live().public(), operator="and")
    return [story.pk for story in stories]


def test_the_backend_in_use_is_the_dutch_backend_of_the_server(search_server, settings):
    assert type(search_server).__module__ == settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]


def test_dutch_stemming_finds_other_forms_of_a_word(search_server):
    story = ArticlePageFactory(title="Na de uithuisplaatsing", intro="Hoe het gezin verderging.")
    ArticlePageFactory(title="Een dag in het wijkteam", intro="Over koffie en huisbezoeken.")
    rebuild_index()

    assert search(search_server, "uithuisplaatsingen") == [story.pk]
    assert search(search_server, "Uithuisplaatsing") == [story.pk]


def test_dutch_stop_words_do_not_have_to_match(search_server):
    story = ArticlePageFactory(title="Pleegzorg in de praktijk")
    rebuild_index()

    assert search(search_server, "pleegzorg en de praktijk") == [story.pk]


def test_a_synonym_finds_stories_that_use_the_other_term(search_server):
    SynonymGroup.objects.get_or_create(terms="ggz, geestelijke gezondheidszorg")
    long_form = ArticlePageFactory(title="Wachten op geestelijke gezondheidszorg")
    short_form = VlogPageFactory(title="Mijn weg door de GGZ")
    ArticlePageFactory(title="Een dag in het wijkteam")
    rebuild_index()

    assert set(search(search_server, "GGZ")) == {long_form.pk, short_form.pk}
    assert set(search(search_server, "geestelijke gezondheidszorg")) == {
        long_form.pk,
        short_form.pk,
    }


def test_a_new_synonym_group_counts_after_update_index(search_server):
    SynonymGroup.objects.filter(terms__contains="kinderopvang").delete()
    story = ArticlePageFactory(title="De creche om de hoek")
    rebuild_index()
    assert search(search_server, "kinderopvang") == []

    SynonymGroup.objects.create(terms="kinderopvang, creche")
    rebuild_index()

    assert search(search_server, "kinderopvang") == [story.pk]


def test_only_live_public_stories_are_found(search_server):
    ArticlePageFactory(title="Pleegzorg als concept", live=False)
    private = ArticlePageFactory(title="Pleegzorg achter een wachtwoord")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    public = ArticlePageFactory(title="Pleegzorg voor iedereen")
    rebuild_index()

    assert search(search_server, "pleegzorg") == [public.pk]


def test_the_search_page_finds_through_the_server(search_server, client):
    story = ArticlePageFactory(title="Na de uithuisplaatsing")
    rebuild_index()

    response = client.get("/zoeken/", {"q": "uithuisplaatsingen"})

    assert response.status_code == 200
    assert [found.pk for found in response.context["results"]] == [story.pk]


def test_autocomplete_suggests_titles_through_the_server(search_server, client):
    story = ArticlePageFactory(title="Pleegzorg in de wijk")
    ArticlePageFactory(title="Pleegzorg als concept", live=False)
    ArticlePageFactory(title="Een dag in het wijkteam")
    rebuild_index()

    response = client.get("/zoeken/suggesties/", {"q": "pleeg"})

    assert response.json()["suggestions"] == [
        {"title": story.title, "url": story.url, "type": "Artikel"}
    ]


# --- The public search's semantics (public_search), as on the tantivy side --------------------


def stories(backend, query, **options):
    return backend.public_search(query, synonyms=[], **options)


def test_all_words_first_then_most_words_ranked_by_how_many(search_server):
    both = ArticlePageFactory(title="Opvoedhulp", intro="Pleegzorg en een wijkteam.")
    one = ArticlePageFactory(title="Een gesprek", intro="Over pleegzorg.")
    ArticlePageFactory(title="Een dag op kantoor")
    rebuild_index()

    a_page_of_all_words = stories(search_server, "pleegzorg wijkteam", limit=1)
    most_words = stories(search_server, "pleegzorg wijkteam kwam")

    assert (a_page_of_all_words.ids, a_page_of_all_words.partial_match) == ([both.pk], False)
    assert (most_words.ids, most_words.partial_match) == ([both.pk, one.pk], True)


def test_a_title_match_outranks_body_only_matches_whatever_the_title_s_length(search_server):
    long_title = ArticlePageFactory(
        title="Wat we leerden over de wachtlijst in een lang jaar vol gesprekken en twijfel"
    )
    ArticlePageFactory(title="Een dag", intro="Wachtlijst wachtlijst wachtlijst wachtlijst.")
    rebuild_index()

    assert stories(search_server, "wachtlijst").ids[0] == long_title.pk


def test_synonyms_apply_after_stemming_both_ways(search_server):
    SynonymGroup.objects.get_or_create(terms="pleegouder, gastouder")
    gastouders = ArticlePageFactory(title="Het leven van gastouders")
    pleegouders = ArticlePageFactory(title="Drie pleegouders vertellen")
    rebuild_index()

    assert set(search(search_server, "pleegouders")) == {gastouders.pk, pleegouders.pk}
    assert set(search(search_server, "gastouder")) == {gastouders.pk, pleegouders.pk}


def test_soft_hyphens_zero_width_characters_and_decomposed_letters_still_match(search_server):
    story = ArticlePageFactory(title="Een idee voor de crèche")
    rebuild_index()

    assert stories(search_server, "cre\u0300che").ids == [story.pk]
    assert stories(search_server, "cr\u00adeche").ids == [story.pk]
    assert stories(search_server, "cre\u200bche").ids == [story.pk]


def test_a_query_of_only_stop_words_says_so(search_server):
    ArticlePageFactory(title="De wijk en het gezin")
    rebuild_index()

    hits = stories(search_server, "de en het")

    assert (hits.ids, hits.only_stop_words) == ([], True)


def test_every_facet_value_is_counted_under_the_other_filters(search_server):
    themes = ThemeFactory.create_batch(12)
    for theme in themes:
        story = ArticlePageFactory(title=f"Pleegzorg {theme.name}")
        story.themes.add(theme)
        story.save()
    rebuild_index()

    hits = stories(
        search_server, "pleegzorg", filters={"themes": [themes[0].pk]}, facets=("themes",)
    )

    assert hits.total == 1
    assert hits.facets["themes"] == {theme.pk: 1 for theme in themes}


def test_drafts_and_private_stories_stay_out_of_the_public_search(search_server):
    ArticlePageFactory(title="Pleegzorg als concept", live=False)
    private = ArticlePageFactory(title="Pleegzorg achter een wachtwoord")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    public = ArticlePageFactory(title="Pleegzorg voor iedereen")
    rebuild_index()

    assert stories(search_server, "pleegzorg").ids == [public.pk]


def test_a_word_is_found_inside_a_compound_by_the_most_words_query(search_server):
    story = ArticlePageFactory(title="Aanpak van schoolverzuim")
    ArticlePageFactory(title="Een dag in het wijkteam")
    rebuild_index()

    hits = stories(search_server, "verzuim aanpak")

    assert hits.ids == [story.pk]


def test_a_form_of_an_irregular_verb_finds_the_others(search_server):
    story = ArticlePageFactory(title="Hoe we samen verder kwamen")
    rebuild_index()

    assert stories(search_server, "komen").ids == [story.pk]
