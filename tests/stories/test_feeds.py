"""The section feeds (verhalen, vlogs, webinars): RSS 2.0 read back with feedparser, advertised
in the <head> of their pages, live public pages only, and a fixed number of queries."""

import datetime
import re
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree as ET

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from stories.models import VlogPage
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ContributorFactory,
    ThemeFactory,
    VlogIndexPageFactory,
    VlogPageFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)
from tests.stories.feed_helpers import (
    RSS_TYPE,
    add_hidden_stories,
    advertised_feeds,
    days_ago,
    fetch_feed,
    queries_of,
    titles,
)

pytestmark = pytest.mark.django_db

ARTICLES_FEED = "/verhalen/feed/"
DAY = datetime.timedelta(days=1)
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture
def articles(home):
    """Three articles, the newest last, and a draft and a private one that must not show."""
    ArticleIndexPageFactory()
    marloes = ContributorFactory(display_name="Marloes, moeder van twee")
    pleegzorg, wijkteams = ThemeFactory(name="Pleegzorg"), ThemeFactory(name="Wijkteams")
    stories = [
        ArticlePageFactory(
            title=f"Verhaal {number}",
            intro=f"Samenvatting van verhaal {number}.",
            contributor=marloes,
            themes=[wijkteams, pleegzorg],
            first_published_at=days_ago(10 - number),
        )
        for number in range(1, 4)
    ]
    add_hidden_stories(ArticlePageFactory)
    return stories


def test_the_stories_feed_lists_live_public_articles_newest_first(client, articles):
    feed = fetch_feed(client, ARTICLES_FEED)

    assert titles(feed) == ["Verhaal 3", "Verhaal 2", "Verhaal 1"]
    assert feed.feed.title == "Hart voor de Jeugd: nieuwe verhalen"
    assert feed.feed.language == "nl"
    assert feed.feed.link == "http://testserver/verhalen/"


def test_a_feed_item_has_absolute_link_and_guid_summary_date_author_and_themes(client, articles):
    newest = articles[-1]
    entry = fetch_feed(client, ARTICLES_FEED).entries[0]

    assert entry.link == f"http://testserver{newest.url}"
    assert entry.id == entry.link
    assert entry.summary == "Samenvatting van verhaal 3."
    assert parsedate_to_datetime(entry.published) == newest.first_published_at
    assert entry.author == "Marloes, moeder van twee"
    assert [tag.term for tag in entry.tags] == ["Pleegzorg", "Wijkteams"]


def test_a_guid_is_the_permalink_and_the_author_never_an_email_address(client, articles):
    response = client.get(ARTICLES_FEED)
    item = ET.fromstring(response.content).find("channel/item")  # noqa: S314 - our own feed

    guid = item.find("guid")
    assert (guid.text, guid.get("isPermaLink")) == (f"http://testserver{articles[-1].url}", "true")
    assert item.find(f"{DC}creator").text == "Marloes, moeder van twee"
    assert item.find("author") is None
    assert articles[0].contributor.email.encode() not in response.content


def test_the_feed_is_cacheable_for_five_minutes_by_anyone(client, articles):
    response = client.get(ARTICLES_FEED)

    assert response["Content-Type"] == f"{RSS_TYPE}; charset=utf-8"
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=300"} <= directives


def test_the_feed_comes_from_the_page_cache_and_changes_when_a_story_is_published(
    client, articles, settings
):
    settings.HVDJ_PAGE_CACHE_SECONDS = 300
    first = client.get(ARTICLES_FEED)
    second = client.get(ARTICLES_FEED)
    ArticlePageFactory(title="Vers van de pers")
    third = client.get(ARTICLES_FEED)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert b"Vers van de pers" in third.content


def test_the_feed_costs_the_same_queries_for_three_or_twenty_items(client, articles):
    few = queries_of(client, ARTICLES_FEED, 3)
    theme = ThemeFactory(name="Onderwijs")
    for number in range(17):
        ArticlePageFactory(
            contributor=ContributorFactory(),
            themes=[theme],
            first_published_at=days_ago(20 + number),
        )

    assert queries_of(client, ARTICLES_FEED, 20) == few <= 9


def test_the_stories_index_and_the_home_page_advertise_the_stories_feed(client, articles):
    expected = [("Hart voor de Jeugd: nieuwe verhalen", ARTICLES_FEED)]

    assert advertised_feeds(client, "/verhalen/") == expected
    assert advertised_feeds(client, "/") == expected
    assert fetch_feed(client, ARTICLES_FEED).entries


def test_the_vlog_feed_has_an_uploaded_video_as_its_enclosure(client, home):
    VlogIndexPageFactory()
    video = Document.objects.create(title="Vlog", file=ContentFile(b"\0" * 2048, "vlog.mp4"))
    Document.objects.filter(pk=video.pk).update(file_size=2048)
    uploaded = VlogPageFactory(title="Een dag in het wijkteam", first_published_at=days_ago(1))
    VlogPage.objects.filter(pk=uploaded.pk).update(video_file=video, video_type="video/mp4")
    VlogPageFactory(
        title="Op YouTube",
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        first_published_at=days_ago(2),
    )
    VlogPageFactory(title="Concept", live=False)

    assert advertised_feeds(client, "/vlogs/") == [
        ("Hart voor de Jeugd: nieuwe vlogs", "/vlogs/feed/")
    ]
    feed = fetch_feed(client, "/vlogs/feed/")

    assert titles(feed) == ["Een dag in het wijkteam", "Op YouTube"]
    (enclosure,) = feed.entries[0].enclosures
    assert enclosure.href == f"http://testserver{video.url}"
    assert (enclosure.type, enclosure.length) == ("video/mp4", "2048")
    assert feed.entries[1].enclosures == []


def test_the_webinar_feed_lists_upcoming_and_recent_webinars_by_start(client, home):
    WebinarIndexPageFactory()
    now = timezone.now().replace(microsecond=0)
    later = WebinarPageFactory(title="Over een maand", start=now + 30 * DAY)
    later.refresh_from_db()
    WebinarPageFactory(title="Volgende week", start=now + 7 * DAY)
    WebinarPageFactory(title="Vorige week", start=now - 7 * DAY)
    WebinarPageFactory(title="Vorig jaar", start=now - 365 * DAY)
    WebinarPageFactory(title="Nog in voorbereiding", start=now + 3 * DAY, live=False)

    assert advertised_feeds(client, "/webinars/") == [
        ("Hart voor de Jeugd: webinars", "/webinars/feed/")
    ]
    feed = fetch_feed(client, "/webinars/feed/")

    assert titles(feed) == ["Vorige week", "Volgende week", "Over een maand"]
    entry = feed.entries[2]
    assert parsedate_to_datetime(entry.published) == later.first_published_at.replace(
        microsecond=0
    )
    start = timezone.localtime(later.start)
    # In Dutch and local time, e.g. "Begint op vrijdag 1 januari 2027, 17:55 uur."
    when = rf"Begint op \w+dag {start.day} \w+ {start.year}, {start:%H:%M} uur\."
    assert re.fullmatch(f"{when} {re.escape(later.intro)}", entry.summary)
