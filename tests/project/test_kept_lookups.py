"""Wagtail's look-ups kept per page-cache generation (core/lookups.py): the Site of a request
with its home page, and the paths of the pages with a view restriction. Kept, they cost no
query; a change to a Site or a restriction is seen at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from core.lookups import public_q, restricted_paths
from stories.models import StoryPage
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def site_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, [q["sql"] for q in context.captured_queries if "wagtailcore_site" in q["sql"]]


def test_the_site_is_read_once_per_generation_and_again_after_a_change(client, home):
    article = ArticlePageFactory(title="Samen aan tafel")

    first, first_reads = site_queries(client, article.url)
    second, second_reads = site_queries(client, article.url)

    assert first.status_code == second.status_code == 200
    assert len(first_reads) >= 1
    assert second_reads == []

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Hart voor de Jeugd, regio Noord"
    site.save()
    _third, third_reads = site_queries(client, article.url)
    assert len(third_reads) >= 1


def test_a_page_given_a_restriction_leaves_the_public_pages_at_once(home):
    shown = ArticlePageFactory()
    hidden = ArticlePageFactory()
    assert restricted_paths() == []
    assert set(StoryPage.objects.filter(public_q()).values_list("pk", flat=True)) >= {
        shown.pk,
        hidden.pk,
    }

    PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    assert restricted_paths() == [hidden.path]
    public = set(StoryPage.objects.filter(public_q()).values_list("pk", flat=True))
    assert shown.pk in public
    assert hidden.pk not in public


def test_a_host_that_is_not_allowed_gets_a_400_and_nothing_is_kept(client, home, settings):
    settings.ALLOWED_HOSTS = ["testserver"]

    response = client.get("/", HTTP_HOST="aanvaller.example")

    assert response.status_code == 400
    assert not [key for key in cache._cache if "aanvaller" in key]  # the test's LocMemCache


def test_a_story_gets_its_view_restrictions_without_a_query_and_a_new_one_at_once(client, home):
    article = ArticlePageFactory()
    assert client.get(article.url).status_code == 200

    with CaptureQueriesContext(connection) as context:
        assert list(article.get_view_restrictions()) == []
    assert context.captured_queries == []

    PageViewRestriction.objects.create(
        page=article.get_parent(), restriction_type="password", password="geheim"
    )

    restrictions = article.get_view_restrictions()
    assert [restriction.restriction_type for restriction in restrictions] == ["password"]
    assert restrictions.exists()
    response = client.get(article.url)
    assert response.status_code == 200
    assert 'name="password"' in response.text
    assert article.title not in response.text
