"""A query compiled once (core.compiled) answers for every value it is run with."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from core import compiled
from stories.models import StoryPage, Theme, read_topics
from tests.factories import ArticlePageFactory
from tests.project.test_outages import NEEDS_POSTGRESQL


def test_a_compiled_query_is_built_once_and_run_with_each_value(db):
    first, second = (
        Theme.objects.create(name="Pleegzorg", slug="pleegzorg-t"),
        Theme.objects.create(name="School", slug="school-t"),
    )
    built = []

    def build(pk):
        built.append(pk)
        return Theme.objects.filter(pk=pk).values_list("name")

    assert compiled.compiled_rows("test-theme-name", build, first.pk) == [("Pleegzorg",)]
    assert compiled.compiled_rows("test-theme-name", build, second.pk) == [("School",)]
    assert compiled.compiled_rows("test-theme-name", build, 0) == []
    assert built == compiled.stand_ins([0])


def test_strings_and_numbers_each_take_their_own_place(db):
    Theme.objects.create(name="Pleegzorg", slug="pleegzorg-t")
    Theme.objects.create(name="School", slug="school-t")

    def build(slug, other, pk):
        return (
            Theme.objects.filter(slug__in=[slug, other])
            .exclude(pk=pk)
            .order_by("name")
            .values_list("name")
        )

    rows = compiled.compiled_rows("test-slugs", build, "school-t", "pleegzorg-t", 0)
    assert rows == [("Pleegzorg",), ("School",)]
    rows = compiled.compiled_rows("test-slugs", build, "school-t", "nergens", 0)
    assert rows == [("School",)]


def test_a_value_the_lookup_changes_is_refused(db):
    def build(slug):
        return Theme.objects.filter(slug__startswith=slug).values_list("name")

    with pytest.raises(ValueError, match="unchanged"):
        compiled.compiled_rows("test-startswith", build, "pleeg")


def test_a_storys_topics_are_its_own_whichever_story_is_read_first(home):
    pleegzorg, school = (
        Theme.objects.create(name="Pleegzorg", slug="pleegzorg-t"),
        Theme.objects.create(name="School", slug="school-t"),
    )
    first = ArticlePageFactory(title="Eerste", themes=[pleegzorg])
    second = ArticlePageFactory(title="Tweede", themes=[school, pleegzorg])

    for story, names in ((first, ["Pleegzorg"]), (second, ["Pleegzorg", "School"])):
        story = type(story).objects.get(pk=story.pk)
        read_topics(story)
        assert sorted(theme.name for theme in story.themes.all()) == names


def test_past_the_limit_a_query_is_compiled_each_time_and_not_kept(db, monkeypatch):
    Theme.objects.create(name="Pleegzorg", slug="pleegzorg-t")
    monkeypatch.setattr(compiled, "MAX_KEPT", 0)
    built = []

    def build(slug):
        built.append(slug)
        return Theme.objects.filter(slug=slug).values_list("name")

    for _run in range(2):
        assert compiled.compiled_rows("test-unkept", build, "pleegzorg-t") == [("Pleegzorg",)]
    assert len(built) == 2
    assert not [key for key in compiled._compiled if key[0] == "test-unkept"]


def test_a_compiled_query_builds_instances_with_their_related_objects(home):
    story = ArticlePageFactory(title="Met beeld")

    def build(pk):
        return (
            StoryPage.objects.filter(pk=pk)
            .select_related("hero_image")
            .annotate(double=F("pk") * 2)
        )

    found = compiled.compiled_objects("test-story-objects", build, story.pk)
    assert [(type(page), page.title, page.double) for page in found] == [
        (StoryPage, "Met beeld", story.pk * 2)
    ]
    with CaptureQueriesContext(connection) as queries:
        assert found[0].hero_image == story.hero_image
    assert not queries.captured_queries
    assert compiled.compiled_objects("test-story-objects", build, 0) == []


@NEEDS_POSTGRESQL  # only PostgreSQL prepares statements (hartvoordejeugd.postgresql)
@pytest.mark.parametrize("prepared", [True, False])
def test_on_postgresql_a_compiled_query_is_prepared_once_per_connection(db, settings, prepared):
    settings.HVDJ_PREPARED_STATEMENTS = prepared
    # A column order no other query has, to find the statement by (a statement stays prepared
    # on the connection after its test).
    columns = ["slug", "id", "name"] if prepared else ["name", "slug", "id"]

    def build(pk, slug):
        return Theme.objects.filter(pk__in=[pk, 7], slug=slug).values_list(*columns)

    # Small and large ids: psycopg would send them as smallint and integer, two statements.
    for pk in (5, 100_000, 3_000_000):
        assert compiled.compiled_rows(f"test-prepared-{prepared}", build, pk, "x") == []
    selected = ", ".join(f'"stories_theme"."{name}" AS "{name}"' for name in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans + custom_plans FROM pg_prepared_statements"
            " WHERE statement LIKE %s",
            [f"SELECT {selected} FROM%"],
        )
        runs = [count for (count,) in cursor.fetchall()]
    assert runs == ([3] if prepared else [])
