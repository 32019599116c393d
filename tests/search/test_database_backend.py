"""The admin's search backend (search/database_backend.py): a story's entry holds its title and
summary, the same whether a publish or update_index's bulk rebuild wrote it, and the admin's
page search finds a story by words of either."""

import pytest
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from tests.factories import ArticlePageFactory, DialogueThreadPageFactory, VlogPageFactory
from tests.utils import run_command

pytestmark = pytest.mark.django_db

COLUMNS = {
    "postgresql": "title::text, autocomplete::text, body::text, title_text, body_text",
    "sqlite": "title, autocomplete, body",
}


@pytest.fixture
def stories(home):
    return [
        ArticlePageFactory(title="Pleegzorg in Drenthe", intro="Een gezin vertelt."),
        VlogPageFactory(title="  Wijkteam aan het woord", intro="Drie jongeren\n"),
        DialogueThreadPageFactory(title="Hoe vind je een gastouder?", intro="Deel je ervaring."),
    ]


def entries(pages):
    """The columns of COLUMNS of the index entries of `pages`, by object id."""
    placeholders = ", ".join(["%s"] * len(pages))
    sql = (
        f"SELECT object_id, {COLUMNS[connection.vendor]} FROM {entry_table_name()}"  # noqa: S608
        f" WHERE object_id IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [str(page.pk) for page in pages])
        return {row[0]: row[1:] for row in cursor.fetchall()}


def entry_table_name():
    return get_search_backend("default").get_index_for_model(Page).entries.model._meta.db_table


def test_update_index_writes_the_entries_a_publish_writes(stories):
    published = entries(stories)
    assert len(published) == len(stories)

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {entry_table_name()}")  # noqa: S608 (a model's table)
    run_command("update_index", backend_name="default")

    assert entries(stories) == published


def test_a_story_s_entry_holds_its_title_and_summary_not_its_body(stories):
    run_command("update_index", backend_name="default")

    def found(words):
        return [page.pk for page in Page.objects.search(words, backend="default")]

    assert found("drenthe") == [stories[0].pk]
    assert found("vertelt") == [stories[0].pk]
    assert "tafel" in str(stories[0].body.raw_data)
    assert found("tafel") == []


def test_the_admin_page_search_finds_a_story_by_the_start_of_a_word_of_its_summary(
    editor_client, stories
):
    run_command("update_index", backend_name="default")

    response = editor_client.get("/admin/pages/search/", {"q": "ervar"})

    assert response.status_code == 200
    assert [page.pk for page in response.context["pages"]] == [stories[2].pk]


def title_norms():
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT content_type_id, object_id, title_norm FROM {entry_table_name()}"  # noqa: S608
        )
        return {(row[0], row[1]): row[2] for row in cursor.fetchall()}


@pytest.fixture
def titles_of_every_length(home):
    """Stories with titles of one to ten words: a title_norm (the average title length divided
    by the title's) worked out in another way than Wagtail's would differ in the last digit of
    some of them."""
    words = "pleegzorg wijkteam gastouder jeugdhulp school buurt gezin ouders jongeren regio"
    return [ArticlePageFactory(title=" ".join(words.split()[:n])) for n in range(1, 11)]


def test_update_index_sets_the_title_norms_wagtail_s_full_refresh_sets(
    stories, titles_of_every_length
):
    run_command("update_index", backend_name="default")
    rebuilt = title_norms()
    # Wagtail's own refresh, which rewrites every row.
    index = get_search_backend("default").get_index_for_model(Page)
    super(type(index), index)._refresh_title_norms(full=True)

    assert rebuilt == title_norms()
    assert len(set(rebuilt.values())) > 2


def test_update_index_rewrites_the_entries_that_changed_and_keeps_the_others(
    stories, titles_of_every_length
):
    run_command("update_index", backend_name="default")
    Page.objects.filter(pk=stories[0].pk).update(title="Pleegzorg in Groningen")
    kept = [str(story.pk) for story in [*stories[1:], *titles_of_every_length]]
    before = row_versions()

    run_command("update_index", backend_name="default")

    def found(words):
        return [page.pk for page in Page.objects.search(words, backend="default")]

    assert found("groningen") == [stories[0].pk]
    assert found("drenthe") == []
    after = row_versions()
    if connection.vendor == "postgresql":
        # A row written again is a new version of it, elsewhere in the table.
        assert after[str(stories[0].pk)] != before[str(stories[0].pk)]
        assert [after[pk] for pk in kept] == [before[pk] for pk in kept]


def row_versions():
    """Where each entry's row is (PostgreSQL's ctid), by object id; nothing on SQLite."""
    if connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT object_id, ctid::text FROM {entry_table_name()}")  # noqa: S608
        return dict(cursor.fetchall())
