"""The query log behind the redactie's search report: a count per query and day, nothing about
who searched."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import SearchQueryDay

MAX_LOGGED_LENGTH = 200


def normalise_query(query):
    """The query as the report counts it: lowercased, whitespace collapsed, at most 200 long."""
    return " ".join(query.lower().split())[:MAX_LOGGED_LENGTH].strip()


@transaction.atomic
def log_search(*, query, result_count):
    """Count one search for `query` today (Europe/Amsterdam), and whether it found nothing."""
    query = normalise_query(query)
    if not query:
        return
    day = timezone.localdate()
    found_nothing = 1 if result_count == 0 else 0
    todays_row = SearchQueryDay.objects.filter(query=query, day=day)
    increments = {
        "searches": F("searches") + 1,
        "zero_results": F("zero_results") + found_nothing,
    }
    if todays_row.update(**increments):
        return
    try:
        # A savepoint, so that losing the race below leaves the transaction usable.
        with transaction.atomic():
            SearchQueryDay.objects.create(
                query=query, day=day, searches=1, zero_results=found_nothing
            )
    except IntegrityError:
        # Another request created today's row between our update and our insert.
        todays_row.update(**increments)
