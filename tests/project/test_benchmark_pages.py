"""The page benchmark builds each kind of page end to end and prints a row per kind with its
timings and queries (its figures are for the README, not for a test), and writes nothing."""

import re

import pytest

from stories.models import StoryPage
from tests.factories import ArticlePageFactory, DialogueThreadPageFactory
from tests.utils import run_command

pytestmark = pytest.mark.django_db
ROW = re.compile(r"^(story|dialogue|listing|home)\s+(\d+)\s+(\d+\.\d)\s+(\d+\.\d)\s+(\d+)$")


@pytest.fixture
def output(home):
    for number in range(3):
        ArticlePageFactory(title=f"Praktijkvoorbeeld {number}", intro="Over pleegzorg.")
    DialogueThreadPageFactory(title="Hoe vind je een gezinshuis?")
    return run_command("benchmark_pages", "--pages", "12")


def test_every_kind_of_page_gets_a_row_with_its_timings_and_queries(output):
    rows = {match[1]: match.groups()[1:] for match in map(ROW.match, output.splitlines()) if match}

    assert set(rows) == {"story", "dialogue", "listing", "home"}, output
    pages, p50, p95, queries = rows["story"]
    assert int(pages) == 12
    assert 0 < float(p50) <= float(p95)
    assert int(queries) > 0  # an uncached story page is read from the database
    assert all(int(row[0]) == 12 for row in rows.values()), output


def test_the_benchmark_leaves_the_stories_as_they_were(output):
    assert StoryPage.objects.live().count() == 4
