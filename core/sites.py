"""The Wagtail Site of a request, with its home page, kept per generation of the page cache.

Wagtail reads both for every page it serves (two queries), and the menu and the site's name
read the Site on every other page (the search, the forms). `CachedSiteMiddleware` gives
Wagtail the kept one (`request._wagtail_site`, where `Site.find_for_request` keeps it for the
rest of the request). A Site that is saved or deleted starts a new generation (core.apps), and
so does every publish, unpublish, move or delete of a page. Kept like story cards
(core.fragments.cached_value): in the shared cache, so every process sees the same, and each
request gets its own copy.
"""

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from wagtail.models import Site

from .fragments import cached_value


def site_for(request):
    """The Site that answers `request`, with its home page as its specific type; None when
    there is none. Only a host Django accepts is kept."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return Site.find_for_request(request)
    hostname = split_domain_port(host)[0]

    def find():
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site

    return cached_value("site", f"{hostname}:{request.get_port()}", find)


# Views that never ask for the Site: the health checks (no database, no cache) and files.
SKIPPED_PREFIXES = ("/health/", "/ready/", "/static/", "/media/", "/documenten/")


class CachedSiteMiddleware:
    """Gives Wagtail the kept Site of a request before a view looks it up: pages, the search,
    the forms (the menu and the site's name show on each)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(SKIPPED_PREFIXES):
            return
        site = site_for(request)
        if site is not None:
            request._wagtail_site = site
