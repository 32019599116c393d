"""Error pages that never need the database: 500, 503 while the database is away, and the
CSRF failure page."""

import sys

from django.core.exceptions import SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseServerError
from django.http.multipartparser import MultiPartParserError
from django.template import loader

# How long visitors and crawlers are asked to wait before trying again, in seconds.
RETRY_AFTER = 30
# Fields never echoed back on an error page.
SECRET_FIELDS = {"csrfmiddlewaretoken", "password", "password1", "password2", "oldpassword"}


def server_error(request):
    """Django's handler500: a 503 with Retry-After when the database is unreachable."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return database_unavailable(request)
    return HttpResponseServerError(loader.get_template("500.html").render())


def kept_fields(request):
    """What the visitor typed in the form they sent, to show on a page that could not take it:
    (field name, value) pairs without passwords and the CSRF token."""
    if request.method != "POST":
        return []
    try:
        return [
            (name, value)
            for name, value in request.POST.items()
            if name not in SECRET_FIELDS and value.strip() and len(value) < 20_000
        ]
    except (MultiPartParserError, SuspiciousOperation, OSError, ValueError):
        # A broken or oversized body must not break the error page.
        return []


def database_unavailable(request):
    """A Dutch 503 page; after a form submission it shows what the visitor typed."""
    html = loader.get_template("503.html").render({"kept": kept_fields(request)})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: usually a form left open past the session, or cookies switched off.
    The page says so in Dutch and shows what the visitor typed; nothing was saved."""
    html = loader.get_template("403_csrf.html").render({"kept": kept_fields(request)})
    return HttpResponseForbidden(html)


def form_status(request):
    """The status of a form page: 400 when it is shown again because what was sent was refused
    (its errors on it, the input kept), 200 when it is opened."""
    return 400 if request.method == "POST" else 200
