"""A query compiled once (core.compiled) answers for every value it is run with."""

import pytest

from core import compiled
from stories.models import Theme, read_topics
from tests.factories import ArticlePageFactory


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
