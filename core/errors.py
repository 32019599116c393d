"""Error pages that never need the database: 500, 503 while the database is away, and the
CSRF failure page."""

import sys
from functools import cache
from pathlib import Path

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseServerError
from django.http.multipartparser import MultiPartParserError
from django.template import loader

from .form_tokens import form_shown_again

# How long visitors and crawlers are asked to wait before trying again, in seconds.
RETRY_AFTER = 30
# At most this many fields (more than the largest form has), each cut at its form's limit,
# or at this length when the form sets none (links, names).
MAX_KEPT_FIELDS = 15
LONGEST_UNLIMITED_VALUE = 2_000


def server_error(request):
    """Django's handler500: a 503 with Retry-After when the database is unreachable."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return database_unavailable(request)
    return HttpResponseServerError(loader.get_template("500.html").render())


@cache
def own_form_modules():
    """Whose forms' fields an error page may echo back: the site's own apps (those that live in
    the project's folder, not in the virtualenv). Anything else in a POST (another site can post
    any field to us) is never shown."""
    base = Path(settings.BASE_DIR).resolve()
    own = set()
    for app in apps.get_app_configs():
        path = Path(app.path).resolve()
        if path.is_relative_to(base) and "site-packages" not in path.parts:
            own.add(app.name.split(".")[0] + ".")
    return tuple(sorted(own))


def known_text_fields():
    """{name: (label, longest value)} of the fields people type text in on the site's own
    forms; passwords and hidden fields left out."""
    known = {}
    classes = [forms.BaseForm]
    while classes:
        form_class = classes.pop()
        classes.extend(form_class.__subclasses__())
        if not form_class.__module__.startswith(own_form_modules()):
            continue
        for name, field in getattr(form_class, "base_fields", {}).items():
            typed = isinstance(field, forms.CharField) and not isinstance(
                field.widget, forms.PasswordInput | forms.HiddenInput
            )
            if typed and name not in known:
                known[name] = (field.label or name, field.max_length or LONGEST_UNLIMITED_VALUE)
    return known


def kept_fields(request):
    """What the visitor typed in the form they sent, to show on a page that could not take it:
    (label, value) pairs of the site's own text fields, at most MAX_KEPT_FIELDS, each value
    cut at its field's limit."""
    if request.method != "POST":
        return []
    try:
        posted = request.POST
    except (MultiPartParserError, SuspiciousOperation, OSError, ValueError):
        # A broken or oversized body must not break the error page.
        return []
    known = known_text_fields()
    kept = []
    for name in posted:  # in the order of the form
        value = posted[name]
        if name in known and value.strip() and len(kept) < MAX_KEPT_FIELDS:
            label, longest = known[name]
            kept.append((label, value[:longest]))
    return kept


def database_unavailable(request):
    """A Dutch 503 page; after a form submission it shows what the visitor typed."""
    html = loader.get_template("503.html").render({"kept": kept_fields(request)})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: usually a form left open past the session, or cookies switched off,
    or a form from a shared page sent without JavaScript. A view that can show its form again
    does so (core.form_tokens); otherwise the page says so in Dutch and shows what
    the visitor typed. Nothing was saved."""
    shown_again = form_shown_again(request)
    if shown_again is not None:
        return shown_again
    html = loader.get_template("403_csrf.html").render({"kept": kept_fields(request)})
    return HttpResponseForbidden(html)


def form_status(request):
    """The status of a form page: 400 when it is shown again because what was sent was refused
    (its errors on it, the input kept), 200 when it is opened."""
    return 400 if request.method == "POST" else 200
