"""The search benchmark runs end to end (its figures are for the README, not for a test)."""

import pytest
from django.core.management import CommandError
from django.db import connection

from tests.factories import ArticlePageFactory, AudienceFactory, RegionFactory, ThemeFactory
from tests.utils import run_command

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the benchmark compares with PostgreSQL full-text SQL (set DATABASE_URL)",
)
def test_the_benchmark_prints_latencies_and_queries_per_search(home):
    story = ArticlePageFactory(title="Pleegzorg en het wijkteam")
    story.themes.set([ThemeFactory()])
    story.regions.set([RegionFactory()])
    story.audiences.set([AudienceFactory()])
    story.save_revision().publish()

    output = run_command("benchmark_search", "--repeat", "1")

    assert "Live stories: 1;" in output
    assert "search view  p50" in output
    assert "bare SQL     p50" in output
    assert "SQL queries per search:" in output


@pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="the benchmark refuses only on SQLite; on PostgreSQL it runs (test above)",
)
def test_the_benchmark_refuses_to_run_without_postgresql(db):
    with pytest.raises(CommandError, match="PostgreSQL"):
        run_command("benchmark_search")
