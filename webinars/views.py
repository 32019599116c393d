"""The webinar registration form's target, its thank-you page, and the cancel link's pages.

The routes on WebinarPage hand their requests to these views through the
"webinar_registration_views" hook (wagtail_hooks.py); `webinars.registrations` decides who gets
a seat and whom to e-mail.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.once.tokens import submitted_once
from core.rate_limits import client_ip, hashed_ip, within_allowance
from stories.models import RegistrationStatus, WebinarRegistration

from .forms import WebinarRegistrationForm
from .registrations import (
    RegistrationRefused,
    cancel,
    register,
    registration_by_token,
    seats_left,
    waiting_position,
)


def session_key(webinar):
    return f"webinar_registration_{webinar.pk}"


def webinar_context(webinar, registration_form=None):
    """What the webinar page shows of registering: the form and the seats left."""
    return {
        "registration_form": registration_form or WebinarRegistrationForm(),
        "seats_left": seats_left(webinar) if webinar.can_register else None,
    }


def render_webinar(request, webinar, form, status):
    """The webinar page again, with the form as it was sent: its errors, the input kept."""
    return TemplateResponse(
        request,
        webinar.get_template(request),
        webinar.get_context(request, registration_form=form),
        status=status,
    )


@submitted_once
def register_for_webinar(request, webinar):
    """POST: a seat or a place on the waiting list, then the thank-you page (PRG)."""
    if request.method != "POST":
        return redirect(webinar.url + "#aanmelden")
    form = WebinarRegistrationForm(request.POST)
    if not form.is_valid():
        return render_webinar(request, webinar, form, status=400)
    if not within_allowance(
        f"registration:ip:{hashed_ip(client_ip(request))}",
        settings.HVDJ_REGISTRATIONS_PER_HOUR_PER_IP,
    ):
        form.add_error(
            None,
            _(
                "Vanaf dit adres zijn het afgelopen uur al veel aanmeldingen verstuurd. "
                "Probeer het later opnieuw; wat je invulde, staat er nog."
            ),
        )
        return render_webinar(request, webinar, form, status=429)
    data = form.cleaned_data
    try:
        registration = register(
            webinar=webinar,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            role=data["role"],
        )
    except RegistrationRefused as refusal:
        form.add_error(None, str(refusal))
        return render_webinar(request, webinar, form, status=400)
    request.session[session_key(webinar)] = registration.pk
    return redirect(webinar.url + webinar.reverse_subpage("registered"))


def registered_for_webinar(request, webinar):
    """Thank you: you have a seat, or you are number N on the waiting list."""
    registration = WebinarRegistration.objects.filter(
        pk=request.session.get(session_key(webinar)), webinar=webinar
    ).first()
    if registration is None:
        return redirect(webinar.url)
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    return TemplateResponse(
        request,
        "stories/registration/registered.html",
        {
            "page_title": _("Je bent aangemeld") if confirmed else _("Je staat op de wachtlijst"),
            "webinar": webinar,
            "registration": registration,
            "confirmed": confirmed,
            "position": waiting_position(registration),
        },
    )


@require_http_methods(["GET", "POST"])
def cancel_registration(request, token):
    """The link in every registration e-mail. GET only asks (mail scanners open links);
    POST cancels, and a second POST says there is nothing left to cancel."""
    try:
        registration = registration_by_token(token)
        if request.method == "POST":
            cancel(registration=registration)
    except RegistrationRefused as refusal:
        return TemplateResponse(
            request,
            "stories/registration/notice.html",
            {"page_title": _("Deze aanmelding bestaat niet meer"), "notice": str(refusal)},
            status=404 if request.method == "GET" else 200,
        )
    webinar = registration.webinar
    if request.method == "POST":
        return TemplateResponse(
            request,
            "stories/registration/notice.html",
            {
                "page_title": _("Je bent afgemeld"),
                "notice": _("Je bent afgemeld voor “%(title)s”. We hebben je gegevens gewist.")
                % {"title": webinar.title},
                "webinar": webinar,
            },
        )
    return TemplateResponse(
        request,
        "stories/registration/cancel.html",
        {
            "page_title": _("Afmelden voor een webinar"),
            "registration": registration,
            "webinar": webinar,
            "confirmed": registration.status == RegistrationStatus.CONFIRMED,
        },
    )
