"""The podcast's RSS 2.0 feed, with the tags podcast apps read.

Apple's `itunes:` tags (https://podcasters.apple.com/support/823-podcast-requirements) and
the Podcasting 2.0 `podcast:` namespace (https://podcastindex.org/namespace/1.0). Every
address in it is absolute, built on the podcast index page's own full URL.
"""

import mimetypes
import uuid
from datetime import UTC
from email.utils import format_datetime
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from django.conf import settings
from django.http import HttpResponse
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.rich_text import expand_db_html

from core import site_address

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
for prefix, uri in (("itunes", ITUNES), ("podcast", PODCAST), ("atom", ATOM)):
    ET.register_namespace(prefix, uri)

# The namespace of podcast:guid, a UUIDv5 of the feed URL without its scheme and trailing
# slashes (https://podcastindex.org/namespace/1.0#guid).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
COVER_RENDITION = "fill-1400x1400"
DEFAULT_COVER = "img/podcast-cover.png"
MAX_EPISODES = 300
CACHE_SECONDS = 300


def podcast_guid(feed_url):
    """The feed's podcast:guid: the same for the same feed URL, on http or https."""
    bare = feed_url.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def rfc2822(moment):
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def episode_seconds(duration):
    return round(duration.total_seconds()) if duration else None


def absolute_url(page, request=None):
    """The page's address on the host the request came to (checked against ALLOWED_HOSTS), so
    that the feed is right whatever the Site record says; the Site's root URL without one."""
    if request is None:
        return page.get_full_url()
    return site_address.absolute_url(page.get_url(request), request)


def build_podcast_feed(*, index, episodes, feed_url, request=None):
    """The RSS document (bytes) for the podcast at `index` with `episodes`, newest first."""
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    site_url = absolute_url(index, request)
    title = index.title
    _add(channel, "title", title)
    _add(channel, "link", site_url)
    _add(channel, "description", index.intro or title)
    _add(channel, "language", "nl")
    ET.SubElement(
        channel,
        f"{{{ATOM}}}link",
        {"href": feed_url, "rel": "self", "type": "application/rss+xml"},
    )
    if episodes:
        _add(channel, "lastBuildDate", rfc2822(episodes[0].first_published_at))
    cover_url = urljoin(feed_url, cover_image_url(index))
    image = ET.SubElement(channel, "image")
    _add(image, "url", cover_url)
    _add(image, "title", title)
    _add(image, "link", site_url)
    ET.SubElement(channel, f"{{{ITUNES}}}image", {"href": cover_url})
    category = ET.SubElement(channel, f"{{{ITUNES}}}category", {"text": "Kids & Family"})
    ET.SubElement(category, f"{{{ITUNES}}}category", {"text": "Parenting"})
    owner = ET.SubElement(channel, f"{{{ITUNES}}}owner")
    _add(owner, f"{{{ITUNES}}}name", index.owner_name)
    _add(owner, f"{{{ITUNES}}}email", owner_email(index))
    _add(channel, f"{{{ITUNES}}}author", index.owner_name)
    _add(channel, f"{{{ITUNES}}}explicit", "false")
    _add(channel, f"{{{ITUNES}}}type", "episodic")
    _add(channel, f"{{{PODCAST}}}locked", "no")
    _add(channel, f"{{{PODCAST}}}guid", podcast_guid(feed_url))
    for episode in episodes:
        _add_episode(channel, episode, feed_url=feed_url, request=request)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True)


def feed_response(content):
    """The feed as `application/rss+xml`, cacheable for a few minutes."""
    response = HttpResponse(content, content_type="application/rss+xml; charset=utf-8")
    patch_cache_control(response, max_age=CACHE_SECONDS)
    return response


def cover_image_url(index):
    if index.cover_image:
        return index.cover_image.get_rendition(COVER_RENDITION).url
    return static(DEFAULT_COVER)


def owner_email(index):
    """The owner's address, or the address the site sends from (without the display name)."""
    if index.owner_email:
        return index.owner_email
    return settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip()


def _add_episode(channel, episode, *, feed_url, request):
    item = ET.SubElement(channel, "item")
    _add(item, "title", episode.title)
    _add(item, "link", absolute_url(episode, request))
    _add(item, "guid", str(episode.translation_key), isPermaLink="false")
    _add(item, "pubDate", rfc2822(episode.first_published_at))
    _add(item, "description", episode_description(episode))
    audio = episode.audio_file
    ET.SubElement(
        item,
        "enclosure",
        {
            "url": urljoin(feed_url, audio.url),
            "length": str(audio.file_size or audio.get_file_size() or 0),
            "type": episode.audio_type or mimetypes.guess_type(audio.file.name)[0] or "audio/mpeg",
        },
    )
    if (seconds := episode_seconds(episode.duration)) is not None:
        _add(item, f"{{{ITUNES}}}duration", str(seconds))
    if episode.season_number:
        _add(item, f"{{{ITUNES}}}season", str(episode.season_number))
    if episode.episode_number:
        _add(item, f"{{{ITUNES}}}episode", str(episode.episode_number))
    _add(item, f"{{{ITUNES}}}episodeType", "full")
    if episode.transcript_file:
        ET.SubElement(
            item,
            f"{{{PODCAST}}}transcript",
            {
                "url": urljoin(feed_url, episode.transcript_file.url),
                "type": "text/vtt",
                "language": "nl",
                "rel": "captions",
            },
        )
    elif episode.transcript:
        ET.SubElement(
            item,
            f"{{{PODCAST}}}transcript",
            {
                "url": urljoin(feed_url, episode.url_for_transcript(request)),
                "type": "text/plain",
                "language": "nl",
            },
        )


def episode_description(episode):
    """The episode's summary, then its show notes (HTML, which RSS readers show)."""
    parts = [f"<p>{escape(episode.intro)}</p>"] if episode.intro else []
    if episode.show_notes:
        parts.append(expand_db_html(episode.show_notes))
    return "\n".join(parts) or gettext("Een aflevering van de podcast van Hart voor de Jeugd.")


def _add(parent, tag, text, **attributes):
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element
