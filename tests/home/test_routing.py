"""Where a URL leads (core/routes.py): read by its url_path the first time and kept per
page-cache generation after that, instead of Wagtail's walk down the tree; never a page that has
gone or moved, and the same answer as the walk where a page on the way routes itself."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticlePageFactory, PodcastPageFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db


def page_queries(client, url):
    """The status, the walk's queries (a child by its slug) and the look-ups by url_path of a
    GET of `url`."""
    with CaptureQueriesContext(connection) as context:
        status = client.get(url).status_code
    sql = [query["sql"] for query in context.captured_queries]
    walked = [query for query in sql if '"wagtailcore_page"."slug" =' in query]
    by_url_path = [query for query in sql if '"wagtailcore_page"."url_path" IN' in query]
    return status, walked, by_url_path


def test_a_story_is_found_without_walking_the_tree(client, home):
    article = ArticlePageFactory(title="Samen aan tafel")

    first_status, first_walk, first_look_ups = page_queries(client, article.url)
    second_status, second_walk, second_look_ups = page_queries(client, article.url)

    assert first_status == second_status == 200
    assert first_walk == second_walk == []
    assert len(first_look_ups) == 1  # the section and the story by their url_paths at once
    assert second_look_ups == []  # kept for this generation
    assert "Samen aan tafel" in client.get(article.url).text


def test_a_story_whose_slug_is_a_route_of_its_section_gives_way_to_the_route(client, home):
    """Wagtail's walk asks the routable section first: its feed, not the story."""
    article = ArticlePageFactory(slug="feed")

    response = client.get(article.url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")


def test_a_url_below_a_story_is_not_found(client, home):
    article = ArticlePageFactory()

    assert client.get(f"{article.url}bestaat-niet/").status_code == 404
    assert client.get(article.url.replace("/verhalen/", "/vlogs/")).status_code == 404


def test_an_unpublished_story_is_gone_at_once(client, home):
    article = ArticlePageFactory()
    url = article.url
    assert client.get(url).status_code == 200

    article.unpublish()

    assert client.get(url).status_code == 404


def test_a_new_slug_leads_to_the_story_and_the_old_one_no_longer_does(client, home):
    article = ArticlePageFactory(slug="samen-aan-tafel")
    old_url = article.url
    assert client.get(old_url).status_code == 200

    article.slug = "samen-om-de-keukentafel"
    article.save_revision().publish()
    article.refresh_from_db()

    assert client.get(article.url).status_code == 200
    assert client.get(old_url).status_code == 404


@pytest.mark.parametrize(
    ("factory", "suffix", "content_type"),
    [
        (PodcastPageFactory, "transcript.txt", "text/plain"),
        (WebinarPageFactory, "agenda.ics", "text/calendar"),
    ],
)
def test_a_routable_page_and_its_sub_routes_after_a_kept_route(
    client, home, factory, suffix, content_type
):
    page = factory()
    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.text
    for _ in range(2):
        response = client.get(f"{page.url}{suffix}")
        if response.status_code == 200:
            assert response["Content-Type"].startswith(content_type)
        else:  # a podcast without a transcript has no file
            assert response.status_code == 404
