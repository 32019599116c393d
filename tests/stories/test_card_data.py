"""The themes of a list of cards, read through compiled SQL for short lists and prefetched for
long ones, are each story's own, by name, whichever way they are read."""

import pytest

from stories.models import StoryPage, prefetch_cards
from stories.models.card_data import COMPILED_THEMES
from tests.factories import ArticlePageFactory, ThemeFactory


@pytest.fixture
def stories(home):
    school, gezin, zorg = (ThemeFactory(name=name) for name in ("School", "Gezin", "Zorg"))
    made = []
    for number in range(COMPILED_THEMES + 1):
        themes = [[school, gezin], [zorg], []][number % 3]
        made.append(ArticlePageFactory(title=f"Verhaal {number}", themes=themes))
    return made


def card_themes(count):
    stories = list(StoryPage.objects.order_by("pk")[:count])
    prefetch_cards(stories)
    return [[theme.name for theme in story.themes.all()] for story in stories]


@pytest.mark.parametrize("count", [3, COMPILED_THEMES + 1])
def test_each_card_gets_its_own_themes_by_name(stories, count):
    expected = [[["Gezin", "School"], ["Zorg"], []][number % 3] for number in range(count)]

    assert card_themes(count) == expected


def test_a_short_list_reads_its_themes_with_one_query(stories, django_assert_max_num_queries):
    listed = list(StoryPage.objects.order_by("pk")[:3])
    with django_assert_max_num_queries(3):  # hero images, themes, renditions
        prefetch_cards(listed)
    with django_assert_max_num_queries(0):
        [list(story.themes.all()) for story in listed]
