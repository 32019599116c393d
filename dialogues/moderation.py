"""What the redactie and readers do to a reply after it is placed: editors approve, restore or
remove it (its author hears why), and anyone can report it; enough reports, or one worry about
a child's safety, take it offline until an editor decides.

The reply queue's actions in the admin (`admin_views/actions.py`) call these; they decide whom
to e-mail.
"""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.rate_limits import hashed_ip

from .exceptions import ReplyRefused
from .models import Reply, ReplyReport
from .notifications import alert_redactie, send_removal_reason
from .visibility import became_visible_or_hidden


def set_state(reply: Reply, **fields: Any) -> None:
    """Change a reply's moderation state, and only that reply's."""
    # A queryset update on purpose: xtd's pre_save handler would publish or hide the replies
    # below this one together with it, and each of those has its own state.
    Reply.objects.filter(pk=reply.pk).update(**fields)
    reply.refresh_from_db()


@transaction.atomic
def approve_reply(*, reply: Reply, editor: User) -> Reply:
    """An editor lets a held, reported or removed reply appear."""
    if reply.is_removed and not reply.comment:
        raise ReplyRefused(_("Deze reactie is gewist op verzoek van de schrijver."))
    set_state(
        reply,
        is_public=True,
        is_removed=False,
        held_because="",
        urgent=False,
        removal_reason="",
        moderated_by=editor,
        moderated_at=timezone.now(),
    )
    reply.reports.filter(handled_at__isnull=True).update(handled_at=timezone.now())
    became_visible_or_hidden(reply)
    return reply


restore_reply = approve_reply


@transaction.atomic
def remove_reply(*, reply: Reply, editor: User, reason: str) -> Reply:
    """An editor removes a reply; its author hears why."""
    reason = reason.strip()
    if not reason:
        raise ReplyRefused(_("Geef een reden: de schrijver krijgt die te lezen."))
    set_state(
        reply,
        is_public=False,
        is_removed=True,
        urgent=False,
        removal_reason=reason,
        moderated_by=editor,
        moderated_at=timezone.now(),
    )
    reply.reports.filter(handled_at__isnull=True).update(handled_at=timezone.now())
    became_visible_or_hidden(reply)
    send_removal_reason(reply=reply, reason=reason)
    return reply


def reporter_key(*, member: User | None = None, ip_address: str | None = None) -> str:
    """Who reported, so that one person counts once: a member, or a keyed hash of the IP."""
    if member is not None:
        return f"member:{member.pk}"
    return f"ip:{hashed_ip(ip_address)}"


def open_reporters(reply: Reply) -> int:
    """How many reports about the reply no editor has handled yet."""
    return reply.reports.filter(handled_at__isnull=True).count()


@transaction.atomic
def report_reply(
    *,
    reply: Reply,
    reason: str,
    note: str = "",
    member: User | None = None,
    ip_address: str | None = None,
) -> ReplyReport:
    """Someone reports a reply. Enough reports hide it; a child-safety report hides it at once."""
    if not reply.is_visible:
        raise ReplyRefused(_("Deze reactie is al bij de redactie."))
    report, created = ReplyReport.objects.get_or_create(
        reply=reply,
        reporter_key=reporter_key(member=member, ip_address=ip_address),
        handled_at=None,
        defaults={"reason": reason, "note": note, "reporter": member},
    )
    if not created and reason == ReplyReport.Reason.CHILD_SAFETY:
        report.reason = reason
        report.note = note or report.note
        report.save(update_fields=["reason", "note"])
    if reason == ReplyReport.Reason.CHILD_SAFETY:
        set_state(reply, is_public=False, held_because=Reply.HeldBecause.CHILD_SAFETY, urgent=True)
        became_visible_or_hidden(reply)
        alert_redactie(reply=reply, report=report)
    elif open_reporters(reply) >= settings.HVDJ_REPORT_THRESHOLD:
        set_state(reply, is_public=False, held_because=Reply.HeldBecause.REPORTS)
        became_visible_or_hidden(reply)
    return report
