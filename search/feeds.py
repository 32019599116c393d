"""The RSS feeds of one theme (/thema/<slug>/feed/) and one jeugdregio (/regio/<slug>/feed/):
the newest live, public stories of every type with that term, on stories' StoryFeed."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stories.feeds import StoryFeed
from stories.models import Region, StoryPage, Theme


class TermFeed(StoryFeed):
    """The stories with one taxonomy term; each subclass names the term's model and page."""

    model = Theme
    relation = "themes"
    url_name = "theme"
    title_format = _("Hart voor de Jeugd: thema %(name)s")

    @classmethod
    def link_for(cls, term):
        """The title and address the term's page advertises this feed with."""
        return {
            "title": str(cls.title_format) % {"name": term.name},
            "url": reverse(f"{cls.url_name}_feed", args=[term.slug]),
        }

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def title(self, term):
        return str(self.title_format) % {"name": term.name}

    def link(self, term):
        return self.absolute(reverse(self.url_name, args=[term.slug]))

    def description(self, term):
        return term.description or self.title(term)

    def items(self, term):
        stories = StoryPage.objects.live().public().filter(**{self.relation: term})
        return self.story_items(stories.order_by("-first_published_at"))


class ThemeFeed(TermFeed):
    """The newest stories about one theme."""


class RegionFeed(TermFeed):
    """The newest stories from one jeugdregio."""

    model = Region
    relation = "regions"
    url_name = "region"
    title_format = _("Hart voor de Jeugd: jeugdregio %(name)s")


def theme_feed(request, slug):
    """/thema/<slug>/feed/"""
    return ThemeFeed.serve(request, slug=slug)


def region_feed(request, slug):
    """/regio/<slug>/feed/"""
    return RegionFeed.serve(request, slug=slug)
