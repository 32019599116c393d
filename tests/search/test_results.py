"""A result's type, date, regions and themes, kept as HTML (search/results.py): shown as
before, never stale, and a page whose parts are all kept reads no themes or regions."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import ArticlePageFactory, RegionFactory, ThemeFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db


def html_of(client, params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return response.content.decode()


def story_with_terms(**fields):
    story = ArticlePageFactory(title="Buurtvaders in de wijk", **fields)
    story.themes.set([ThemeFactory(name="Veiligheid", slug="veiligheid")])
    story.regions.set([RegionFactory(name="Zaanstreek-Waterland")])
    story.save()  # the terms are parental (modelcluster): kept when the page is saved
    return story


def test_a_result_shows_its_type_date_regions_and_themes(client, home, embedded_search):
    story_with_terms(first_published_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 10)))

    content = html_of(client, {"q": "buurtvaders"})

    assert '<span class="type-label type-label--articlepage">Artikel</span>' in content
    assert '<time datetime="2026-03-02T10:00:00+01:00">2 maart 2026</time>' in content
    assert '<span class="search-result__region">Zaanstreek-Waterland</span>' in content
    assert '<a class="tag tag--link" href="/thema/veiligheid/">Veiligheid</a>' in content


def test_a_renamed_theme_or_region_shows_on_the_next_search(client, home, embedded_search):
    story = story_with_terms()
    html_of(client, {"q": "buurtvaders"})

    theme, region = story.themes.get(), story.regions.get()
    theme.name = "Veilig opgroeien"
    theme.save()
    region.name = "Zaanstreek"
    region.save()
    content = html_of(client, {"q": "buurtvaders"})

    assert ">Veilig opgroeien</a>" in content
    assert '<span class="search-result__region">Zaanstreek</span>' in content
    assert ">Zaanstreek-Waterland</span>" not in content


def test_kept_parts_read_no_themes_or_regions(client, home, embedded_search):
    story_with_terms()
    first = html_of(client, {"q": "buurtvaders"})

    with CaptureQueriesContext(connection) as queries:
        again = html_of(client, {"q": "buurtvaders"})

    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "stories_theme" not in tables
    assert "stories_region" not in tables
    assert again == first


def test_a_webinar_result_shows_when_it_takes_place(client, home, embedded_search):
    start = timezone.make_aware(datetime.datetime(2027, 1, 14, 19, 30))
    WebinarPageFactory(
        title="Webinar over buurtvaders",
        start=start,
        end=start + datetime.timedelta(hours=1),
        first_published_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 10)),
    )

    content = html_of(client, {"q": "buurtvaders"})

    assert '<time datetime="2027-01-14T19:30:00+01:00">14 januari 2027</time>' in content
    assert "2 maart 2026" not in content
