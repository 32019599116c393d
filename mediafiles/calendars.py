"""iCalendar (.ics) files for webinars: one per webinar, and a feed of the upcoming ones.

Times are written as local Amsterdam times with a TZID and a VTIMEZONE, so calendar apps keep
19:30 at 19:30 across a daylight-saving change (RFC 5545, section 3.2.19). The online meeting
link is for registrants only: it goes into the file attached to their e-mail
(`include_link=True`), never into the public files.
"""

from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from core.site_address import absolute_url, configured_site

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Hart voor de Jeugd//Webinars//NL"


def build_webinar_calendar(*, name, webinars, request=None, include_link=False, method=None):
    """A VCALENDAR called `name` with one VEVENT per webinar, in Europe/Amsterdam time.

    `include_link` puts the online meeting link in the events, for a registrant's e-mail;
    `method` ("PUBLISH") makes the file an iTIP message that mail apps offer to add.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", AMSTERDAM.key)
    calendar.add_component(Timezone.from_tzinfo(AMSTERDAM))
    # The UID stays the same on whatever address the file is fetched from (RFC 5545, 3.8.4.7).
    site = configured_site()
    host = site.hostname if site else "hartvoordejeugd"
    for webinar in webinars:
        calendar.add_component(
            _webinar_event(
                webinar, host=host, request=request, include_link=include_link, method=method
            )
        )
    return calendar


def calendar_response(calendar, *, filename, attachment):
    """The calendar as a `text/calendar` download (`attachment`) or subscribable feed."""
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _webinar_event(webinar, *, host, request, include_link, method):
    url = absolute_url(webinar.get_url(request), request)
    link = webinar.online_link if include_link else ""
    event = Event()
    event.add("uid", f"webinar-{webinar.pk}@{host}")
    # Without a METHOD, DTSTAMP is when the event was last revised; with one, when this
    # message was made (RFC 5545, 3.8.7.2).
    stamp = None if method else webinar.last_published_at
    event.add("dtstamp", stamp or timezone.now())
    event.add("dtstart", webinar.start.astimezone(AMSTERDAM))
    event.add("dtend", webinar.end.astimezone(AMSTERDAM))
    event.add("summary", webinar.title)
    event.add("description", "\n\n".join(part for part in (webinar.intro, link, url) if part))
    event.add("url", url)
    event.add("location", link or "Online")
    return event
