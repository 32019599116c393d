"""The main menu and the footer's links of every page: what the redactie set under
Instellingen > Navigatie, or, while a part of it is empty (a fresh install), the sections and
content pages that have "Tonen in menu's" on, as before there was a setting.

The setting's links are read from the stored JSON rather than through the StreamField's values:
that way the pages of the menu and of the footer come in one query, already limited to live pages
outside any view restriction (a subquery, where Wagtail's `public()` costs a query of its own).
The result is kept in the cache per generation of the page cache (core.page_cache), which every
publish, unpublish, move and save of the setting or of a view restriction starts anew, so most
pages read the navigation without a query.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from core.page_cache import current_generation
from core.sites import site_for
from dialogues.models import DialogueIndexPage
from stories.models import ArticleIndexPage, PodcastIndexPage, VlogIndexPage, WebinarIndexPage

from .models import ContentPage, NavigationSettings

SECTION_MODELS = (
    ArticleIndexPage,
    VlogIndexPage,
    PodcastIndexPage,
    WebinarIndexPage,
    DialogueIndexPage,
)
AUTOMATIC_FOOTER_HEADING = _("Over dit platform")
CACHE_SECONDS = 600


@dataclass(frozen=True)
class Link:
    url: str
    label: str
    page_id: int | None = None
    path: str = ""  # the page's place in the tree, to mark the section a visitor is in


@dataclass(frozen=True)
class LinkGroup:
    heading: str
    links: list[Link]


def main_navigation(request):
    """The home page, menu links, footer link groups and footer text for this request's site.

    Lazy, so that responses that render no template (redirects, files) cost no query.
    """
    return SimpleLazyObject(lambda: _cached(request))


def visible(pages):
    """Only the pages a visitor may see: live and not in or below a private section."""
    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.live().exclude(Exists(restrictions))


def _cached(request):
    site = site_for(request)
    if site is None:
        return {"home_url": None, "menu": [], "footer_groups": [], "footer_text": ""}
    navigation = cache.get(_cache_key(site))
    if navigation is None:
        navigation = _load(request, site)
        # Not the key of before: creating the setting's row on a first visit starts a new
        # generation itself.
        cache.set(_cache_key(site), navigation, timeout=CACHE_SECONDS)
    return navigation


def _cache_key(site):
    return f"hvdj:navigation:{current_generation()}:{site.pk}"


def _load(request, site):
    # Read, never created: Wagtail's for_request() would add the row on a first visit, and a new
    # row empties the page cache. Until the redactie saves it, the defaults (an empty menu) hold.
    setting = NavigationSettings.objects.filter(site=site).first() or NavigationSettings(site=site)
    menu_raw = [block["value"] for block in setting.menu.raw_data]
    groups_raw = [block["value"] for block in setting.footer_groups.raw_data]
    chosen = [
        link["page"]
        for link in (*menu_raw, *(link for group in groups_raw for link in _items(group)))
        if link.get("page")
    ]
    pages = visible(Page.objects.filter(pk__in=chosen)).in_bulk() if chosen else {}

    def links(raw_links):
        return [link for raw in raw_links if (link := _link(raw, pages, request))]

    menu = links(menu_raw)
    footer_groups = [
        LinkGroup(heading=group["heading"], links=group_links)
        for group in groups_raw
        if (group_links := links(_items(group)))
    ]
    if not menu_raw or not groups_raw:
        sections, content_pages = _automatic(site, request)
        menu = menu if menu_raw else sections
        if not groups_raw and content_pages:
            footer_groups = [LinkGroup(heading=AUTOMATIC_FOOTER_HEADING, links=content_pages)]
    return {
        "home_url": site.root_page.get_url(request),
        "menu": menu,
        "footer_groups": footer_groups,
        "footer_text": setting.footer_text,
    }


def _items(group):
    """The links of a footer group as stored: a ListBlock keeps each as {"type": "item", ...}."""
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
        for item in group.get("links", [])
    ]


def _link(raw, pages, request):
    if raw.get("page"):
        page = pages.get(raw["page"])
        if page is None:
            return None
        return _page_link(page, request, label=raw.get("label"))
    if raw.get("url"):
        return Link(url=raw["url"], label=raw.get("label") or raw["url"])
    return None


def _automatic(site, request):
    """The sections and the content pages directly below the home page with "Tonen in menu's"."""
    content_types = ContentType.objects.get_for_models(*SECTION_MODELS, ContentPage)
    content_page_type = content_types[ContentPage]
    pages = visible(
        Page.objects.child_of(site.root_page)
        .in_menu()
        .filter(content_type__in=content_types.values())
        .order_by("path")
    )
    sections, content_pages = [], []
    for page in pages:
        link = _page_link(page, request)
        (content_pages if page.content_type_id == content_page_type.pk else sections).append(link)
    return sections, content_pages


def _page_link(page, request, label=""):
    return Link(
        url=page.get_url(request), label=label or page.title, page_id=page.pk, path=page.path
    )
