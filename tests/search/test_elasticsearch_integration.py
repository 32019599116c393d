"""Searching a real Elasticsearch (or OpenSearch) with the Dutch analysis and the public search's
semantics (public_search): runs when ELASTICSEARCH_URL is set.

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

pytestmark = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="set ELASTICSEARCH_URL to run the Elasticsearch integration tests",
)


@pytest.fixture
def elasticsearch(db):
    """The Dutch Elasticsearch backend as the default backend, on indexes of this test only."""
    prefix = f"hartvoordejeugd_test_{uuid.uuid4().hex[:8]}_"
    backends = {
        "default": {
            "BACKEND": "search.backends",
            "URLS": [os.environ["ELASTICSEARCH_URL"]],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 30,
            "ATOMIC_REBUILD": False,
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
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


def test_the_backend_in_use_is_the_dutch_elasticsearch_backend(elasticsearch):
    assert type(elasticsearch).__module__ == "search.backends"


def test_dutch_stemming_finds_other_forms_of_a_word(elasticsearch):
    story = ArticlePageFactory(title="Na de uithuisplaatsing", intro="Hoe het gezin verderging.")
    ArticlePageFactory(title="Een dag in het wijkteam", intro="Over koffie en huisbezoeken.")
    rebuild_index()

    assert search(elasticsearch, "uithuisplaatsingen") == [story.pk]
    assert search(elasticsearch, "Uithuisplaatsing") == [story.pk]


def test_dutch_stop_words_do_not_have_to_match(elasticsearch):
    story = ArticlePageFactory(title="Pleegzorg in de praktijk")
    rebuild_index()

    assert search(elasticsearch, "pleegzorg en de praktijk") == [story.pk]


def test_a_synonym_finds_stories_that_use_the_other_term(elasticsearch):
    SynonymGroup.objects.get_or_create(terms="ggz, geestelijke gezondheidszorg")
    long_form = ArticlePageFactory(title="Wachten op geestelijke gezondheidszorg")
    short_form = VlogPageFactory(title="Mijn weg door de GGZ")
    ArticlePageFactory(title="Een dag in het wijkteam")
    rebuild_index()

    assert set(search(elasticsearch, "GGZ")) == {long_form.pk, short_form.pk}
    assert set(search(elasticsearch, "geestelijke gezondheidszorg")) == {
        long_form.pk,
        short_form.pk,
    }


def test_a_new_synonym_group_counts_after_update_index(elasticsearch):
    SynonymGroup.objects.filter(terms__contains="kinderopvang").delete()
    story = ArticlePageFactory(title="De creche om de hoek")
    rebuild_index()
    assert search(elasticsearch, "kinderopvang") == []

    SynonymGroup.objects.create(terms="kinderopvang, creche")
    rebuild_index()

    assert search(elasticsearch, "kinderopvang") == [story.pk]


def test_only_live_public_stories_are_found(elasticsearch):
    ArticlePageFactory(title="Pleegzorg als concept", live=False)
    private = ArticlePageFactory(title="Pleegzorg achter een wachtwoord")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    public = ArticlePageFactory(title="Pleegzorg voor iedereen")
    rebuild_index()

    assert search(elasticsearch, "pleegzorg") == [public.pk]


def test_the_search_page_finds_through_elasticsearch(elasticsearch, client):
    story = ArticlePageFactory(title="Na de uithuisplaatsing")
    rebuild_index()

    response = client.get("/zoeken/", {"q": "uithuisplaatsingen"})

    assert response.status_code == 200
    assert [found.pk for found in response.context["results"]] == [story.pk]


def test_autocomplete_suggests_titles_through_elasticsearch(elasticsearch, client):
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


def test_all_words_first_then_most_words_ranked_by_how_many(elasticsearch):
    both = ArticlePageFactory(title="Opvoedhulp", intro="Pleegzorg en een wijkteam.")
    one = ArticlePageFactory(title="Een gesprek", intro="Over pleegzorg.")
    ArticlePageFactory(title="Een dag op kantoor")
    rebuild_index()

    a_page_of_all_words = stories(elasticsearch, "pleegzorg wijkteam", limit=1)
    most_words = stories(elasticsearch, "pleegzorg wijkteam kwam")

    assert (a_page_of_all_words.ids, a_page_of_all_words.partial_match) == ([both.pk], False)
    assert (most_words.ids, most_words.partial_match) == ([both.pk, one.pk], True)


def test_a_title_match_outranks_body_only_matches_whatever_the_title_s_length(elasticsearch):
    long_title = ArticlePageFactory(
        title="Wat we leerden over de wachtlijst in een lang jaar vol gesprekken en twijfel"
    )
    ArticlePageFactory(title="Een dag", intro="Wachtlijst wachtlijst wachtlijst wachtlijst.")
    rebuild_index()

    assert stories(elasticsearch, "wachtlijst").ids[0] == long_title.pk


def test_synonyms_apply_after_stemming_both_ways(elasticsearch):
    SynonymGroup.objects.get_or_create(terms="pleegouder, gastouder")
    gastouders = ArticlePageFactory(title="Het leven van gastouders")
    pleegouders = ArticlePageFactory(title="Drie pleegouders vertellen")
    rebuild_index()

    assert set(search(elasticsearch, "pleegouders")) == {gastouders.pk, pleegouders.pk}
    assert set(search(elasticsearch, "gastouder")) == {gastouders.pk, pleegouders.pk}


def test_soft_hyphens_zero_width_characters_and_decomposed_letters_still_match(elasticsearch):
    story = ArticlePageFactory(title="Een idee voor de crèche")
    rebuild_index()

    assert stories(elasticsearch, "cre\u0300che").ids == [story.pk]
    assert stories(elasticsearch, "cr\u00adeche").ids == [story.pk]
    assert stories(elasticsearch, "cre\u200bche").ids == [story.pk]


def test_a_query_of_only_stop_words_says_so(elasticsearch):
    ArticlePageFactory(title="De wijk en het gezin")
    rebuild_index()

    hits = stories(elasticsearch, "de en het")

    assert (hits.ids, hits.only_stop_words) == ([], True)


def test_every_facet_value_is_counted_under_the_other_filters(elasticsearch):
    themes = ThemeFactory.create_batch(12)
    for theme in themes:
        story = ArticlePageFactory(title=f"Pleegzorg {theme.name}")
        story.themes.add(theme)
        story.save()
    rebuild_index()

    hits = stories(
        elasticsearch, "pleegzorg", filters={"themes": [themes[0].pk]}, facets=("themes",)
    )

    assert hits.total == 1
    assert hits.facets["themes"] == {theme.pk: 1 for theme in themes}


def test_drafts_and_private_stories_stay_out_of_the_public_search(elasticsearch):
    ArticlePageFactory(title="Pleegzorg als concept", live=False)
    private = ArticlePageFactory(title="Pleegzorg achter een wachtwoord")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    public = ArticlePageFactory(title="Pleegzorg voor iedereen")
    rebuild_index()

    assert stories(elasticsearch, "pleegzorg").ids == [public.pk]


def test_a_word_is_found_inside_a_compound_by_the_most_words_query(elasticsearch):
    story = ArticlePageFactory(title="Aanpak van schoolverzuim")
    ArticlePageFactory(title="Een dag in het wijkteam")
    rebuild_index()

    hits = stories(elasticsearch, "verzuim aanpak")

    assert hits.ids == [story.pk]


def test_a_form_of_an_irregular_verb_finds_the_others(elasticsearch):
    story = ArticlePageFactory(title="Hoe we samen verder kwamen")
    rebuild_index()

    assert stories(elasticsearch, "komen").ids == [story.pk]
