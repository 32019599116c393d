"""What a shared link to a story shows, and what search engines read in its <head>: canonical
address, description, Open Graph (an article, with a 1200×630 image) and Twitter card tags."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from dialogues.replies import post_reply
from hartvoordejeugd.seo import summary_text
from tests.factories import (
    ArticlePageFactory,
    DialogueThreadPageFactory,
    ImageFactory,
    PodcastPageFactory,
    VlogPageFactory,
    WebinarPageFactory,
)
from tests.project.head_tags import head_tags

pytestmark = pytest.mark.django_db

STORY_FACTORIES = {
    "artikel": ArticlePageFactory,
    "vlog": VlogPageFactory,
    "podcast": PodcastPageFactory,
    "webinar": WebinarPageFactory,
    "dialoog": DialogueThreadPageFactory,
}


def large_image():
    """A photo as large as a share preview asks for (ImageFactory's are 160×90)."""
    return ImageFactory(file__width=1600, file__height=900)


PUBLISHED = datetime.datetime(2026, 3, 4, 10, 30, tzinfo=datetime.UTC)


@pytest.mark.parametrize("factory", STORY_FACTORIES.values(), ids=STORY_FACTORIES.keys())
def test_every_story_type_is_shared_as_an_article_with_its_image_and_times(client, home, factory):
    story = factory(
        title="Samen aan tafel",
        intro="Hoe een gezin en het wijkteam samen een plan maakten.",
        hero_image=large_image(),
        hero_image_alt="Een gezin aan de keukentafel",
        first_published_at=PUBLISHED,
    )
    url = f"http://testserver{story.url}"

    head = head_tags(client.get(story.url))

    assert head.canonical == [url]
    assert head.meta["description"] == "Hoe een gezin en het wijkteam samen een plan maakten."
    assert head.meta["og:type"] == "article"
    assert head.meta["og:title"] == "Samen aan tafel"
    assert head.meta["og:description"] == head.meta["description"]
    assert head.meta["og:url"] == url
    assert head.meta["og:locale"] == "nl_NL"
    assert head.meta["og:site_name"] == "Hart voor de Jeugd"
    assert head.meta["og:image"].startswith("http://testserver/media/")
    assert ".fill-1200x630" in head.meta["og:image"]
    assert (head.meta["og:image:width"], head.meta["og:image:height"]) == ("1200", "630")
    assert head.meta["og:image:alt"] == "Een gezin aan de keukentafel"
    assert head.meta["article:published_time"] == "2026-03-04T11:30:00+01:00"
    assert head.meta["article:modified_time"] == "2026-03-04T11:30:00+01:00"
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["twitter:image"] == head.meta["og:image"]
    assert head.meta["twitter:image:alt"] == "Een gezin aan de keukentafel"
    assert "robots" not in head.meta


def test_the_share_image_is_the_stored_1200_by_630_rendition(client, home):
    story = ArticlePageFactory(hero_image=large_image())

    head = head_tags(client.get(story.url))

    rendition = story.hero_image.renditions.get(filter_spec="fill-1200x630")
    assert head.meta["og:image"] == f"http://testserver{rendition.url}"
    assert rendition.file.storage.exists(rendition.file.name)
    assert (rendition.width, rendition.height) == (1200, 630)


def test_a_small_image_is_not_blown_up_and_its_real_size_is_given(client, home):
    story = ArticlePageFactory(hero_image=ImageFactory(file__width=160, file__height=90))

    head = head_tags(client.get(story.url))

    assert (head.meta["og:image:width"], head.meta["og:image:height"]) == ("160", "84")


def test_a_story_without_an_image_gets_a_small_card_and_no_image_tags(client, home):
    story = ArticlePageFactory(hero_image=None)

    head = head_tags(client.get(story.url))

    assert head.meta["twitter:card"] == "summary"
    assert not [key for key in head.meta if "image" in key]


def test_an_image_without_alt_text_is_described_by_the_story_title(client, home):
    story = VlogPageFactory(title="Een dag in het wijkteam", hero_image=ImageFactory())

    head = head_tags(client.get(story.url))

    assert head.meta["og:image:alt"] == "Een dag in het wijkteam"


def test_a_vlog_without_a_hero_image_is_shared_with_its_poster(client, home):
    vlog = VlogPageFactory(hero_image=None, poster_image=ImageFactory())

    head = head_tags(client.get(vlog.url))

    assert ".fill-1200x630" in head.meta["og:image"]


def test_the_search_description_an_editor_wrote_comes_before_the_summary(client, home):
    story = ArticlePageFactory(
        intro="De samenvatting.", search_description="Wat zoekmachines tonen.", seo_title="Kort"
    )

    head = head_tags(client.get(story.url))

    assert head.meta["description"] == "Wat zoekmachines tonen."
    assert head.meta["og:title"] == "Kort"


def test_a_long_summary_is_cut_after_a_whole_word_as_plain_text(client, home):
    intro = "Kinderen < 12 jaar & hun ouders.\n" + " ".join(["woord"] * 60)
    story = ArticlePageFactory(intro=intro)

    description = head_tags(client.get(story.url)).meta["description"]

    assert description.startswith("Kinderen < 12 jaar & hun ouders. woord woord")
    assert description.endswith("woord…")
    assert len(description) <= 160


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Kort en goed.", "Kort en goed."),
        ("a" * 160, "a" * 160),
        ("aaaa " * 40, ("aaaa " * 31).rstrip() + "…"),
        ("b" * 200, "b" * 159 + "…"),
        ("Eerste zin. " + "x" * 150, "Eerste zin…"),
    ],
)
def test_descriptions_are_cut_on_a_word_boundary(text, cut):
    assert summary_text(text) == cut


def test_a_page_behind_a_view_restriction_shows_no_image_in_its_tags(client, home, member):
    story = ArticlePageFactory(hero_image=ImageFactory(uploaded_by_user=member))
    PageViewRestriction.objects.create(page=story, restriction_type="login")
    client.force_login(member)

    head = head_tags(client.get(story.url))

    assert head.meta["og:type"] == "article"
    assert not [key for key in head.meta if "image" in key]
    assert head.meta["twitter:card"] == "summary"


def test_a_thread_shows_page_two_of_its_replies_as_its_own_canonical_page(
    client, home, settings, editor
):
    settings.HVDJ_REPLY_THREADS_PER_PAGE = 1
    thread = DialogueThreadPageFactory()
    for number in range(2):
        post_reply(thread=thread, member=editor, text=f"Reactie {number}", parent=None)
    url = f"http://testserver{thread.url}"

    assert head_tags(client.get(thread.url)).canonical == [url]
    assert head_tags(client.get(thread.url + "?pagina=2")).canonical == [f"{url}?pagina=2"]
    assert head_tags(client.get(thread.url + "?antwoord=1")).canonical == [url]


def test_a_page_behind_a_password_shows_no_image_to_who_gave_the_password(client, home):
    story = ArticlePageFactory(hero_image=ImageFactory())
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type="password", password="geheim"
    )
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{story.pk}/",
        {"password": "geheim", "return_url": story.url},
    )

    head = head_tags(client.get(story.url))

    assert head.meta["og:title"] == story.title
    assert not [key for key in head.meta if "image" in key]


def queries_to_render(client, url):
    client.get(url)  # makes the renditions
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return [query["sql"] for query in context.captured_queries]


def test_the_share_image_costs_a_visitor_no_query_beyond_the_hero_image_itself(client, home):
    # One story, with and then without its image: a second story would be the first one's
    # "Vergelijkbare praktijkvoorbeelden", with queries of its own.
    story = ArticlePageFactory(hero_image=ImageFactory())
    pictured = queries_to_render(client, story.url)
    story.hero_image = None
    story.save_revision().publish()
    plain = queries_to_render(client, story.url)

    # The hero image is read with the page (core.routes.specific_page); its renditions come
    # from the cache.
    assert len(pictured) == len(plain), "\n".join(pictured)


def test_a_preview_of_a_draft_shows_no_image_of_the_member_who_sent_it(home, member):
    draft = ArticlePageFactory(
        live=False, contributor=member, hero_image=ImageFactory(uploaded_by_user=member)
    )

    response = draft.make_preview_request()

    head = head_tags(response)
    assert head.meta["og:title"] == draft.title
    assert not [key for key in head.meta if "image" in key]
