"""RSS 2.0 feeds of stories, on Django's syndication framework.

Each section home (verhalen, vlogs, webinars, dialogen) answers its feed at `<index>/feed/`
through `SectionFeedMixin`; the theme and region feeds (search) and the dialogue feed build on
`StoryFeed`. Every address in a feed is absolute, on the host the request came to; an item's
author is the contributor's display name, never an e-mail address. Only live, public pages
are in a feed, and a feed costs the same few queries for any number of items.
"""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core import site_address

FEED_ITEMS = 30
CACHE_SECONDS = 300


class StoryFeed(Feed):
    """What every feed of stories says about an item: title, absolute link and guid, the
    summary as plain text, first publication, contributor and themes.

    Django serves one Feed instance to every request; `serve` makes one per request instead,
    so that the request (for absolute addresses on its host) can be kept on it."""

    feed_type = Rss201rev2Feed
    language = "nl"
    item_guid_is_permalink = True

    def __init__(self, request):
        self.request = request

    @classmethod
    def serve(cls, request, **kwargs):
        return cls(request)(request, **kwargs)

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response

    def absolute(self, url):
        return site_address.absolute_url(url, self.request)

    def feed_url(self, obj):
        return self.absolute(self.request.path)

    def story_items(self, queryset):
        """The newest FEED_ITEMS of `queryset` with their contributors and themes."""
        return queryset.select_related("contributor").prefetch_related("themes")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return self.absolute(item.get_url(self.request))

    def item_description(self, item):
        return item.intro

    def item_pubdate(self, item):
        return item.first_published_at

    def item_author_name(self, item):
        return str(item.contributor_name) or None

    def item_categories(self, item):
        return sorted(theme.name for theme in item.themes.all())


class SectionFeed(StoryFeed):
    """The feed of a section home: the items its `feed_items` chooses."""

    def get_object(self, request, index):
        return index

    def title(self, index):
        return str(index.feed_title)

    def description(self, index):
        return str(index.feed_description)

    def link(self, index):
        return self.absolute(index.get_url(self.request))

    def items(self, index):
        return self.story_items(index.feed_items())


class VlogFeed(SectionFeed):
    """Vlogs, with an uploaded video file as the item's enclosure."""

    def item_enclosure_url(self, item):
        return self.absolute(item.video_file.url) if item.video_file_id else None

    def item_enclosure_length(self, item):
        # The size Wagtail recorded on upload: asking the storage would cost a query per item.
        return (item.video_file.file_size or 0) if item.video_file_id else None

    def item_enclosure_mime_type(self, item):
        return (item.video_type or "video/mp4") if item.video_file_id else None


class WebinarFeed(SectionFeed):
    """Webinars: published like other stories, with when they start in the description."""

    def item_description(self, item):
        start = date_format(timezone.localtime(item.start), "l j F Y, H:i")
        when = gettext("Begint op %(start)s uur.") % {"start": start}
        return f"{when} {item.intro}".strip()


class SectionFeedMixin(RoutablePageMixin):
    """A section home with its RSS feed at `<index>/feed/`, advertised in its <head>."""

    feed_class = SectionFeed
    feed_title = ""
    feed_description = ""

    def feed_items(self):
        return (
            self.child_model.objects.child_of(self).live().public().order_by("-first_published_at")
        )

    @path("feed/", name="feed")
    def feed(self, request):
        """The section's newest stories as RSS, for feed readers."""
        return self.feed_class.serve(request, index=self)
