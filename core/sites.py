"""The Wagtail Site of a request, with its home page, kept per generation of the page cache.

Wagtail reads both for every page it serves (two queries), and the menu and the site's name
read the Site on every other page (the search, the forms): they ask `site_for`, which gives
the kept one to Wagtail as well (`request._wagtail_site`, where `Site.find_for_request` keeps
it for the rest of the request), and `CachedSiteMiddleware` asks it before Wagtail serves a
page. A Site that is saved or deleted starts a new generation (core.apps), and
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
    there is none. Given to Wagtail for the rest of the request; only a host Django accepts is
    kept."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
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

    site = cached_value("site", f"{hostname}:{request.get_port()}", find)
    request._wagtail_site = site
    return site


class CachedSiteMiddleware:
    """Gives Wagtail the kept Site of a request for a page before Wagtail looks it up. The
    menu, the site's name and the breadcrumbs ask `site_for` on other pages; views that need
    no Site (the health checks, files, the admin's login) read none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # wagtail.views.serve, by name: importing wagtail.views needs the models loaded, and
        # this module is imported while they load (core.site_address).
        name = (getattr(view_func, "__module__", ""), getattr(view_func, "__name__", ""))
        if name == ("wagtail.views", "serve"):
            site_for(request)
