"""A listing counts its stories once, not on every view, and its page count follows every
publish and unpublish at once (stories.models.base.RememberedCountPaginator); the webinars
page shows the first upcoming webinars, and all of them when asked."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    ArticlePageFactory,
    DialogueThreadPageFactory,
    ThemeFactory,
    WebinarPageFactory,
)


@pytest.fixture(autouse=True)
def _two_per_page(settings):
    settings.HVDJ_PAGE_SIZE = 2


def counts_while_rendering(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    counts = [query for query in context.captured_queries if "COUNT(" in query["sql"].upper()]
    return response, len(counts)


def test_a_listing_is_counted_once_and_again_after_a_publish(client, home):
    articles = [ArticlePageFactory(title=f"Verhaal {number}") for number in range(4)]

    first, counted_first = counts_while_rendering(client, "/verhalen/")
    second, counted_second = counts_while_rendering(client, "/verhalen/?pagina=2")
    assert "Pagina 1 van 2" in first.text
    assert "Pagina 2 van 2" in second.text
    assert (counted_first, counted_second) == (1, 0)

    ArticlePageFactory(title="Verhaal 5")
    after_publish, counted = counts_while_rendering(client, "/verhalen/?pagina=2")
    assert counted == 1
    assert "Pagina 2 van 3" in after_publish.text
    assert 'rel="next"' in after_publish.text

    articles[0].unpublish()
    articles[1].unpublish()
    assert "Pagina 2 van 2" in client.get("/verhalen/?pagina=3").text  # out of range: the last


def test_each_filter_has_its_own_count(client, home):
    theme = ThemeFactory(name="School")
    thread = DialogueThreadPageFactory(title="Over school")
    thread.themes.add(theme)
    thread.save_revision().publish()
    for number in range(4):
        DialogueThreadPageFactory(title=f"Dialoog {number}")

    assert "Pagina 1 van 3" in client.get("/dialogen/").text
    filtered = client.get(f"/dialogen/?thema={theme.slug}")

    assert "Pagina 1 van" not in filtered.text  # one thread: no page navigation
    assert "Over school" in filtered.text


def test_the_webinars_page_shows_the_first_upcoming_ones_and_all_when_asked(client, home):
    soon = timezone.now() + datetime.timedelta(days=1)
    for day in range(5):
        WebinarPageFactory(
            title=f"Webinar op dag {day}", start=soon + datetime.timedelta(days=day)
        )

    first = client.get("/webinars/")
    every = client.get("/webinars/?komend=alle")

    assert "Webinar op dag 1" in first.text
    assert "Webinar op dag 2" not in first.text
    assert "Toon ook de 3 volgende komende webinars" in first.text
    assert all(f"Webinar op dag {day}" in every.text for day in range(5))
    assert "Toon ook" not in every.text
