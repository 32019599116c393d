"""Which structured data (schema.org JSON-LD) a page carries, and how it is written safely
into the HTML: the `{% structured_data %}` tag in base.html's `structured_data` block.

The project package sits above every app, so it is the one place that knows each app's
builder (stories, dialogues, home.structured_data) and where the search app answers. The JSON
is escaped as django.utils.html.json_script escapes it (<, > and & as \\u escapes), so no
title or summary can close the <script> element; json_script itself cannot write the
`application/ld+json` type.
"""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from core.fragments import cached_value
from core.sites import site_for
from dialogues.models import DialogueThreadPage
from dialogues.structured_data import discussion_forum_posting
from hartvoordejeugd.seo import may_have_passed_a_restriction
from home.models import HomePage
from home.structured_data import organisation_and_website
from stories.models import StoryPage
from stories.structured_data import JsonDict, breadcrumb_list, story

# What the breadcrumbs in base.html call the home page.
HOME_CRUMB = _("Home")
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def may_show_files(request: HttpRequest, page: Page, ancestors: list[Page]) -> bool:
    """Whether the data may name the page's images and media files: not in a preview (a
    draft's files), nor on a page behind a view restriction (a member's upload is private
    until a live, public page shows it). Only signed-in members and visitors who gave a
    page's password get past a restriction, so only their requests look the restrictions of
    the page and its `ancestors` up (as hartvoordejeugd.seo.share_image does)."""
    if getattr(request, "is_preview", False):
        return False
    if not may_have_passed_a_restriction(request):
        return True
    return not PageViewRestriction.objects.filter(page__in=[*ancestors, page]).exists()


def ancestors_of(page: Page, request: HttpRequest) -> list[Page]:
    """The page's ancestors from the home page down. The home page comes with the Site that
    Wagtail looked up for the request, so a section page's breadcrumbs cost no query. Kept on
    the page object: the breadcrumbs (base.html) and the JSON-LD read them once."""
    kept = getattr(page, "_hvdj_ancestors", None)
    if kept is None:
        site = site_for(request)
        home = site.root_page if site is not None else None
        if home is not None and page.depth == home.depth + 1 and page.path.startswith(home.path):
            kept = [home]
        elif page.pk is not None and page.path:
            # A story's ancestors are its section's: kept per section for the generation.
            kept = cached_value("ancestors", page.path[: -page.steplen], lambda: below_root(page))
        else:
            kept = below_root(page)
        page._hvdj_ancestors = kept
    return list(kept)


def below_root(page: Page) -> list[Page]:
    return [ancestor for ancestor in page.get_ancestors() if ancestor.depth > 1]


def page_data(context: Any) -> list[JsonDict]:
    """The JSON-LD objects for the template `context`'s Wagtail page; none for other views."""
    page, request = context.get("page"), context["request"]
    if not isinstance(page, Page):
        return []
    if isinstance(page, HomePage):
        return organisation_and_website(
            page, request, search_url=context["search_links"]["search"]
        )
    if page.depth <= 2:
        return []
    ancestors = ancestors_of(page, request)
    data = []
    if isinstance(page, StoryPage):
        files = may_show_files(request, page, ancestors)
        if isinstance(page, DialogueThreadPage):
            reply_count = context.get("reply_count", 0)
            data.append(
                discussion_forum_posting(page, request, files=files, reply_count=reply_count)
            )
        else:
            data.append(story(page, request, files=files, ancestors=ancestors))
    data.append(breadcrumb_list(page, request, ancestors=ancestors, home_name=str(HOME_CRUMB)))
    return data


def json_ld(data: JsonDict) -> SafeString:
    """`data` as JSON that is safe inside a <script> element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 (escaped above)


def script_tags(context: Any) -> SafeString:
    """A <script type="application/ld+json"> element per object of `page_data`."""
    return format_html_join(
        "\n  ",
        '<script type="application/ld+json">{}</script>',
        ((json_ld(data),) for data in page_data(context)),
    )
