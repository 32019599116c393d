"""Whole pages cached for visitors who are not logged in, emptied when content changes.

A response is kept when it is the same for every anonymous visitor: a GET without a session
or messages cookie, answered 200 with HTML or a feed, setting no cookie, and not marked
private. A form on such a page gets its CSRF and one-time tokens from the browser
(core/form_tokens.py), so dialogues, with their reply form, are shared too. Members
and editors have a session cookie and always get a fresh page. Every publish, unpublish, move
or delete of a page, and every change to replies, taxonomy, synonyms or promoted results,
starts a new generation of the cache, so stale pages are never served again; a CDN in front is
purged by Wagtail's frontend-cache app (WAGTAILFRONTENDCACHE, see settings).

A request reads the generation once: the page, its cards, its route and its menu are kept
under it, and reading it from Redis for each took half a dozen round trips per page. A change
made during the request starts the next generation and is read again from then on.
"""

from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

GENERATION_KEY = "hvdj:page-cache:generation"
CACHED_TYPES = ("text/html", "application/rss+xml", "text/calendar")
# Paths that are personal, or that change on every request, never come from the cache.
SKIPPED_PREFIXES = (
    "/admin/",
    "/account/",
    "/mijn-account/",
    "/mijn-bijdragen/",
    "/deel-je-verhaal/",
    "/start-een-dialoog/",
    "/documenten/",
    "/media/",
    "/static/",
    "/health/",
    "/ready/",
    "/formulier-sleutels/",
    "/zoeken/suggesties/",
)
# X-Frame-Options comes from a middleware inside this one; the other security headers are
# added by middleware outside it, to hits as well.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Cache-Control",
    "Vary",
    "Last-Modified",
    "X-Frame-Options",
)


def page_cache_seconds():
    return settings.HVDJ_PAGE_CACHE_SECONDS


# {"generation": n} while a request runs (the middleware sets it); None outside requests.
_request_generation: ContextVar[dict | None] = ContextVar("hvdj_generation", default=None)


def current_generation():
    kept = _request_generation.get()
    if kept is not None and "generation" in kept:
        return kept["generation"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY) or 1
    if kept is not None:
        kept["generation"] = generation
    return generation


def empty_page_cache(**kwargs):
    """Start a new generation: every cached page is from now on out of date. A signal receiver.

    Inside a transaction the generation starts again when it commits: a request that read the
    old rows in between would otherwise keep them under the new generation (pages for
    PAGE_CACHE_SECONDS, cards for FRAGMENT_CACHE_SECONDS, core.fragments)."""
    new_generation()
    if connection.in_atomic_block:
        transaction.on_commit(new_generation)


def new_generation():
    kept = _request_generation.get()
    if kept is not None:
        kept.pop("generation", None)  # read again after this change
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet, or the cache lost it
        cache.set(GENERATION_KEY, 2, timeout=None)


class AnonymousPageCacheMiddleware:
    """Serves and stores the pages described above. Placed before the session middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set({})
        try:
            return self.respond(request)
        finally:
            _request_generation.reset(token)

    def respond(self, request):
        if not self.is_shareable_request(request):
            return self.get_response(request)
        key = self.key_for(request)
        stored = cache.get(key)
        if stored is not None:
            return self.rebuild(stored, request)
        response = self.get_response(request)
        if self.is_shareable_response(request, response):
            cache.set(key, self.freeze(response), timeout=page_cache_seconds())
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def is_shareable_request(request):
        return (
            page_cache_seconds() > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and not request.path.startswith(SKIPPED_PREFIXES)
        )

    @staticmethod
    def is_shareable_response(request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and response.get("Content-Type", "").startswith(CACHED_TYPES)
            and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        )

    @staticmethod
    def key_for(request):
        return f"hvdj:page:{current_generation()}:{request.get_host()}:{request.get_full_path()}"

    @staticmethod
    def freeze(response):
        headers = {name: response[name] for name in KEPT_HEADERS if name in response}
        return {"content": response.content, "headers": headers}

    @staticmethod
    def rebuild(stored, request):
        response = HttpResponse(stored["content"])
        for name, value in stored["headers"].items():
            response[name] = value
        if "Cache-Control" not in response:
            # Browsers and shared caches check back soon; our own cache does the sharing.
            patch_cache_control(response, max_age=0)
        response["X-Page-Cache"] = "hit"
        return response


def empty_page_cache_when_changed(*models):
    """Empty the page cache whenever a row of one of `models` is saved or deleted: each app
    names the models of its own that show on public pages (in its AppConfig.ready)."""
    for model in models:
        label = model._meta.label
        for signal in (post_save, post_delete):
            signal.connect(
                empty_page_cache, sender=model, dispatch_uid=f"page_cache_{label}_{id(signal)}"
            )
