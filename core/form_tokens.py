"""Form tokens the browser fetches, so that a page with a form can still be shared by the page
cache.

A form renders two per-visitor values: Django's CSRF token (which also sets the CSRF cookie and
`Vary: Cookie`) and the one-time form token of `core.once`. Either makes the page
personal, so a dialogue, whose reply form is on every thread, could never come from the page
cache. Rendered for a visitor without a session on a GET, such a form carries empty token
fields instead (`{% form_tokens form %}`, in templatetags/form_token_tags.py); site.js fills
them from `form_tokens` (never cached) as soon as the visitor touches the form, and waits for
them when the form is sent. Members have a session, never get a shared page, and get the
tokens in the page as before.

Without JavaScript the POST arrives without a CSRF token. The CSRF failure view then hands the
request to the view's `on_csrf_failure` handler (`shown_again_on_csrf_failure`), which shows
the form again as it was sent, with a fresh token, nothing saved and a Dutch word on why: the
visitor sends it once more and it goes through.

Hand-written: Django has no deferred CSRF token; the page-cache packages leave forms uncached.
"""

from django.conf import settings
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .once.tokens import new_token

CSRF_FIELD = "csrfmiddlewaretoken"


def tokens_are_fetched(request):
    """Whether a form on this page gets its tokens from the browser: a GET from a visitor
    without a session, the page the page cache shares."""
    return (
        request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


@never_cache
@require_GET
def form_tokens(request):
    """The CSRF token (setting its cookie) and a new one-time form token, as JSON."""
    return JsonResponse({CSRF_FIELD: get_token(request), "form_token": new_token()})


def shown_again_on_csrf_failure(handler):
    """A view decorator: a POST refused for its CSRF token goes to `handler(request, *args,
    **kwargs)`, which must show the form again as it was sent and save nothing."""

    def decorate(view):
        view.on_csrf_failure = handler
        return view

    return decorate


def form_shown_again(request):
    """The answer of the view's `on_csrf_failure` handler to a refused POST, or None when the
    view has none."""
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    handler = getattr(match.func, "on_csrf_failure", None)
    if handler is None:
        return None
    return handler(request, *match.args, **match.kwargs)
