"""What search engines and social media read in a page's <head>: its canonical address, meta
description, Open Graph and Twitter card tags (`page_meta`, written by includes/meta.html
through the `page_meta` template tag).

Written by hand because Wagtail has no such tags (wagtail-metadata would add a dependency for
some twenty lines), and because the rules are ours: the description cut after a word, a
listing's canonical page, and no image for a page behind a view restriction.
"""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from core.site_address import absolute_url, site_name
from stories.models import StoryPage

# https://developers.google.com/search/docs/appearance/snippet: about 160 characters show.
DESCRIPTION_LENGTH = 160
# https://developers.facebook.com/docs/sharing/webmasters/images: 1.91:1, at least 1200 wide.
SHARE_IMAGE = "fill-1200x630"
# The site in one sentence (the footer's), for pages that have no summary of their own.
SITE_DESCRIPTION = _(
    "Ouders, jongeren en professionals delen hier wat werkt voor kinderen en jongeren, "
    "en praten erover met elkaar."
)
# Where views and pages keep the page of a paginated list they show (?pagina=).
PAGINATED = ("items", "reply_page", "results")


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class PageMeta:
    """Everything includes/meta.html writes in a page's <head>."""

    title: str
    description: str
    url: str
    canonical: str | None
    noindex: bool
    og_type: str
    site_name: str
    image: ShareImage | None
    published: Any = None
    modified: Any = None


def summary_text(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """`text` on one line, cut after a whole word with "…" when it is longer than `limit`."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–") + "…"


def page_description(page: Page) -> str:
    """The editor's search description, else the page's summary or introduction."""
    return page.search_description or getattr(page, "intro", "") or ""


def page_number(context: Any) -> int:
    """The number of the page of a paginated list that the view or page shows, else 1."""
    for name in PAGINATED:
        shown = context.get(name)
        if isinstance(shown, PaginatorPage):
            return shown.number
    return 1


def canonical_url(request: HttpRequest, url: str, number: int) -> str:
    """A view with filters or other options points at the unfiltered page; page N (N > 1) of
    a list at itself, with only ?pagina=N."""
    if any(name != "pagina" for name in request.GET):
        return url
    return f"{url}?pagina={number}" if number > 1 else url


def share_image(request: HttpRequest, page: Page) -> ShareImage | None:
    """The 1200×630 rendition of the page's hero image (a vlog's poster otherwise), for
    previews. None for previews of drafts and pages behind a view restriction: a member's
    image is private until a live, public page shows it (stories.media.is_public_image)."""
    image = getattr(page, "hero_image", None) or getattr(page, "poster_image", None)
    if image is None or getattr(request, "is_preview", False):
        return None
    if may_have_passed_a_restriction(request) and page.get_view_restrictions().exists():
        return None
    rendition = image.get_rendition(SHARE_IMAGE)
    return ShareImage(
        url=absolute_url(rendition.url, request),
        width=rendition.width,
        height=rendition.height,
        alt=getattr(page, "hero_image_alt", "") or page.title,
    )


def may_have_passed_a_restriction(request: HttpRequest) -> bool:
    """Whether Wagtail may have let this viewer through a view restriction: only members who
    are signed in and visitors who gave a page's password get past one. Everyone else, and so
    every crawler, is served public pages only, and their pages need no look-up of the
    restrictions (two queries)."""
    return request.user.is_authenticated or bool(
        request.session.get(PageViewRestriction.passed_view_restrictions_session_key)
    )


def page_meta(
    context: Any,
    *,
    title: str | None = None,
    description: str | None = None,
    noindex: bool = False,
) -> PageMeta:
    """The head tags for the template `context`: of its Wagtail `page`, or of the view's
    `page_title` (and `title` or `description` given by the template)."""
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    if page is not None:
        url = page.get_full_url(request)
        title = title or page.seo_title or page.title
        description = description or page_description(page)
    else:
        url = absolute_url(request.path, request)
        title = title or context.get("page_title") or ""
    name = site_name(request)
    is_story = isinstance(page, StoryPage)
    return PageMeta(
        title=str(title or name),
        description=summary_text(str(description or SITE_DESCRIPTION)),
        url=url,
        canonical=None if noindex else canonical_url(request, url, page_number(context)),
        noindex=noindex,
        og_type="article" if is_story else "website",
        site_name=name,
        image=share_image(request, page) if page is not None else None,
        published=page.first_published_at if is_story else None,
        modified=page.last_published_at if is_story else None,
    )
