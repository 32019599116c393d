"""A story's entry in the embedded index holds the names of its themes, change tasks, regions
and audiences: renaming or deleting one re-indexes its stories (search/tantivy/changes.py)."""

import pytest
from bs4 import BeautifulSoup

from search.models import IndexChange
from tests.factories import ArticlePageFactory, RegionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def titles_found(client, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in page.select(".search-result__title a")]


@pytest.fixture
def tagged(home, embedded_search):
    theme = ThemeFactory(name="Opvoedsteun", slug="opvoedsteun")
    region = RegionFactory(name="Walcheren", slug="walcheren")
    story = ArticlePageFactory(title="Samen aan tafel", body=[], live=False)
    story.themes.set([theme])
    story.regions.set([region])
    story.save_revision().publish()
    return story, theme, region


def test_a_renamed_term_finds_its_stories_by_the_new_name_only(client, tagged):
    _story, theme, region = tagged
    assert titles_found(client, "opvoedsteun") == ["Samen aan tafel"]

    theme.name = "Gezinskracht"
    theme.save()
    region.name = "Zeeuwse eilanden"
    region.save()

    assert titles_found(client, "gezinskracht") == ["Samen aan tafel"]
    assert titles_found(client, "zeeuwse eilanden") == ["Samen aan tafel"]
    assert titles_found(client, "opvoedsteun") == []
    assert titles_found(client, "walcheren") == []


def test_a_deleted_term_leaves_its_stories_entries(client, tagged):
    _story, theme, _region = tagged
    assert titles_found(client, "opvoedsteun") == ["Samen aan tafel"]

    theme.delete()

    assert titles_found(client, "opvoedsteun") == []
    assert titles_found(client, "walcheren") == ["Samen aan tafel"]


def test_saving_a_term_without_a_new_name_records_nothing(client, tagged):
    _story, theme, _region = tagged
    titles_found(client, "opvoedsteun")  # applies what the publish recorded
    theme.description = "Steun bij het opvoeden."
    theme.save()

    assert not IndexChange.objects.exists()
