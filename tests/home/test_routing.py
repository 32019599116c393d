"""Where a URL leads, kept per page-cache generation (core/routes.py): one query for the page
instead of Wagtail's walk down the tree, and never a page that has gone or moved."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticlePageFactory, PodcastPageFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db


def page_queries(client, url):
    """The status and the queries on wagtailcore_page's rows of a GET of `url`."""
    with CaptureQueriesContext(connection) as context:
        status = client.get(url).status_code
    walked = [
        query["sql"]
        for query in context.captured_queries
        if '"wagtailcore_page"."slug" =' in query["sql"]
    ]
    return status, walked


def test_a_story_is_found_without_walking_the_tree_the_second_time(client, home):
    article = ArticlePageFactory(title="Samen aan tafel")

    first_status, first_walk = page_queries(client, article.url)
    second_status, second_walk = page_queries(client, article.url)

    assert first_status == second_status == 200
    assert len(first_walk) == 2  # the section by its slug, then the story by its slug
    assert second_walk == []
    assert "Samen aan tafel" in client.get(article.url).text


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
