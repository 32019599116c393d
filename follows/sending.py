"""Sending the digests of one period: one e-mail per follower, at most once.

`send_digests` (the `send_digests` command, run by cron) goes through the confirmed followers
of the period whose account, if any, is active. A follower with nothing new gets no e-mail
and no record: the record says what was sent, and nothing was. For the others the `Digest`
row is written first, inside a transaction, and the e-mail goes out before it commits: the
unique constraint on follower, period and the period's start makes a second run (or one
running at the same time, which waits for the row) skip them, and a failed send rolls the
row back, so that no record claims an e-mail that never left and the next run tries again.
The same holds for a follower whose digest cannot be made (the search index being rebuilt, for
a search follow): no e-mail, no record, counted as failed, tried again next run.

The e-mail is plain text with an HTML alternative, every part of it escaped in the HTML. Each
section has its own one-click "Niet meer volgen" link, the footer the links to unsubscribe
from everything and to manage the follows; `List-Unsubscribe` carries the first
(RFC 8058 one-click with `List-Unsubscribe-Post`).
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.site_address import base_url, site_name

from .digests import DigestContent, Section, collect, window_for
from .links import manage_url, unsubscribe_all_url, unsubscribe_url
from .models import Digest, Follow, Follower, Period
from .targets import describe

logger = logging.getLogger(__name__)
Kind = Follow.Kind


@dataclass
class Outcome:
    """What one run did, counted per follower."""

    sent: int = 0
    nothing_new: int = 0
    already_sent: int = 0
    failed: int = 0
    would_send: int = 0


@dataclass(frozen=True)
class Entry:
    """One page in the e-mail: its title, full URL, type and a short detail."""

    title: str
    url: str
    label: str
    detail: str


def followers_of(period: str) -> QuerySet[Follower]:
    """The followers who receive the period's digest: confirmed, with an active account if
    they are a member."""
    return (
        Follower.objects.filter(period=period, confirmed_at__isnull=False)
        .filter(Q(user__isnull=True) | Q(user__is_active=True))
        .select_related("user")
        .order_by("pk")
    )


def address_of(follower: Follower) -> str:
    return follower.user.email if follower.user is not None else follower.email


def when(period: str) -> str:
    return _("deze week") if period == Period.WEEKLY else _("vandaag")


def subject_of(content: DigestContent) -> str:
    """ "Nieuw over pleegzorg deze week" for one follow, else "Nieuw op <site> deze week"."""
    period = when(content.window.period)
    if len(content.sections) > 1:
        return _("Nieuw op %(site)s %(when)s") % {"site": site_name(), "when": period}
    follow = content.sections[0].follow
    name = describe(follow)["name"]
    if follow.kind == Kind.DIALOGUE:
        return _("Nieuw in de dialoog “%(name)s” %(when)s") % {"name": name, "when": period}
    if follow.kind == Kind.SEARCH:
        return _("Nieuw bij je zoekopdracht %(name)s %(when)s") % {"name": name, "when": period}
    return _("Nieuw over %(name)s %(when)s") % {"name": name, "when": period}


def entries_of(section: Section, base: str) -> list[Entry]:
    entries = []
    for page in section.stories:
        published = timezone.localtime(page.first_published_at)
        entries.append(
            Entry(
                page.title,
                base + page.get_url(),
                str(page.type_label),
                _("gepubliceerd op %(date)s") % {"date": date_format(published, "j F Y")},
            )
        )
    for page in section.webinars:
        start = timezone.localtime(page.webinar_start)
        entries.append(
            Entry(
                page.title,
                base + page.get_url(),
                _("webinar"),
                _("op %(date)s om %(time)s")
                % {"date": date_format(start, "l j F Y"), "time": date_format(start, "H:i")},
            )
        )
    for page in section.dialogues:
        if section.new_replies:
            count = section.new_replies
            detail = ngettext("%(count)s nieuwe reactie", "%(count)s nieuwe reacties", count) % {
                "count": count
            }
        else:
            detail = _("nieuwe reacties of net gestart")
        entries.append(Entry(page.title, base + page.get_url(), _("dialoog"), detail))
    return entries


def build_message(content: DigestContent) -> EmailMultiAlternatives:
    """The digest e-mail: plain text with an HTML alternative and the unsubscribe headers."""
    follower = content.follower
    base = base_url()
    with translation.override(settings.LANGUAGE_CODE):
        sections = []
        for section in content.sections:
            about = describe(section.follow)
            sections.append(
                {
                    "kind": about["kind"],
                    "name": about["name"],
                    "url": base + about["url"],
                    "entries": entries_of(section, base),
                    "unsubscribe_url": unsubscribe_url(section.follow),
                }
            )
        context = {
            "name": follower.user.public_name if follower.user is not None else "",
            "site_name": site_name(),
            "period": content.window.period,
            "when": when(content.window.period),
            "sections": sections,
            "unsubscribe_all_url": unsubscribe_all_url(follower),
            "manage_url": manage_url(follower),
        }
        subject = subject_of(content)
        text = render_to_string("follows/emails/digest.txt", context).strip() + "\n"
        html = render_to_string("follows/emails/digest.html", {**context, "subject": subject})
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [address_of(follower)],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_all_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def send_digests(*, period: str, now: dt.datetime | None = None, dry_run: bool = False) -> Outcome:
    """Send the digest of the period before `now` to every follower with something new."""
    now = now or timezone.now()
    window = window_for(period, now=now)
    outcome = Outcome()
    sent_before = Digest.objects.filter(
        follower=OuterRef("pk"), period=period, period_start=window.start
    )
    for follower in followers_of(period).exclude(Exists(sent_before)).iterator():
        try:
            content = collect(follower, window, now=now)
            message = build_message(content) if content else None
        except Exception:  # one follower's fault must not stop the others
            logger.exception("Digest of follower %s could not be made", follower.pk)
            outcome.failed += 1
            continue
        if message is None:
            outcome.nothing_new += 1
        elif dry_run:
            outcome.would_send += 1
        else:
            send_one(content, message, outcome)
    return outcome


def send_one(content: DigestContent, message: EmailMultiAlternatives, outcome: Outcome) -> None:
    """Record the digest and send it; a record that exists already means it was sent."""
    try:
        with transaction.atomic():
            Digest.objects.create(
                follower=content.follower,
                period=content.window.period,
                period_start=content.window.start,
                summary=content.summary(),
            )
            message.send()
    except IntegrityError:
        outcome.already_sent += 1
    except Exception:  # a refused send: the next run tries again
        logger.exception("Digest to follower %s could not be sent", content.follower.pk)
        outcome.failed += 1
    else:
        outcome.sent += 1
