"""The search benchmark runs end to end over the stories in the database (its figures are for
the README, not for a test): three rows per kind of query, aligned, and no trace in the
redactie's search report."""

import re

import pytest
from django.db import connection
from django.test import Client

from search.management.commands.benchmark_search import FLOOR_NOTICE, KINDS
from search.models import SearchQueryDay
from search.tantivy import changes
from tests.factories import ArticlePageFactory, ThemeFactory
from tests.utils import run_command

pytestmark = pytest.mark.django_db

STORIES = [
    ("Pleegzorg in het wijkteam", "Pleegouders vertellen over de wachttijden in de regio."),
    ("Wachttijden jeugdhulp dalen", "Gemeenten en aanbieders maken afspraken over wachttijden."),
    ("Gezinshuis biedt rust", "Een gezinshuis geeft jongeren een plek met pleegouders."),
    ("Jongerenwerk op school", "Het jongerenwerk komt wekelijks op school langs."),
    ("Crisisopvang zonder wachttijden", "Crisisopvang voor jongeren in de regio."),
]
ROW = re.compile(r"^(?P<kind>.{12})  (?P<measure>.{16})  (?P<rest>.*)$")
NUMBERS = re.compile(r"^\s*(\d+)\s+(\d+\.\d)\s+(\d+\.\d)\s+(\d+\.\d)×$")


@pytest.fixture
def stories(home):
    theme = ThemeFactory()
    for title, intro in STORIES:
        story = ArticlePageFactory(title=title, intro=intro)
        story.themes.set([theme])
        story.save_revision().publish()
    # Index writes wait for a commit that a test never makes: written now.
    changes.apply_recorded()


@pytest.fixture
def output(stories):
    return run_command("benchmark_search", "--repeat", "2", "--warmup", "0")


def rows(output):
    """{(kind, measure): the rest of the line} of the table."""
    found = {}
    for line in output.splitlines():
        match = ROW.match(line)
        if match and match["measure"].strip() in {"engine", "view", "PostgreSQL floor"}:
            found[(match["kind"].strip(), match["measure"].strip())] = match["rest"]
    return found


def test_the_benchmark_names_the_live_stories_and_the_index_size(output):
    assert re.search(r"^Live stories: 5; index size: \d+\.\d MB", output, re.MULTILINE)


def test_each_kind_of_query_and_the_total_get_an_engine_and_a_view_row_with_timings(output):
    table = rows(output)

    for kind in [*KINDS, "overall"]:
        for measure in ("engine", "view"):
            runs, p50, p95, ratio = NUMBERS.match(table[(kind, measure)]).groups()
            assert int(runs) >= 2
            assert float(p50) <= float(p95)
        assert NUMBERS.match(table[(kind, "engine")])[4] == "1.0"
    # Four searches of each kind, two runs each.
    assert NUMBERS.match(table[("overall", "engine")])[1] == str(2 * 4 * len(KINDS))


def test_the_columns_are_named_and_aligned(output):
    lines = output.splitlines()
    [header] = [line for line in lines if line.startswith("query kind")]
    assert header.split() == ["query", "kind", "measure", "runs", "p50", "ms", "p95", "ms"] + [
        "p95",
        "/",
        "engine",
        "p95",
    ]
    timed = [
        line for line in lines if NUMBERS.match(ROW.match(line)["rest"] if ROW.match(line) else "")
    ]
    assert timed
    assert {len(line) for line in timed} == {len(header)}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the floor runs on PostgreSQL")
def test_on_postgresql_every_kind_gets_a_full_text_floor_row(output):
    table = rows(output)

    for kind in [*KINDS, "overall"]:
        assert NUMBERS.match(table[(kind, "PostgreSQL floor")])
    assert FLOOR_NOTICE not in output


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the notice is for SQLite")
def test_on_sqlite_the_floor_row_says_it_needs_postgresql(output):
    table = rows(output)

    for kind in [*KINDS, "overall"]:
        assert table[(kind, "PostgreSQL floor")] == FLOOR_NOTICE


def test_the_benchmark_leaves_the_search_report_untouched(stories):
    # The view does log a first-page search, so the benchmark's requests would be counted.
    Client().get("/zoeken/", {"q": "pleegzorg"})
    before = list(SearchQueryDay.objects.values_list("query", "searches", "zero_results"))
    assert before == [("pleegzorg", 1, 0)]

    run_command("benchmark_search", "--repeat", "1", "--warmup", "1")

    assert list(SearchQueryDay.objects.values_list("query", "searches", "zero_results")) == before
