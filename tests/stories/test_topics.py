"""A story page reads its themes, change tasks, regions and audiences with one query
(StoryPage.read_topics), for its "Onderwerpen" list and its similar block together."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import ArticlePage
from stories.models.base import read_tags
from tests.factories import (
    ArticlePageFactory,
    AudienceFactory,
    ChangeTaskFactory,
    RegionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

TERM_TABLES = ("stories_theme", "stories_changetask", "stories_region", "stories_audience")


def test_the_four_taxonomies_of_a_story_page_are_read_with_one_query(client, home):
    article = ArticlePageFactory(
        themes=[ThemeFactory(name="Pleegzorg"), ThemeFactory(name="Onderwijs")],
        change_tasks=[ChangeTaskFactory(name="Minder uithuisplaatsingen")],
        regions=[RegionFactory(name="Holland Rijnland")],
        audiences=[AudienceFactory(name="Ouders")],
    )

    with CaptureQueriesContext(connection) as context:
        response = client.get(article.url)

    assert response.status_code == 200
    reading_topics = [
        query["sql"]
        for query in context.captured_queries
        if any(f'FROM "{table}"' in query["sql"] for table in TERM_TABLES)
    ]
    assert len(reading_topics) == 1
    assert "UNION ALL" in reading_topics[0].upper()
    aside = response.text.split('id="onderwerpen"', 1)[1]
    for name in (
        "Onderwijs",
        "Pleegzorg",
        "Minder uithuisplaatsingen",
        "Holland Rijnland",
        "Ouders",
    ):
        assert name in aside
    assert aside.index("Onderwijs") < aside.index("Pleegzorg")  # by name, as before


def test_a_story_page_without_topics_shows_no_topics_list(client, home):
    article = ArticlePageFactory()

    response = client.get(article.url)

    assert response.status_code == 200
    assert 'id="onderwerpen"' not in response.text


def test_a_story_pages_tags_are_read_once_and_shown_in_the_order_they_were_given(
    client, home, django_assert_num_queries
):
    article = ArticlePageFactory()
    for name in ("wachtlijst", "broers en zussen", "aanpak"):
        article.tags.add(name)  # one by one: taggit adds a set in no fixed order
    article.save_revision().publish()
    page = ArticlePage.objects.get(pk=article.pk)

    read_tags(page)
    with django_assert_num_queries(0):
        names = [tag.name for tag in page.tags.all()]

    assert names == ["wachtlijst", "broers en zussen", "aanpak"]
    aside = client.get(article.url).text.split('id="onderwerpen"', 1)[1]
    shown = [aside.index(name) for name in names]
    assert shown == sorted(shown)
