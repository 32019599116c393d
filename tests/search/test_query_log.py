"""The query log: one count per query and day (Europe/Amsterdam), nothing about who searched."""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from search.logging import gathered, log_search, note_search, write_gathered
from search.models import SearchQueryDay, SearchQueryDayQuerySet

pytestmark = pytest.mark.django_db


def logged():
    """Every row of the log as (query, day, searches, zero_results)."""
    return list(
        SearchQueryDay.objects.order_by("day", "query").values_list(
            "query", "day", "searches", "zero_results"
        )
    )


@pytest.fixture
def now(monkeypatch):
    """Sets the clock: `now(datetime)` makes `timezone.now()` return that moment."""

    def set_now(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_now


def test_a_first_search_today_logs_the_query_once(now):
    now(datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC))

    log_search(query="pleegzorg", result_count=4)

    assert logged() == [("pleegzorg", datetime.date(2026, 3, 10), 1, 0)]


def test_searching_again_on_the_same_day_increments_that_days_count(now):
    now(datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC))

    for _ in range(3):
        log_search(query="pleegzorg", result_count=4)

    assert logged() == [("pleegzorg", datetime.date(2026, 3, 10), 3, 0)]


def test_searches_that_found_nothing_are_counted_apart(now):
    now(datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC))

    log_search(query="kangoeroeregeling", result_count=0)
    log_search(query="kangoeroeregeling", result_count=0)
    log_search(query="kangoeroeregeling", result_count=2)

    assert logged() == [("kangoeroeregeling", datetime.date(2026, 3, 10), 3, 2)]


def test_each_day_gets_its_own_row(now):
    now(datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC))
    log_search(query="wijkteam", result_count=1)
    now(datetime.datetime(2026, 3, 11, 12, 0, tzinfo=datetime.UTC))
    log_search(query="wijkteam", result_count=0)

    assert logged() == [
        ("wijkteam", datetime.date(2026, 3, 10), 1, 0),
        ("wijkteam", datetime.date(2026, 3, 11), 1, 1),
    ]


def test_the_day_is_the_day_in_amsterdam_not_in_utc(now):
    # 23:30 UTC on 10 March is 00:30 on 11 March in Amsterdam.
    now(datetime.datetime(2026, 3, 10, 23, 30, tzinfo=datetime.UTC))

    log_search(query="wijkteam", result_count=1)

    assert logged() == [("wijkteam", datetime.date(2026, 3, 11), 1, 0)]


def test_queries_are_logged_lowercased_with_whitespace_collapsed():
    log_search(query="  Uithuisplaatsing   VOORKOMEN ", result_count=1)
    log_search(query="uithuisplaatsing\tvoorkomen", result_count=1)

    assert [(query, searches) for query, _, searches, _ in logged()] == [
        ("uithuisplaatsing voorkomen", 2)
    ]


def test_only_the_first_200_characters_of_a_query_are_logged():
    log_search(query="a" * 150 + " " + "b" * 150, result_count=0)

    [(query, *_)] = logged()
    assert query == "a" * 150 + " " + "b" * 49


def test_a_query_cut_off_after_a_space_is_logged_without_a_trailing_space():
    log_search(query="a" * 199 + " " + "b" * 10, result_count=0)

    [(query, *_)] = logged()
    assert query == "a" * 199


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_a_blank_query_is_not_logged(query):
    log_search(query=query, result_count=0)

    assert logged() == []


def test_the_log_holds_no_ip_address_account_or_session():
    assert {field.name for field in SearchQueryDay._meta.get_fields()} == {
        "id",
        "query",
        "day",
        "searches",
        "zero_results",
    }


def test_a_search_that_loses_the_race_to_create_todays_row_is_still_counted(monkeypatch):
    # Right after this request's update found no row, another request inserts it: this
    # request's insert then fails on the unique constraint, and its search must still count.
    update = SearchQueryDayQuerySet.update
    calls = []

    def update_then_another_request_inserts(queryset, **fields):
        updated = update(queryset, **fields)
        if not calls:
            SearchQueryDay.objects.bulk_create(
                [SearchQueryDay(query="jeugdhulp", day=timezone.localdate(), searches=1)]
            )
        calls.append(updated)
        return updated

    monkeypatch.setattr(SearchQueryDayQuerySet, "update", update_then_another_request_inserts)

    log_search(query="jeugdhulp", result_count=0)

    assert calls == [0, 1]
    assert [(query, searches, zero) for query, _, searches, zero in logged()] == [
        ("jeugdhulp", 2, 1)
    ]


def test_logging_a_search_for_a_query_already_logged_today_is_one_update(
    django_assert_num_queries,
):
    log_search(query="jeugdhulp", result_count=3)

    with django_assert_num_queries(3) as captured:  # in a savepoint: the test's transaction
        log_search(query="jeugdhulp", result_count=3)

    statements = [query["sql"].split()[0] for query in captured.captured_queries]
    assert statements == ["SAVEPOINT", "UPDATE", "RELEASE"]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite lets one writer in at a time, so nothing races",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_first_searches_for_a_query_are_all_counted():
    requests = 8
    queries = [f"jeugdhulp {round_}" for round_ in range(5)]  # the race is not won every time

    def search(query, start_together):
        try:
            start_together.wait()
            log_search(query=query, result_count=0)
        finally:
            connection.close()  # each thread has its own connection

    with ThreadPoolExecutor(max_workers=requests) as pool:
        for query in queries:
            start_together = threading.Barrier(requests)
            futures = [pool.submit(search, query, start_together) for _ in range(requests)]
            for future in futures:
                future.result()  # raises what the thread raised, an IntegrityError say

    assert [(query, searches, zero) for query, _, searches, zero in logged()] == [
        (query, requests, requests) for query in queries
    ]


# --- Written off the request path (note_search) ------------------------------------------------


def test_searches_are_gathered_in_the_process_and_written_once_per_query(settings):
    settings.HVDJ_QUERY_LOG_SECONDS = 3600  # no write is due during the test
    for _ in range(5):
        note_search(query="Pleegzorg", result_count=2)
    note_search(query="kangoeroeregeling", result_count=0)
    assert logged() == []

    with CaptureQueriesContext(connection) as captured:
        write_gathered()

    writes = [q["sql"].split()[0] for q in captured.captured_queries]
    assert [w for w in writes if w in ("UPDATE", "INSERT")] == ["UPDATE", "INSERT"] * 2

    today = timezone.localdate()
    assert logged() == [
        ("kangoeroeregeling", today, 1, 1),
        ("pleegzorg", today, 5, 0),
    ]
    assert gathered.counts == {}


def test_counts_that_could_not_be_written_are_kept_for_the_next_write(settings, monkeypatch):
    settings.HVDJ_QUERY_LOG_SECONDS = 3600
    note_search(query="wijkteam", result_count=1)

    def database_away(*args):
        raise OperationalError("the database is away")

    with monkeypatch.context() as patched:
        patched.setattr("search.logging.add_counts", database_away)
        write_gathered()
    assert logged() == []

    write_gathered()
    assert [(query, searches) for query, _day, searches, _zero in logged()] == [("wijkteam", 1)]


def test_the_results_page_does_not_write_the_log_when_a_write_is_not_due(client, settings):
    settings.HVDJ_QUERY_LOG_SECONDS = 3600
    gathered.take()

    client.get("/zoeken/", {"q": "pleegzorg"})

    assert logged() == []
    assert list(gathered.take()) == [("pleegzorg", timezone.localdate())]
