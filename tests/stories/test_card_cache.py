"""Story cards kept as HTML (core/fragments.py, stories/cards.py): never stale, never private,
and a page whose cards are all kept skips their images, renditions and themes."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.fragments import cached_fragments
from core.page_cache import current_generation, new_generation
from dialogues.models import ThreadActivity
from stories.models import SafeImage
from stories.models.images import prefetch_kept_renditions
from stories.renditions import CARD_SPECS
from tests.factories import (
    ArticlePageFactory,
    DialogueThreadPageFactory,
    ImageFactory,
    ThemeFactory,
    WebinarPageFactory,
)

pytestmark = pytest.mark.django_db
LISTINGS = ["/", "/verhalen/"]


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        html_of(client, url)
    return [query["sql"] for query in context.captured_queries]


def tables_read(queries, *names):
    return {name for name in names for sql in queries if f'"{name}"' in sql}


@pytest.fixture
def story(home):
    return ArticlePageFactory(
        title="Samen aan tafel", themes=[ThemeFactory(name="Pleegzorg")], hero_image=ImageFactory()
    )


@pytest.mark.parametrize("url", LISTINGS)
def test_a_new_title_shows_at_once_after_publishing(client, story, url):
    assert "Samen aan tafel" in html_of(client, url)

    story.title = "Samen om de keukentafel"
    story.save_revision().publish()

    html = html_of(client, url)
    assert "Samen om de keukentafel" in html
    assert "Samen aan tafel" not in html


@pytest.mark.parametrize("url", LISTINGS)
def test_an_unpublished_story_leaves_the_listing_at_once(client, story, url):
    assert "Samen aan tafel" in html_of(client, url)

    story.unpublish()

    assert "Samen aan tafel" not in html_of(client, url)


@pytest.mark.parametrize("url", LISTINGS)
def test_a_renamed_theme_shows_on_the_cards_at_once(client, story, url):
    assert "Pleegzorg" in html_of(client, url)

    theme = story.themes.get()
    theme.name = "Pleegzorg en gezinshuizen"
    theme.save()

    assert "Pleegzorg en gezinshuizen" in html_of(client, url)


def test_a_restricted_story_is_never_a_card_not_even_after_a_member_saw_the_listing(
    client, home, member
):
    ArticlePageFactory(title="Voor iedereen")
    private = ArticlePageFactory(title="Alleen voor leden")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    client.force_login(member)
    for url in LISTINGS:
        assert "Alleen voor leden" not in html_of(client, url)
    assert "Alleen voor leden" in html_of(client, private.url)  # the member may read it
    client.logout()

    for url in LISTINGS:
        html = html_of(client, url)
        assert "Voor iedereen" in html
        assert "Alleen voor leden" not in html


def test_every_card_kind_looks_the_same_from_the_cache(client, home):
    ArticlePageFactory(title="Een artikel", hero_image=ImageFactory())
    WebinarPageFactory(title="Een webinar")
    DialogueThreadPageFactory(title="Een dialoog")
    for url in ["/", "/verhalen/", "/webinars/", "/dialogen/"]:
        rendered = html_of(client, url)
        assert html_of(client, url) == rendered


def test_a_page_whose_cards_are_all_kept_skips_their_queries(client, home):
    themes = ThemeFactory.create_batch(2)
    for number in range(4):
        ArticlePageFactory(title=f"Verhaal {number}", themes=themes, hero_image=ImageFactory())
    html_of(client, "/verhalen/")  # the renditions, made once
    new_generation()  # every card out of date: all are rendered again
    cold = queries_for(client, "/verhalen/")
    warm = queries_for(client, "/verhalen/")

    # The images and the themes of the cards: read only for missing cards; their renditions,
    # kept in the cache since they were made, not even for those.
    card_tables = ("stories_safeimage", "stories_saferendition", "stories_theme")
    assert tables_read(cold, *card_tables) == {"stories_safeimage", "stories_theme"}
    assert tables_read(warm, *card_tables) == set()
    assert len(warm) <= len(cold) - 3


def test_renditions_the_cache_lost_are_read_in_one_query_and_kept_again(client, home):
    for number in range(3):
        ArticlePageFactory(title=f"Verhaal {number}", hero_image=ImageFactory())
    first = html_of(client, "/verhalen/")  # the renditions are made
    cache.clear()  # Redis emptied: the generation, the cards and the renditions are gone

    after_loss = queries_for(client, "/verhalen/")
    new_generation()
    again = queries_for(client, "/verhalen/")

    rendition_queries = [sql for sql in after_loss if '"stories_saferendition"' in sql]
    assert len(rendition_queries) == 1
    assert tables_read(again, "stories_saferendition") == set()
    assert html_of(client, "/verhalen/") == first


def test_a_changed_dialogue_activity_is_a_different_card(client, home):
    """A thread's activity is kept in the card's key: a reply shows even in the same generation."""
    thread = DialogueThreadPageFactory(title="Hoe praat je met school?")
    assert "0 reacties" in html_of(client, "/dialogen/")
    generation = current_generation()
    # What a visible reply does to the thread's activity, without starting a generation here.
    ThreadActivity.objects.update_or_create(
        thread=thread, defaults={"reply_count": 2, "last_reply_at": timezone.now()}
    )
    assert current_generation() == generation

    assert "2 reacties" in html_of(client, "/dialogen/")


def test_a_publish_in_a_transaction_starts_a_generation_again_when_it_commits(
    story, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        story.title = "Nieuwe titel"
        story.save_revision().publish()
        during = current_generation()
    assert callbacks
    assert current_generation() > during


def test_fragments_are_read_at_once_and_only_the_missing_ones_are_rendered(settings):
    rendered = []

    def render(items):
        rendered.append(list(items))
        return [f"<p>{item}</p>" for item in items]

    first = cached_fragments("test", ["a", "b"], key_of=str, render=render)
    second = cached_fragments("test", ["a", "b", "c", "a"], key_of=str, render=render)
    new_generation()
    third = cached_fragments("test", ["a"], key_of=str, render=render)
    settings.HVDJ_FRAGMENT_CACHE_SECONDS = 0
    fourth = cached_fragments("test", ["a"], key_of=str, render=render)

    assert first == ["<p>a</p>", "<p>b</p>"]
    assert second == ["<p>a</p>", "<p>b</p>", "<p>c</p>", "<p>a</p>"]
    assert third == fourth == ["<p>a</p>"]
    assert rendered == [["a", "b"], ["c"], ["a"], ["a"]]


def test_the_dialogue_theme_filter_is_kept_until_a_thread_is_published(client, home):
    """The filter's themes are read once per generation; publishing a thread shows its theme."""
    DialogueThreadPageFactory(title="Eerste vraag", themes=[ThemeFactory(name="Onderwijs")])
    assert "Onderwijs" in html_of(client, "/dialogen/")
    assert "Gezinshuizen" not in html_of(client, "/dialogen/")

    DialogueThreadPageFactory(title="Tweede vraag", themes=[ThemeFactory(name="Gezinshuizen")])

    assert "Gezinshuizen" in html_of(client, "/dialogen/")


def test_the_home_page_keeps_its_lists_until_content_changes(client, story):
    assert "Samen aan tafel" in html_of(client, "/")
    new_generation()
    first = queries_for(client, "/")
    rendered = html_of(client, "/")
    again = queries_for(client, "/")
    # The same page from what was kept, its cards' HTML not escaped again.
    assert html_of(client, "/") == rendered
    assert '<article class="card' in rendered
    # The lists' stories, sections, webinars, dialogues and featured items are not read again.
    assert len(again) <= len(first) - 8
    assert not tables_read(again, "stories_webinarpage", "home_homefeatureditem")

    story.unpublish()

    html = html_of(client, "/")
    assert "Samen aan tafel" not in html


def test_each_copy_of_a_shared_image_gets_the_kept_renditions(client, home):
    """Stories read with select_related (the similar block) hold a copy each of an image they
    share: every copy gets its renditions, none asks the cache or the database again."""
    image = ImageFactory()
    ArticlePageFactory(title="Met foto", hero_image=image)
    html_of(client, "/verhalen/")  # the renditions, made and kept
    first, second = SafeImage.objects.get(pk=image.pk), SafeImage.objects.get(pk=image.pk)

    prefetch_kept_renditions([first, second], CARD_SPECS)

    for copy in (first, second):
        assert {rendition.filter_spec for rendition in copy.prefetched_renditions} == set(
            CARD_SPECS
        )
