"""The .ics of each webinar and the /webinars/agenda.ics feed, read back with icalendar."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from tests.factories import WebinarIndexPageFactory, WebinarPageFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FEED_URL = "/webinars/agenda.ics"
ONLINE_LINK = "https://meet.example.org/geheim-alleen-voor-deelnemers"


def amsterdam(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def next_autumn_clock_change():
    """The last Sunday of October next year, when Amsterdam goes from CEST to CET."""
    last_day = datetime.date(timezone.now().year + 1, 10, 31)
    return last_day - datetime.timedelta(days=(last_day.weekday() - 6) % 7)


def calendar_url(webinar):
    return f"{webinar.url}agenda.ics"


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def events_in(response):
    return Calendar.from_ical(response.content).events


@pytest.fixture
def webinar(home):
    return WebinarPageFactory(
        title="Samen sterker na een uithuisplaatsing",
        start=amsterdam(2026, 10, 24, 19, 30),
        end=amsterdam(2026, 10, 24, 21),
        online_link=ONLINE_LINK,
    )


def test_a_webinar_calendar_holds_one_event_with_its_title(client, webinar):
    [event] = events_in(download(client, calendar_url(webinar)))

    assert event["SUMMARY"] == "Samen sterker na een uithuisplaatsing"
    assert event["URL"] == webinar.full_url
    assert event["LOCATION"] == "Online"
    assert event["DESCRIPTION"] == f"{webinar.intro}\n\n{webinar.full_url}"


def test_a_webinar_keeps_the_same_uid_in_every_download(client, webinar):
    [first] = events_in(download(client, calendar_url(webinar)))
    [second] = events_in(download(client, calendar_url(webinar)))

    assert first["UID"] == second["UID"] == f"webinar-{webinar.pk}@testserver"


def test_a_webinar_calendar_has_its_times_in_amsterdam_with_a_vtimezone(client, webinar):
    response = download(client, calendar_url(webinar))
    calendar = Calendar.from_ical(response.content)
    [event] = calendar.events

    assert event.start == webinar.start
    assert event.end == webinar.end
    assert event.start.tzinfo == AMSTERDAM
    assert event.end.tzinfo == AMSTERDAM
    assert b"DTSTART;TZID=Europe/Amsterdam:20261024T193000" in response.content
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Amsterdam"]
    assert calendar["X-WR-TIMEZONE"] == "Europe/Amsterdam"
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(24, 17), (26, 18)],
    ids=["summer-time", "winter-time"],
)
def test_a_webinar_calendar_is_right_on_both_sides_of_the_clock_change(
    client, home, day, utc_hour
):
    webinar = WebinarPageFactory(
        start=amsterdam(2026, 10, day, 19, 30), end=amsterdam(2026, 10, day, 21)
    )

    [event] = events_in(download(client, calendar_url(webinar)))

    assert event.start.replace(tzinfo=None) == datetime.datetime(2026, 10, day, 19, 30)
    assert event.start.astimezone(datetime.UTC) == datetime.datetime(
        2026, 10, day, utc_hour, 30, tzinfo=datetime.UTC
    )


def test_the_feed_keeps_webinars_at_1930_across_the_next_clock_change(client, home):
    sunday = next_autumn_clock_change()
    saturday, monday = sunday - datetime.timedelta(days=1), sunday + datetime.timedelta(days=1)
    for day in (monday, saturday):
        start = datetime.datetime.combine(day, datetime.time(19, 30), tzinfo=AMSTERDAM)
        WebinarPageFactory(start=start, end=start + datetime.timedelta(hours=1))

    events = events_in(download(client, FEED_URL))

    assert [event.start.time() for event in events] == [datetime.time(19, 30)] * 2
    assert [event.start.tzinfo for event in events] == [AMSTERDAM] * 2
    assert [event.start.astimezone(datetime.UTC) for event in events] == [
        datetime.datetime.combine(saturday, datetime.time(17, 30), tzinfo=datetime.UTC),
        datetime.datetime.combine(monday, datetime.time(18, 30), tzinfo=datetime.UTC),
    ]


def test_the_feed_lists_only_upcoming_live_webinars_in_start_order(client, home):
    now = timezone.now().replace(microsecond=0)
    later = WebinarPageFactory(title="Later", start=now + datetime.timedelta(days=30))
    sooner = WebinarPageFactory(title="Binnenkort", start=now + datetime.timedelta(days=3))
    WebinarPageFactory(title="Al geweest", start=now - datetime.timedelta(days=3))
    WebinarPageFactory(title="Concept", start=now + datetime.timedelta(days=5), live=False)

    events = events_in(download(client, FEED_URL))

    assert [str(event["SUMMARY"]) for event in events] == ["Binnenkort", "Later"]
    assert [event.start for event in events] == [sooner.start, later.start]


def test_the_online_link_is_in_neither_calendar(client, home):
    webinar = WebinarPageFactory(online_link=ONLINE_LINK)

    for url in (calendar_url(webinar), FEED_URL):
        response = download(client, url)
        assert b"meet.example.org" not in response.content
        assert b"geheim-alleen-voor-deelnemers" not in response.content


def test_a_webinar_calendar_is_a_calendar_download(client, webinar):
    response = download(client, calendar_url(webinar))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{webinar.slug}.ics"'


def test_the_feed_is_an_inline_calendar(client, home):
    WebinarIndexPageFactory()

    response = download(client, FEED_URL)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="webinars.ics"'
    assert Calendar.from_ical(response.content).events == []


def test_a_draft_webinar_has_no_calendar(client, home):
    draft = WebinarPageFactory(live=False)

    response = client.get(calendar_url(draft))

    assert response.status_code == 404


def test_the_pages_link_to_their_calendars(client, home):
    upcoming = WebinarPageFactory()

    webinar_html = download(client, upcoming.url).content.decode()
    index_html = download(client, "/webinars/").content.decode()

    assert f'href="{calendar_url(upcoming)}"' in webinar_html
    assert "Zet in je agenda" in webinar_html
    assert f'href="{FEED_URL}"' in index_html
    assert "Abonneer op de webinaragenda" in index_html


def test_the_feed_needs_no_more_queries_for_more_webinars(
    client, home, django_assert_max_num_queries
):
    WebinarPageFactory.create_batch(2)
    download(client, FEED_URL)
    with CaptureQueriesContext(connection) as two_webinars:
        download(client, FEED_URL)
    # Read now: Django empties its query log when the next request starts.
    queries_for_two = len(two_webinars.captured_queries)

    WebinarPageFactory.create_batch(8)
    download(client, FEED_URL)  # the first request after the change also indexes the webinars

    with django_assert_max_num_queries(queries_for_two):
        response = download(client, FEED_URL)
    assert len(events_in(response)) == 10
