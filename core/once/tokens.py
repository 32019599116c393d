"""One-time form tokens: a form that creates something does so once, however often it is sent.

Every rendered form carries a random token in a hidden field (`OnceForm`). A view decorated
with `submitted_once` runs a POST with a token inside a transaction that first inserts the token
(`SubmittedForm`, unique); when the view answers with a redirect (it did what the form was
for), the redirect's target is stored with the token. A POST that repeats the token (the
browser's Back, then send again; a double click; a retry) creates nothing and goes where the
first one went. A view that shows its form again (errors, a refusal) rolls the token back, so
the corrected form can be sent. A POST without a token (a page from before tokens) is handled
as before.

A browser that loads the form page anew on Back (Chromium does) fills in what was typed but
gives the page's new token, so a token-carrying POST is also recognised by its fingerprint:
the same member (or, for a visitor, the same browser's CSRF cookie) sending the same fields to
the same address within SAME_FORM_WITHIN. Uploaded files are left out of it, since browsers do
not restore them, and so are passwords. A form on a page the page cache shares carries no token:
each browser fetches its own (core/form_tokens.py), so no two visitors get the same.

Hand-written: the idempotency packages for Django key on a header that API clients send; a
plain HTML form can only carry a field.
"""

import datetime
import hashlib
import json
import re
import secrets
from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SubmittedForm

FIELD_NAME = "form_token"
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
# Long enough for a form sent again with Back days later; the table stays small.
KEPT_FOR = datetime.timedelta(days=7)
# The same fields sent again this soon are the same form sent again, not a new one. Short,
# because later the same fields can be meant (registering again after cancelling).
SAME_FORM_WITHIN = datetime.timedelta(hours=1)
NOT_FINGERPRINTED = {"csrfmiddlewaretoken", FIELD_NAME}
REDIRECTS = {301, 302, 303, 307, 308}


def new_token():
    """A random token for one rendered form."""
    return secrets.token_urlsafe(24)


def valid_token(value):
    return value if isinstance(value, str) and TOKEN.fullmatch(value) else ""


class TokenField(forms.CharField):
    """The hidden field with the form's token. A form shown again keeps the token it was sent
    with; one sent without a (valid) token gets a new one."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, initial=new_token, **kwargs)

    def bound_data(self, data, initial):
        return valid_token(data) or initial

    def clean(self, value):
        return valid_token(super().clean(value))


class OnceForm(forms.Form):
    """A form whose POST creates something: it carries a one-time token (see the module)."""

    form_token = TokenField()


class ShownAgain(Exception):
    """Raised inside the transaction when the view showed its form again: undoes the claim."""

    def __init__(self, response):
        super().__init__()
        self.response = response


def submitted_once(view):
    """A view decorator: a POST with a form token acts once; a repeat goes where the first went."""

    @wraps(view)
    def once(request, *args, **kwargs):
        token = valid_token(request.POST.get(FIELD_NAME)) if request.method == "POST" else ""
        if not token:
            return view(request, *args, **kwargs)
        fingerprint = fingerprint_of(request)
        return earlier_result(request, token, fingerprint) or run_once(
            request, token, fingerprint, view, args, kwargs
        )

    return once


def fingerprint_of(request):
    """Who sent which fields where, as a hash (see the module)."""
    if request.user.is_authenticated:
        sender = f"member:{request.user.pk}"
    else:
        sender = f"browser:{request.COOKIES.get(settings.CSRF_COOKIE_NAME, '')}"
    fields = sorted(
        (name, value)
        for name, values in request.POST.lists()
        if name not in NOT_FINGERPRINTED and "password" not in name
        for value in values
    )
    data = json.dumps([sender, request.path, fields], ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def earlier_result(request, token, fingerprint):
    """A redirect to where the first POST of this form went, or None when there was none."""
    same_form = Q(token=token) | Q(
        fingerprint=fingerprint, created_at__gte=timezone.now() - SAME_FORM_WITHIN
    )
    url = (
        SubmittedForm.objects.filter(same_form)
        .order_by("created_at")
        .values_list("result_url", flat=True)
        .first()
    )
    if not url:
        return None
    messages.info(
        request,
        _(
            "Dit formulier had je al verstuurd; we hebben het niet nog een keer opgeslagen. "
            "Wil je iets anders insturen, open het formulier dan opnieuw."
        ),
    )
    return HttpResponseRedirect(url)


def run_once(request, token, fingerprint, view, args, kwargs):
    try:
        with transaction.atomic():
            try:
                # On PostgreSQL a second request with the same token waits here until the
                # first one ends, then finds the token taken.
                with transaction.atomic():
                    claim = SubmittedForm.objects.create(
                        token=token, fingerprint=fingerprint, result_url=""
                    )
            except IntegrityError:
                return earlier_result(request, token, fingerprint) or view(
                    request, *args, **kwargs
                )
            response = view(request, *args, **kwargs)
            if response.status_code not in REDIRECTS or not response.get("Location"):
                raise ShownAgain(response)
            claim.result_url = response["Location"][:2000]
            claim.save(update_fields=["result_url"])
            forget_old_tokens()
    except ShownAgain as shown:
        return shown.response
    return response


def forget_old_tokens():
    """Delete the tokens of forms sent longer ago than KEPT_FOR; returns how many."""
    deleted, _counts = SubmittedForm.objects.filter(
        created_at__lt=timezone.now() - KEPT_FOR
    ).delete()
    return deleted
