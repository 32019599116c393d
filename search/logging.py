"""The query log behind the redactie's search report: a count per query and day, nothing about
who searched.

The results page does not write the log itself: `note_search` adds the search to a counter in
the process, and a background thread writes what gathered, one UPDATE per distinct query, at
most every HVDJ_QUERY_LOG_SECONDS (default 10; 0 writes at once, as the tests do). A visitor's
search then costs no database write, and a thousand searches for "pleegzorg" are one statement.
What gathered in a process that is killed before its next write is lost: a few seconds of
statistics, never a visitor's data. A failed write (the database away) keeps the counts for
the next one.
"""

import atexit
import logging
import threading
import time

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from .models import SearchQueryDay

logger = logging.getLogger(__name__)

MAX_LOGGED_LENGTH = 200
DEFAULT_INTERVAL = 10


def normalise_query(query):
    """The query as the report counts it: lowercased, whitespace collapsed, at most 200 long."""
    return " ".join(query.lower().split())[:MAX_LOGGED_LENGTH].strip()


def log_search(*, query, result_count):
    """Count one search for `query` today (Europe/Amsterdam), and whether it found nothing."""
    query = normalise_query(query)
    if query:
        add_counts(query, timezone.localdate(), 1, 1 if result_count == 0 else 0)


@transaction.atomic
def add_counts(query, day, searches, zero_results):
    """Add `searches` (of which `zero_results` found nothing) to the row of `query` and `day`."""
    todays_row = SearchQueryDay.objects.filter(query=query, day=day)
    increments = {
        "searches": F("searches") + searches,
        "zero_results": F("zero_results") + zero_results,
    }
    if todays_row.update(**increments):
        return
    try:
        # A savepoint, so that losing the race below leaves the transaction usable.
        with transaction.atomic():
            SearchQueryDay.objects.create(
                query=query, day=day, searches=searches, zero_results=zero_results
            )
    except IntegrityError:
        # Another request created today's row between our update and our insert.
        todays_row.update(**increments)


class Gathered:
    """The searches of this process not yet written: {(query, day): [searches, zero]}."""

    def __init__(self):
        self.counts = {}
        self.lock = threading.Lock()
        self.last_write = time.monotonic()
        self.writing = False

    def add(self, query, day, found_nothing):
        with self.lock:
            counts = self.counts.setdefault((query, day), [0, 0])
            counts[0] += 1
            counts[1] += found_nothing

    def take(self):
        with self.lock:
            counts, self.counts = self.counts, {}
            self.last_write = time.monotonic()
            return counts

    def put_back(self, counts):
        for key, (searches, zero) in counts.items():
            with self.lock:
                kept = self.counts.setdefault(key, [0, 0])
                kept[0] += searches
                kept[1] += zero

    def due(self, interval):
        """Whether a write is due and none is running; the caller then starts one."""
        with self.lock:
            if self.writing or time.monotonic() - self.last_write < interval:
                return False
            self.writing = True
            return True

    def done(self):
        with self.lock:
            self.writing = False


gathered = Gathered()


def interval():
    return getattr(settings, "HVDJ_QUERY_LOG_SECONDS", DEFAULT_INTERVAL)


def note_search(*, query, result_count):
    """log_search for the results page: counted now, written off the request path."""
    query = normalise_query(query)
    if not query:
        return
    if interval() <= 0:
        add_counts(query, timezone.localdate(), 1, 1 if result_count == 0 else 0)
        return
    gathered.add(query, timezone.localdate(), 1 if result_count == 0 else 0)
    if gathered.due(interval()):
        threading.Thread(target=write_gathered, name="query-log", daemon=True).start()


def write_gathered():
    """Write what gathered (in a thread of its own: its own database connection)."""
    counts = gathered.take()
    try:
        for (query, day), (searches, zero) in list(counts.items()):
            add_counts(query, day, searches, zero)
            del counts[(query, day)]  # written: not put back when a later one fails
    except Exception:  # noqa: BLE001 - the database away: keep the counts for the next write
        logger.warning("The query log could not be written; %d queries kept", len(counts))
        gathered.put_back(counts)
    finally:
        gathered.done()
        if threading.current_thread() is not threading.main_thread():
            connection.close()


atexit.register(write_gathered)
