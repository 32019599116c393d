"""The themes of a list of cards, read through compiled SQL for short lists and prefetched for
long ones, are each story's own, by name, whichever way they are read."""

import pytest

from stories.models import StoryPage, card_data, prefetch_cards
from tests.factories import ArticlePageFactory, ThemeFactory

EXPECTED = [["Gezin", "School"], ["Zorg"], [], ["Gezin", "School"]]


@pytest.fixture
def stories(home):
    school, gezin, zorg = (ThemeFactory(name=name) for name in ("School", "Gezin", "Zorg"))
    themes = [[school, gezin], [zorg], [], [gezin, school]]
    return [
        ArticlePageFactory(title=f"Verhaal {number}", themes=terms)
        for number, terms in enumerate(themes)
    ]


@pytest.mark.parametrize("limit", [card_data.COMPILED_THEMES, 2], ids=["compiled", "prefetched"])
def test_each_card_gets_its_own_themes_by_name(stories, limit, monkeypatch):
    monkeypatch.setattr(card_data, "COMPILED_THEMES", limit)
    listed = list(StoryPage.objects.order_by("pk"))

    prefetch_cards(listed)

    assert [[theme.name for theme in story.themes.all()] for story in listed] == EXPECTED


def test_a_short_list_reads_its_themes_with_one_query(stories, django_assert_max_num_queries):
    listed = list(StoryPage.objects.order_by("pk")[:3])
    with django_assert_max_num_queries(3):  # hero images, themes, renditions
        prefetch_cards(listed)
    with django_assert_max_num_queries(0):
        [list(story.themes.all()) for story in listed]
