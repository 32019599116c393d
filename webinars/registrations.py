"""Registrations for webinars: seats, the waiting list, cancelling, and forgetting them.

A registration is confirmed while seats are free and waits otherwise; a cancelled seat goes to
the first person on the waiting list, who is told by e-mail. Every change locks the webinar's
row first, so two people cannot take the last seat at once. Registrations hold little
personal data and are deleted HVDJ_WEBINAR_REGISTRATION_RETENTION_DAYS after the webinar.
"""

import datetime
from collections.abc import Iterable
from email.mime.text import MIMEText
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.site_address import absolute_url, email_subject
from mediafiles.calendars import AMSTERDAM, build_webinar_calendar
from stories.models import RegistrationStatus, WebinarPage, WebinarRegistration


class RegistrationRefused(Exception):
    """A registration or cancellation that cannot be done; the message says why, in Dutch."""


# --- Seats ------------------------------------------------------------------------------------


def confirmed_count(webinar: WebinarPage) -> int:
    return WebinarRegistration.objects.filter(
        webinar=webinar, status=RegistrationStatus.CONFIRMED
    ).count()


def seats_left(webinar: WebinarPage) -> int | None:
    """How many seats are free; None when the webinar has no limit."""
    if webinar.capacity is None:
        return None
    # Never below zero: an editor may lower the capacity below the seats already taken.
    return max(webinar.capacity - confirmed_count(webinar), 0)


def waiting_position(registration: WebinarRegistration) -> int | None:
    """1 for the first on the waiting list; None for a confirmed registration."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    earlier = Q(created_at__lt=registration.created_at) | Q(
        created_at=registration.created_at, pk__lt=registration.pk
    )
    ahead = WebinarRegistration.objects.filter(
        earlier, webinar_id=registration.webinar_id, status=RegistrationStatus.WAITING
    )
    return ahead.count() + 1


def locked(webinar_id: int) -> WebinarPage:
    """The webinar, its row locked until the transaction ends (on PostgreSQL; SQLite lets one
    writer in at a time anyway), so that seats are counted by one request at a time."""
    return WebinarPage.objects.select_for_update(of=("self",)).get(pk=webinar_id)


def check_can_register(webinar: WebinarPage) -> None:
    if webinar.is_past:
        raise RegistrationRefused(
            _("Dit webinar is al geweest: aanmelden kan niet meer. Bekijk hier de opname.")
        )
    if not webinar.registration_open:
        raise RegistrationRefused(_("Aanmelden voor dit webinar is gesloten."))


def already_registered_message() -> str:
    return _(
        "Met dit e-mailadres ben je al aangemeld voor dit webinar. Kijk in je mailbox voor de "
        "bevestiging; daarin staat ook hoe je je afmeldt."
    )


# --- Registering and cancelling ---------------------------------------------------------------


@transaction.atomic
def register(
    *, webinar: WebinarPage, name: str, email: str, organisation: str = "", role: str = ""
) -> WebinarRegistration:
    """A seat if one is free, else a place on the waiting list; both are confirmed by e-mail."""
    webinar = locked(webinar.pk)
    check_can_register(webinar)
    email = email.strip()
    if WebinarRegistration.objects.filter(webinar=webinar, email__iexact=email).exists():
        raise RegistrationRefused(already_registered_message())
    left = seats_left(webinar)
    status = (
        RegistrationStatus.CONFIRMED if left is None or left > 0 else RegistrationStatus.WAITING
    )
    try:
        # A savepoint, so that the transaction stays usable after a duplicate.
        with transaction.atomic():
            registration = WebinarRegistration.objects.create(
                webinar=webinar,
                name=name.strip(),
                email=email,
                organisation=organisation.strip(),
                role=role.strip(),
                status=status,
            )
    except IntegrityError as error:
        raise RegistrationRefused(already_registered_message()) from error
    if status == RegistrationStatus.CONFIRMED:
        send_seat_mail(registration, promoted=False)
    else:
        send_waiting_mail(registration)
    forget_old_registrations()
    return registration


@transaction.atomic
def cancel(*, registration: WebinarRegistration) -> list[WebinarRegistration]:
    """Delete the registration; a seat it held goes to the first on the waiting list.

    Returns the registrations that got a seat because of it (none, or one).
    """
    webinar = locked(registration.webinar_id)
    deleted, _counts = WebinarRegistration.objects.filter(pk=registration.pk).delete()
    if not deleted:
        raise RegistrationRefused(_("Deze aanmelding bestaat niet meer."))
    return fill_free_seats(webinar)


def fill_free_seats(webinar: WebinarPage) -> list[WebinarRegistration]:
    """Give free seats to the waiting list, first come first served, and tell them.

    The caller holds the webinar's lock. Returns the registrations that got a seat.
    """
    if webinar.is_past:
        return []
    left = seats_left(webinar)
    waiting = WebinarRegistration.objects.filter(
        webinar=webinar, status=RegistrationStatus.WAITING
    ).order_by("created_at", "pk")
    promoted = list(waiting if left is None else waiting[:left])
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        send_seat_mail(registration, promoted=True)
    return promoted


@transaction.atomic
def fill_free_seats_of(webinar: WebinarPage) -> list[WebinarRegistration]:
    """After an editor raised the capacity: give the new seats to the waiting list."""
    return fill_free_seats(locked(webinar.pk))


def registration_by_token(token: str) -> WebinarRegistration:
    """The registration a cancel link names, with its webinar; refused if it is gone."""
    registration = (
        WebinarRegistration.objects.filter(token=token).select_related("webinar").first()
    )
    if registration is None:
        raise RegistrationRefused(
            _(
                "Deze aanmelding bestaat niet meer: je hebt je al afgemeld, of het webinar is "
                "lang geleden."
            )
        )
    return registration


# --- Privacy ----------------------------------------------------------------------------------


def forget_old_registrations() -> int:
    """Delete the registrations of webinars that ended longer ago than the retention period."""
    cutoff = timezone.now() - datetime.timedelta(
        days=settings.HVDJ_WEBINAR_REGISTRATION_RETENTION_DAYS
    )
    deleted, _counts = WebinarRegistration.objects.filter(webinar__end__lt=cutoff).delete()
    return deleted


def member_registrations(addresses: Iterable[str]) -> QuerySet[WebinarRegistration]:
    """The registrations under any of these e-mail addresses, in any letter case."""
    matches = Q(pk__in=[])
    for address in addresses:
        matches |= Q(email__iexact=address)
    return WebinarRegistration.objects.filter(matches).order_by("created_at", "pk")


def export_registrations(addresses: Iterable[str]) -> list[dict[str, Any]]:
    """A member's registrations under any of their verified addresses, for their data export."""
    return [
        {
            "webinar": registration.webinar.title,
            "start": registration.webinar.start.isoformat(),
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "role": registration.role,
            "status": str(registration.get_status_display()),
            "registered_at": registration.created_at.isoformat(),
        }
        for registration in member_registrations(addresses).select_related("webinar")
    ]


def erase_registrations(addresses: Iterable[str]) -> None:
    """Cancel a leaving member's registrations, so that their seats go to the waiting list."""
    for registration in member_registrations(addresses):
        cancel(registration=registration)


# --- E-mail -----------------------------------------------------------------------------------


def cancel_url(registration: WebinarRegistration) -> str:
    return absolute_url(reverse("cancel_webinar_registration", args=[registration.token]))


def mail_context(registration: WebinarRegistration) -> dict[str, Any]:
    return {
        "registration": registration,
        "webinar": registration.webinar,
        "webinar_url": registration.webinar.full_url,
        "cancel_url": cancel_url(registration),
    }


def send_seat_mail(registration: WebinarRegistration, *, promoted: bool) -> None:
    """The confirmation of a seat, with the meeting link and the event to add to a calendar."""
    webinar = registration.webinar
    if promoted:
        subject = _("Er is een plaats vrij: je bent aangemeld voor “%(title)s”")
    else:
        subject = _("Je bent aangemeld voor “%(title)s”")
    send_registration_mail(
        registration,
        subject=subject % {"title": webinar.title},
        template_name="stories/emails/webinar_promoted.txt"
        if promoted
        else "stories/emails/webinar_confirmed.txt",
        attach_event=True,
    )


def send_waiting_mail(registration: WebinarRegistration) -> None:
    """The webinar is full: where they are on the waiting list (no meeting link)."""
    send_registration_mail(
        registration,
        subject=_("Je staat op de wachtlijst voor “%(title)s”")
        % {"title": registration.webinar.title},
        template_name="stories/emails/webinar_waiting.txt",
        extra={"position": waiting_position(registration)},
    )


def event_attachment(webinar: WebinarPage) -> MIMEText:
    """The webinar with its meeting link as an .ics part that mail apps offer to add."""
    calendar = build_webinar_calendar(
        name=webinar.title, webinars=[webinar], include_link=True, method="PUBLISH"
    )
    part = MIMEText(calendar.to_ical().decode(), "calendar", "utf-8")
    part.set_param("method", "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename=f"{webinar.slug}.ics")
    return part


def send_registration_mail(
    registration: WebinarRegistration,
    *,
    subject: str,
    template_name: str,
    attach_event: bool = False,
    extra: dict[str, Any] | None = None,
) -> None:
    """One plain-text message to the registrant, sent once the transaction commits."""
    context = {**mail_context(registration), **(extra or {})}
    with translation.override(settings.LANGUAGE_CODE), timezone.override(AMSTERDAM):
        full_subject = email_subject(subject)
        body = render_to_string(template_name, context).strip() + "\n"
    message = EmailMessage(full_subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])
    if attach_event:
        message.attach(event_attachment(registration.webinar))
    # robust: a mail server that is down must not undo a registration that was saved.
    transaction.on_commit(message.send, robust=True)
