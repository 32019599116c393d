"""Structured data (schema.org JSON-LD) for the story pages: Article, VideoObject for vlogs,
PodcastEpisode, Event for webinars, and the BreadcrumbList every page below the home page has.

The builders return plain dicts; the project's `{% structured_data %}` tag
(hartvoordejeugd.structured_data) picks the builder for a page and writes the JSON safely.
Written by hand: the properties search engines ask for are few and ours to choose
(https://developers.google.com/search/docs/appearance/structured-data/search-gallery), and a
schema.org library would add a dependency for them.

`files=False` leaves out every address of an image, video or audio file: a page behind a view
restriction and a preview show members' uploads that are not public (stories.media).
"""

import datetime
from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page

from core.site_address import absolute_url, site_name

from .models import PodcastPage, StoryPage, VlogPage, WebinarPage
from .models.vlog import external_video_embed
from .renditions import HERO

SCHEMA = "https://schema.org"
# The JPEG that a story's hero and a vlog's poster fall back on: the page made it already.
IMAGE_RENDITION = HERO.fallback_spec
LOGO = "img/podcast-cover.png"

JsonDict = dict[str, Any]


def iso_time(value: datetime.datetime | None) -> str | None:
    """A moment in the site's time zone with its offset: "2026-03-05T19:30:00+01:00"."""
    if value is None:
        return None
    return timezone.localtime(value).isoformat(timespec="seconds")


def iso_duration(value: datetime.timedelta | None) -> str | None:
    """A play time in ISO 8601 to the second, as schema.org writes it: "PT1H2M3S", "PT14S"."""
    if not value:
        return None
    minutes, seconds = divmod(round(value.total_seconds()), 60)
    hours, minutes = divmod(minutes, 60)
    parts = zip((hours, minutes, seconds), "HMS", strict=True)
    text = "".join(f"{amount}{unit}" for amount, unit in parts if amount)
    return f"PT{text or '0S'}"


def without_empty(data: JsonDict) -> JsonDict:
    """`data` without the properties that have no value."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def organisation(request: HttpRequest) -> JsonDict:
    """The platform itself, as publisher and as author of what the redactie writes."""
    return {
        "@type": "Organization",
        "name": site_name(request),
        "url": absolute_url("/", request),
        "logo": {"@type": "ImageObject", "url": absolute_url(static(LOGO), request)},
    }


def author(page: StoryPage, request: HttpRequest) -> JsonDict:
    """The member who shared the story, by the name the page shows; the platform when no
    member did (the redactie's own stories, or the member left and took their name along)."""
    if page.contributor_id:
        return {"@type": "Person", "name": str(page.contributor_name)}
    return organisation(request)


def image_url(image: Any, request: HttpRequest) -> str | None:
    if image is None:
        return None
    return absolute_url(image.get_rendition(IMAGE_RENDITION).url, request)


def file_url(document: Any, request: HttpRequest) -> str | None:
    return absolute_url(document.url, request) if document is not None else None


def breadcrumb_list(
    page: Page, request: HttpRequest, *, ancestors: list[Page], home_name: str
) -> JsonDict:
    """The path from the home page (named `home_name`, as the breadcrumbs show it) down to
    `page`; `ancestors` are the page's ancestors from the root down."""
    trail = [ancestor for ancestor in ancestors if ancestor.depth > 1]
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": home_name if crumb.depth == 2 else crumb.title,
            "item": absolute_url(crumb.get_url(request), request),
        }
        for position, crumb in enumerate([*trail, page], start=1)
    ]
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": items}


def common(page: StoryPage, request: HttpRequest, *, files: bool) -> JsonDict:
    """What every story says of itself, whatever its type."""
    return {
        "@context": SCHEMA,
        "url": page.get_full_url(request),
        "description": page.search_description or page.intro,
        "image": image_url(page.hero_image, request) if files else None,
        "inLanguage": "nl-NL",
    }


def article(page: StoryPage, request: HttpRequest, *, files: bool) -> JsonDict:
    """An Article: headline, summary, image, dates, author and publisher."""
    data = common(page, request, files=files)
    data.update(
        {
            "@type": "Article",
            "headline": page.title,
            "datePublished": iso_time(page.first_published_at),
            "dateModified": iso_time(page.last_published_at),
            "author": author(page, request),
            "publisher": organisation(request),
        }
    )
    return without_empty(data)


def video_object(page: VlogPage, request: HttpRequest, *, files: bool) -> JsonDict:
    """A VideoObject: our own file as contentUrl, or the YouTube or Vimeo player as embedUrl."""
    data = common(page, request, files=files)
    poster = page.poster_image or page.hero_image
    data.update(
        {
            "@type": "VideoObject",
            "name": page.title,
            "thumbnailUrl": image_url(poster, request) if files else None,
            "uploadDate": iso_time(page.first_published_at),
            "duration": iso_duration(page.duration),
            "contentUrl": file_url(page.video_file, request) if files else None,
            "embedUrl": None if page.video_file else external_video_embed(page.video_url)[0],
            "transcript": page.transcript_text(),
            "author": author(page, request),
            "publisher": organisation(request),
        }
    )
    data.pop("image")
    return without_empty(data)


def podcast_episode(
    page: PodcastPage, request: HttpRequest, *, files: bool, series: Page | None
) -> JsonDict:
    """A PodcastEpisode with its audio and the podcast (`series`, its index page) it is of."""
    data = common(page, request, files=files)
    audio = page.audio_file if files else None
    data.update(
        {
            "@type": "PodcastEpisode",
            "name": page.title,
            "datePublished": iso_time(page.first_published_at),
            "episodeNumber": page.episode_number,
            "timeRequired": iso_duration(page.duration),
            "associatedMedia": media_object(audio, page, request) if audio else None,
            "partOfSeries": podcast_series(series, request) if series else None,
            "partOfSeason": (
                {"@type": "PodcastSeason", "seasonNumber": page.season_number}
                if page.season_number is not None
                else None
            ),
            "author": author(page, request),
            "publisher": organisation(request),
        }
    )
    return without_empty(data)


def media_object(audio: Any, page: PodcastPage, request: HttpRequest) -> JsonDict:
    return without_empty(
        {
            "@type": "MediaObject",
            "contentUrl": file_url(audio, request),
            "encodingFormat": page.audio_type,
            "duration": iso_duration(page.duration),
        }
    )


def podcast_series(series: Page, request: HttpRequest) -> JsonDict:
    return {
        "@type": "PodcastSeries",
        "name": series.title,
        "url": absolute_url(series.get_url(request), request),
    }


def event(page: WebinarPage, request: HttpRequest, *, files: bool) -> JsonDict:
    """An online Event. The location is the page, never the meeting's link (that goes to
    registered participants only). A webinar has no cancelled or moved state in the model,
    so its status is always EventScheduled."""
    data = common(page, request, files=files)
    description = page.search_description or page.intro or strip_tags(page.description)
    data.update(
        {
            "@type": "Event",
            "name": page.title,
            "description": description,
            "startDate": iso_time(page.start),
            "endDate": iso_time(page.end),
            "eventAttendanceMode": f"{SCHEMA}/OnlineEventAttendanceMode",
            "eventStatus": f"{SCHEMA}/EventScheduled",
            "location": {"@type": "VirtualLocation", "url": data["url"]},
            "organizer": organisation(request),
            "isAccessibleForFree": True,
            "offers": {
                "@type": "Offer",
                "price": "0",
                "priceCurrency": "EUR",
                "url": data["url"],
                "availability": f"{SCHEMA}/InStock" if page.can_register else None,
            },
        }
    )
    data["offers"] = without_empty(data["offers"])
    return without_empty(data)


def story(
    page: StoryPage, request: HttpRequest, *, files: bool, ancestors: list[Page]
) -> JsonDict:
    """The structured data of a story: its own type's, or an Article (ArticlePage and any
    story type without one)."""
    if isinstance(page, VlogPage):
        return video_object(page, request, files=files)
    if isinstance(page, PodcastPage):
        series = ancestors[-1] if ancestors else None
        return podcast_episode(page, request, files=files, series=series)
    if isinstance(page, WebinarPage):
        return event(page, request, files=files)
    return article(page, request, files=files)
