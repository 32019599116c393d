"""A query compiled once (core.compiled) answers for every value it is run with."""

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
    assert built == [compiled.STAND_IN]


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
