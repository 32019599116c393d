"""The theme and region pages in /sitemap.xml, beside Wagtail's pages.

Theme and region pages are Django views, not Wagtail pages, so Wagtail's sitemap does not know
them. A term is listed when at least one live public story has it, with the last time such a
story was published as its `lastmod`; an empty term's page is thin and stays out.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap

from core.site_address import absolute_url
from stories.models import Region, StoryPage, Theme


@dataclass(frozen=True)
class TermEntry:
    """One theme or region page, as Wagtail's sitemap asks its items for their URLs."""

    path: str
    lastmod: datetime

    def get_sitemap_urls(self, request=None):
        return [{"location": absolute_url(self.path, request), "lastmod": self.lastmod}]


class TermSitemap(Sitemap):
    """Every theme and region page with a live public story: one query per kind of term."""

    def items(self):
        public = StoryPage.objects.live().public().values("pk")
        return [
            TermEntry(reverse(route, kwargs={"slug": term.slug}), term.lastmod)
            for model, route in ((Theme, "theme"), (Region, "region"))
            for term in model.objects.filter(stories__in=public)
            .annotate(lastmod=Max("stories__last_published_at"))
            .order_by("slug")
        ]

    def _urls(self, page, protocol, domain):
        # Wagtail's own reads its items with .iterator(), which a list has not.
        urls = [
            url
            for entry in self.paginator.page(page).object_list
            for url in entry.get_sitemap_urls(self.request)
        ]
        if urls:
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls
