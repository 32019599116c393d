"""/robots.txt: where the sitemap is, and which paths crawlers keep out of.

The sitemap itself is Wagtail's (wagtail.contrib.sitemaps, at /sitemap.xml): it lists live,
public pages only, each with the time it was last published.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core.site_address import absolute_url

# Personal pages, forms, one-time links and search results: nothing a search engine should
# list. Theme and region pages (/thema/, /regio/) and public documents stay open; the question
# form below a region page does not (`*` matches any run of characters, as Google, Bing and
# RFC 9309 read it).
DISALLOWED_PATHS = (
    "/admin/",
    "/account/",
    "/mijn-account/",
    "/mijn-bijdragen/",
    "/deel-je-verhaal/",
    "/start-een-dialoog/",
    "/zoeken/",
    "/formulier-sleutels/",
    "/dialogen/reageren/",
    "/dialogen/reactie-bevestigen/",
    "/dialogen/reactie/",
    "/dialogen/afmelden/",
    "/webinars/afmelden/",
    "/volgen/",
    "/toepassen/",
    "/regio/*/vraag/",
)


@require_GET
@cache_control(public=True, max_age=24 * 60 * 60)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """/robots.txt: the sitemap's address and the paths crawlers keep out of."""
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in DISALLOWED_PATHS),
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'), request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
