"""/thema/<slug>/feed/ and /regio/<slug>/feed/: the newest stories of every type with one
theme or region as RSS 2.0, read back with feedparser and advertised on the term's page."""

import pytest

from tests.factories import (
    ArticlePageFactory,
    ContributorFactory,
    DialogueThreadPageFactory,
    RegionFactory,
    ThemeFactory,
    VlogPageFactory,
)
from tests.stories.feed_helpers import (
    add_hidden_stories,
    advertised_feeds,
    days_ago,
    fetch_feed,
    queries_of,
    titles,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pleegzorg(home):
    """A theme with an article, a vlog and a dialogue, the newest last; besides them a story
    without the theme, a draft and a private story with it, which must not show."""
    theme = ThemeFactory(name="Pleegzorg", slug="pleegzorg")
    author = ContributorFactory(display_name="Joris, pleegvader")
    for factory, title, days in (
        (ArticlePageFactory, "Ons pleeggezin", 9),
        (VlogPageFactory, "Een dag als pleegouder", 6),
        (DialogueThreadPageFactory, "Hoe vertel je het de buren?", 3),
    ):
        factory(title=title, contributor=author, themes=[theme], first_published_at=days_ago(days))
    ArticlePageFactory(title="Over iets anders", first_published_at=days_ago(1))
    add_hidden_stories(ArticlePageFactory, themes=[theme])
    return theme


def test_a_theme_feed_lists_live_public_stories_of_every_type_with_the_theme(client, pleegzorg):
    feed = fetch_feed(client, "/thema/pleegzorg/feed/")

    assert feed.feed.title == "Hart voor de Jeugd: thema Pleegzorg"
    assert feed.feed.link == "http://testserver/thema/pleegzorg/"
    assert titles(feed) == [
        "Hoe vertel je het de buren?",
        "Een dag als pleegouder",
        "Ons pleeggezin",
    ]
    entry = feed.entries[0]
    assert entry.link.startswith("http://testserver/dialogen/")
    assert entry.id == entry.link
    assert entry.author == "Joris, pleegvader"
    assert [tag.term for tag in entry.tags] == ["Pleegzorg"]


def test_a_region_feed_lists_the_stories_from_that_region(client, home):
    twente = RegionFactory(name="Twente", slug="twente")
    ArticlePageFactory(title="Jeugdhulp in Twente", regions=[twente])
    ArticlePageFactory(title="Jeugdhulp in Drenthe", regions=[RegionFactory(name="Drenthe")])

    feed = fetch_feed(client, "/regio/twente/feed/")

    assert feed.feed.title == "Hart voor de Jeugd: jeugdregio Twente"
    assert titles(feed) == ["Jeugdhulp in Twente"]
    assert feed.entries[0].link.startswith("http://testserver/verhalen/")


def test_the_feed_of_an_unknown_theme_or_region_is_not_found(client, home):
    assert client.get("/thema/bestaat-niet/feed/").status_code == 404
    assert client.get("/regio/bestaat-niet/feed/").status_code == 404


def test_theme_and_region_pages_advertise_their_feed(client, pleegzorg):
    twente = RegionFactory(name="Twente", slug="twente")
    ArticlePageFactory(title="Jeugdhulp in Twente", regions=[twente])

    theme_feeds = advertised_feeds(client, "/thema/pleegzorg/")
    region_feeds = advertised_feeds(client, "/regio/twente/")

    assert ("Hart voor de Jeugd: thema Pleegzorg", "/thema/pleegzorg/feed/") in theme_feeds
    assert ("Hart voor de Jeugd: jeugdregio Twente", "/regio/twente/feed/") in region_feeds
    for _title, url in theme_feeds + region_feeds:
        assert fetch_feed(client, url).entries


def test_the_search_feed_of_a_theme_page_keeps_to_its_theme(client, pleegzorg):
    feeds = dict(advertised_feeds(client, "/thema/pleegzorg/"))

    search_feed = feeds["Deze zoekopdracht als RSS-feed"]

    assert search_feed == "/zoeken/feed/?thema=pleegzorg"
    assert "Over iets anders" not in titles(fetch_feed(client, search_feed))


def test_a_theme_feed_costs_the_same_queries_for_three_or_fifteen_stories(client, pleegzorg):
    few = queries_of(client, "/thema/pleegzorg/feed/", 3)
    for number in range(4):
        for factory in (ArticlePageFactory, VlogPageFactory, DialogueThreadPageFactory):
            factory(
                contributor=ContributorFactory(),
                themes=[pleegzorg, ThemeFactory()],
                first_published_at=days_ago(20 + number),
            )

    assert queries_of(client, "/thema/pleegzorg/feed/", 15) == few <= 9
