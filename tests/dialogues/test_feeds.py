"""/dialogen/feed/: the newest dialogue threads as RSS 2.0, read back with feedparser."""

import pytest

from tests.factories import ContributorFactory, DialogueThreadPageFactory, ThemeFactory
from tests.stories.feed_helpers import (
    add_hidden_stories,
    advertised_feeds,
    days_ago,
    fetch_feed,
    queries_of,
    titles,
)

pytestmark = pytest.mark.django_db

FEED_URL = "/dialogen/feed/"


@pytest.fixture
def threads(home):
    """Two live threads, the newest last, and a draft and a private one that must not show."""
    theme = ThemeFactory(name="Jeugdbescherming")
    asker = ContributorFactory(display_name="Sanne uit Zwolle")
    found = [
        DialogueThreadPageFactory(
            title=title, contributor=asker, themes=[theme], first_published_at=days_ago(days)
        )
        for title, days in (
            ("Hoe houd je contact met school?", 5),
            ("Wie helpt bij een crisis?", 1),
        )
    ]
    add_hidden_stories(DialogueThreadPageFactory)
    return found


def test_the_dialogue_feed_lists_live_public_threads_newest_first(client, threads):
    feed = fetch_feed(client, FEED_URL)

    assert feed.feed.title == "Hart voor de Jeugd: nieuwe dialogen"
    assert titles(feed) == ["Wie helpt bij een crisis?", "Hoe houd je contact met school?"]
    entry = feed.entries[0]
    assert entry.link == f"http://testserver{threads[1].url}"
    assert entry.id == entry.link
    assert entry.summary == threads[1].intro
    assert entry.author == "Sanne uit Zwolle"
    assert [tag.term for tag in entry.tags] == ["Jeugdbescherming"]


def test_the_dialogues_page_advertises_its_feed(client, threads):
    assert advertised_feeds(client, "/dialogen/") == [
        ("Hart voor de Jeugd: nieuwe dialogen", FEED_URL)
    ]


def test_the_dialogue_feed_costs_the_same_queries_for_two_or_twelve_threads(client, threads):
    few = queries_of(client, FEED_URL, 2)
    for number in range(10):
        DialogueThreadPageFactory(
            contributor=ContributorFactory(),
            themes=[ThemeFactory()],
            first_published_at=days_ago(10 + number),
        )

    assert queries_of(client, FEED_URL, 12) == few <= 9
