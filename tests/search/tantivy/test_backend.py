"""The tantivy backend inside Wagtail: update_index, signals on publish/unpublish/delete,
batches with a fixed number of queries, the writer lock, synonyms as the redactie edits them."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from dialogues.moderation import approve_reply
from dialogues.replies import post_reply
from search.models import IndexChange, SynonymGroup
from search.tantivy.backend import TantivySearchBackend
from search.tantivy.documents import documents
from search.tantivy.index import forget
from stories.models import ArticlePage, StoryPage
from tests.dialogues.conftest import verified
from tests.factories import (
    ArticlePageFactory,
    AudienceFactory,
    ContributorFactory,
    DialogueThreadPageFactory,
    RegionFactory,
    ThemeFactory,
    VlogPageFactory,
)

pytestmark = pytest.mark.django_db

DATABASE_BACKEND = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}


@pytest.fixture
def index_dir(tmp_path):
    path = tmp_path / "search-index"
    yield path
    forget(path)


def configure(settings, index_dir):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": DATABASE_BACKEND,
        "tantivy": {"BACKEND": "search.tantivy.backend", "PATH": str(index_dir)},
    }
    return get_search_backend("tantivy")


@pytest.fixture
def backend(settings, index_dir, home):
    """The tantivy backend configured next to the database one: Wagtail's signals feed it."""
    return configure(settings, index_dir)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit(): ...` runs what the block left for after the commit (the index writes),
    as the end of a request's transaction does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def found(backend, query, **options):
    return backend.search_stories(query, **options).ids


def tagged(factory, *, themes=(), regions=(), audiences=(), **fields):
    story = factory(**fields)
    story.themes.set(themes)
    story.regions.set(regions)
    story.audiences.set(audiences)
    story.save_revision().publish()
    return story


def test_update_index_builds_the_index_in_the_configured_directory(settings, index_dir, home):
    theme = ThemeFactory(name="Pleegzorg")
    story = tagged(ArticlePageFactory, title="Een pleeggezin in Drenthe", themes=[theme])
    vlog = VlogPageFactory(title="Vlog over wijkteams", transcript="We praten over buurtvaders.")
    assert not index_dir.exists()

    backend = configure(settings, index_dir)
    call_command("update_index", backend_name="tantivy", verbosity=0)

    assert index_dir.is_dir()
    assert found(backend, "pleeggezinnen") == [story.pk]
    # The transcript and the theme's name are searchable too.
    assert found(backend, "buurtvader") == [vlog.pk]
    assert found(backend, "pleegzorg", synonyms=[]) == [story.pk]
    hits = backend.search_stories("", facets=("themes", "type"))
    assert hits.total == 2
    assert hits.facets["themes"] == {theme.pk: 1}


def test_update_index_again_replaces_the_index_without_doubles(settings, index_dir, home):
    story = ArticlePageFactory(title="Respijtzorg voor ouders")
    backend = configure(settings, index_dir)

    call_command("update_index", backend_name="tantivy", verbosity=0)
    call_command("update_index", backend_name="tantivy", verbosity=0)

    assert backend.search_stories("respijtzorg").ids == [story.pk]
    assert backend.search_stories("respijtzorg").total == 1


def test_publishing_adds_a_story_and_a_new_revision_replaces_it(backend, commit):
    with commit():
        story = ArticlePageFactory(title="Gezinscoaches in Zwolle")
    assert found(backend, "gezinscoach") == [story.pk]

    story.title = "Buurtcoaches in Zwolle"
    with commit():
        story.save_revision().publish()

    assert found(backend, "gezinscoach") == []
    assert found(backend, "buurtcoach") == [story.pk]
    assert backend.search_stories("zwolle").total == 1


def test_nothing_reaches_the_index_before_the_transaction_commits(backend, commit):
    with commit():
        story = ArticlePageFactory(title="Sportcoaches in Almelo")
        assert found(backend, "sportcoach") == []

    assert found(backend, "sportcoach") == [story.pk]


def test_unpublishing_takes_a_story_out_of_the_public_search(backend, commit):
    with commit():
        story = ArticlePageFactory(title="Jongerenwerk in Deventer")
    assert found(backend, "jongerenwerk") == [story.pk]

    with commit():
        story.unpublish()

    assert found(backend, "jongerenwerk") == []
    assert found(backend, "jongerenwerk", public_only=False) == [story.pk]


def test_a_draft_is_not_found_by_the_public_search(backend, commit):
    with commit():
        draft = ArticlePageFactory(title="Conceptverhaal over straathoekwerk", live=False)

    assert found(backend, "straathoekwerk") == []
    assert found(backend, "straathoekwerk", public_only=False) == [draft.pk]


def test_deleting_a_story_removes_it_from_the_index(backend, commit):
    with commit():
        story = ArticlePageFactory(title="Huiswerkbegeleiding in de bibliotheek")
    assert found(backend, "huiswerkbegeleiding") == [story.pk]

    with commit():
        story.delete()

    assert found(backend, "huiswerkbegeleiding", public_only=False) == []


def test_a_story_behind_a_view_restriction_is_not_public_once_reindexed(backend, commit):
    with commit():
        story = ArticlePageFactory(title="Intervisie voor jeugdprofessionals")
        PageViewRestriction.objects.create(page=story, restriction_type="login")
        story.save_revision().publish()

    assert found(backend, "intervisie") == []
    assert found(backend, "intervisie", public_only=False) == [story.pk]


def test_filters_and_facets_use_the_taxonomy_of_the_stories(backend, commit):
    drenthe, utrecht = RegionFactory(name="Drenthe"), RegionFactory(name="Utrecht")
    theme, ouders = ThemeFactory(name="Wijkteams"), AudienceFactory(name="Ouders")
    with commit():
        first = tagged(ArticlePageFactory, title="Wijkteam A", regions=[drenthe], themes=[theme])
        tagged(ArticlePageFactory, title="Wijkteam B", regions=[utrecht], audiences=[ouders])
        tagged(VlogPageFactory, title="Wijkteam C", regions=[drenthe], audiences=[ouders])

    hits = backend.search_stories(
        "wijkteam", filters={"regions": [drenthe.pk]}, facets=("regions", "audiences", "type")
    )

    assert hits.total == 2
    assert hits.facets["regions"] == {drenthe.pk: 2, utrecht.pk: 1}
    assert hits.facets["audiences"] == {ouders.pk: 1}
    article_type = ArticlePage.objects.get(pk=first.pk).content_type_id
    assert hits.facets["type"][article_type] == 1


def test_a_batch_of_stories_costs_the_same_number_of_queries_whatever_its_size(home):
    themes = [ThemeFactory() for _ in range(3)]
    for number in range(6):
        tagged(ArticlePageFactory, title=f"Verhaal {number}", themes=themes)
    pages = list(ArticlePage.objects.order_by("pk"))

    with CaptureQueriesContext(connection) as two:
        documents(pages[:2])
    with CaptureQueriesContext(connection) as six:
        documents(pages)

    assert len(six) == len(two) <= 7


def test_while_the_writer_lock_is_held_a_publish_succeeds_and_its_update_waits(backend, commit):
    held = backend.index.writer(heap_size=15_000_000, num_threads=1)
    try:
        with commit():
            story = ArticlePageFactory(title="Schuldhulp voor jongeren")
    finally:
        held.rollback()
        held.wait_merging_threads()

    assert IndexChange.objects.filter(page_id=story.pk).exists()
    assert found(backend, "schuldhulp") == []

    # This process's next write takes the waiting page along.
    with commit():
        other = ArticlePageFactory(title="Schuldhulp voor ouders")
    assert set(found(backend, "schuldhulp")) == {story.pk, other.pk}


def test_a_new_synonym_group_counts_at_once(backend, commit):
    with commit():
        story = ArticlePageFactory(title="Het buurtteam aan de keukentafel")
    assert found(backend, "keukentafelteams") == []

    SynonymGroup.objects.create(terms="keukentafelteam, buurtteam")

    # The plural of a term of the group finds the other term.
    assert found(backend, "keukentafelteams") == [story.pk]


def test_the_backend_answers_wagtail_searches_in_its_own_order(backend, commit):
    with commit():
        short = ArticlePageFactory(title="Time-out", intro="Over een time-out in het gezin.")
        titled = ArticlePageFactory(title="Gezin", intro="Wat een gezin nodig heeft.")

    results = backend.search("gezin", StoryPage.objects.live())

    assert backend.search("gezin", StoryPage.objects.live()).count() == 2
    assert [page.pk for page in results] == [titled.pk, short.pk]
    assert [page.pk for page in results[1:]] == [short.pk]
    assert not results.partial_match
    assert backend.search("gezin kwijtschelding", StoryPage.objects.live()).partial_match
    assert backend.search("de het een", StoryPage.objects.live()).only_stop_words


def test_visible_replies_are_searchable_and_held_ones_are_not(backend, commit, editor):
    member = verified(ContributorFactory())
    with commit():
        thread = DialogueThreadPageFactory(title="Hoe vind je een goede gastouder?")
        post_reply(thread=thread, member=editor, text="Het keukentafelgesprek hielp ons enorm.")
        held = post_reply(thread=thread, member=member, text="Over de zwemvereniging.")

    assert found(backend, "keukentafelgesprekken") == [thread.pk]
    assert found(backend, "zwemvereniging") == []

    with commit():
        approve_reply(reply=held, editor=editor)

    assert found(backend, "zwemvereniging") == [thread.pk]


def test_the_index_directory_defaults_to_the_setting(settings, tmp_path):
    settings.HVDJ_SEARCH_INDEX_DIR = tmp_path / "elders"

    assert TantivySearchBackend({}).path == tmp_path / "elders"
