"""`update_index` rebuilds every search index (search/management/commands/update_index.py): on
PostgreSQL the admin's index and the embedded one side by side, on SQLite one after the other,
each complete at the end either way."""

import pytest
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from tests.factories import ArticlePageFactory, DialogueThreadPageFactory, VlogPageFactory
from tests.utils import run_command

# The rebuild's threads read through connections of their own: they see what was committed.
SHARED = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def stories(home, index_dir):
    """Three stories in neither index (as after `generate_content`, which inserts in bulk)."""
    pages = [
        ArticlePageFactory(title="Pleegzorg in Drenthe"),
        VlogPageFactory(title="Wijkteam aan het woord"),
        DialogueThreadPageFactory(title="Hoe vind je een gastouder?"),
    ]
    get_search_backend("default").get_index_for_model(Page).entries.all().delete()
    get_search_backend("tantivy").get_index_for_model(None).reset()
    return pages


def found_by_the_admin(words):
    return [page.pk for page in Page.objects.search(words, backend="default")]


def found_by_the_public_search(words):
    return get_search_backend("tantivy").search_stories(words, public_only=False).ids


@SHARED
def test_update_index_rebuilds_every_index_side_by_side_on_postgresql(stories):
    assert found_by_the_admin("drenthe") == []
    assert found_by_the_public_search("drenthe") == []

    output = run_command("update_index")

    assert ("Updating backends side by side: default, tantivy" in output) == (
        connection.vendor == "postgresql"
    )
    assert "tantivy: indexed 3 pages in" in output
    for story, words in zip(stories, ["drenthe", "wijkteam", "gastouder"], strict=True):
        assert found_by_the_admin(words) == [story.pk]
        assert found_by_the_public_search(words) == [story.pk]
    [last] = [line for line in output.splitlines() if line.strip()][-1:]
    assert last.startswith(
        "default + tantivy: indexed" if connection.vendor == "postgresql" else "tantivy: indexed"
    )
    assert last.endswith("pages/s)")


def broken(self, progress=None):
    raise RuntimeError("kapot")


@SHARED
def test_a_failed_rebuild_fails_the_command_from_any_thread(stories, monkeypatch):
    monkeypatch.setattr(get_search_backend("default").rebuilder_class, "rebuild", broken)

    with pytest.raises(RuntimeError, match="kapot"):
        run_command("update_index")


@SHARED
def test_the_other_index_is_complete_when_the_command_fails(stories, monkeypatch):
    monkeypatch.setattr(get_search_backend("tantivy").rebuilder_class, "rebuild", broken)

    with pytest.raises(RuntimeError, match="kapot"):
        run_command("update_index")

    assert found_by_the_admin("drenthe") == [stories[0].pk]
