"""Replies in dialogues: posting, confirming, moderating, reporting, liking and following.

Replies are django-comments-xtd comments (`Reply`). Members reply directly; visitors confirm
their reply through xtd's signed confirmation link first. Rules decide which replies wait for
the redactie; editors decide in the Wagtail admin.
"""

import datetime
import re
import zlib

from django.conf import settings
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_comments.models import CommentFlag
from django_comments_xtd import signed
from django_comments_xtd.models import LIKEDIT_FLAG, TmpXtdComment
from wagtail.search.index import insert_or_update_object

from core.page_cache import empty_page_cache
from core.rate_limits import hashed_ip, within_allowance
from core.redactie import can_moderate, redactie_members
from core.site_address import absolute_url, email_subject

from .models import BlockedWord, DialogueThreadPage, Reply, ReplyReport, ThreadActivity

UNSUBSCRIBE_SALT = "hartvoordejeugd.dialogues.unsubscribe"
# A link in any common form: a scheme, "www.", or a domain name with a well-known ending.
LINK = re.compile(
    r"(\b[a-z][a-z0-9+.-]*://|\bwww\.|\b[\w-]+\.(nl|com|org|net|eu|be|info|io|me|ly|co)\b)",
    re.IGNORECASE,
)
WORD = re.compile(r"\w+")


class ReplyRefused(Exception):
    """A reply, confirmation or report that cannot be accepted; the message says why, in Dutch."""


def thread_of(reply):
    return DialogueThreadPage.objects.get(pk=reply.object_pk)


# --- Rules ------------------------------------------------------------------------------------


def check_can_reply(*, thread, parent=None):
    """Refuse a reply to a closed thread, to a reply that is not visible, or too deep."""
    if thread.is_closed:
        raise ReplyRefused(_("Deze dialoog is gesloten: er kunnen geen nieuwe reacties meer bij."))
    if parent is None:
        return
    if parent.object_pk != str(thread.pk):
        raise ReplyRefused(_("De reactie waarop je wilt reageren, hoort niet bij deze dialoog."))
    if not parent.is_visible:
        raise ReplyRefused(
            _(
                "Op deze reactie kun je niet reageren: de redactie heeft hem verwijderd "
                "of bekijkt hem nog. Reageer op de dialoog zelf."
            )
        )
    if not parent.allow_thread():
        raise ReplyRefused(
            _(
                "Dieper dan %(depth)s niveaus kun je niet reageren. "
                "Reageer op de reactie erboven of op de dialoog zelf."
            )
            % {"depth": settings.HVDJ_REPLY_MAX_DEPTH}
        )


def blocked_words_in(text):
    words = [word.lower() for word in WORD.findall(text)]
    joined = f" {' '.join(words)} "
    found = []
    for blocked in BlockedWord.objects.values_list("word", flat=True):
        phrase = " ".join(WORD.findall(blocked.lower()))
        if phrase and f" {phrase} " in joined:
            found.append(blocked)
    return found


def has_approved_reply(*, member=None, email=""):
    visible = Reply.objects.visible()
    if member is not None:
        return visible.filter(user=member).exists()
    return visible.filter(user__isnull=True, user_email__iexact=email).exists()


def hold_reason(*, text, member=None, email=""):
    """Why a new reply waits for the redactie, or "" when it may appear at once."""
    if member is not None and can_moderate(member):
        return ""
    if LINK.search(text):
        return Reply.HeldBecause.LINK
    if blocked_words_in(text):
        return Reply.HeldBecause.BLOCKED_WORD
    if not has_approved_reply(member=member, email=email):
        return Reply.HeldBecause.NEW_AUTHOR
    return ""


def check_reply_rate(*, person, ip_address):
    """Refuse a flood of replies from one person or one IP address."""
    per_person = within_allowance(f"reply:person:{person}", settings.HVDJ_REPLIES_PER_HOUR)
    per_ip = within_allowance(
        f"reply:ip:{hashed_ip(ip_address)}", settings.HVDJ_REPLIES_PER_HOUR_PER_IP
    )
    if not (per_person and per_ip):
        raise ReplyRefused(
            _(
                "Je hebt het afgelopen uur al veel reacties geplaatst. Probeer het later "
                "opnieuw; je tekst staat hieronder nog."
            )
        )


def forget_old_ip_addresses():
    """Delete commenters' IP addresses older than the retention period; returns how many."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.HVDJ_REPLY_IP_RETENTION_DAYS)
    return Reply.objects.filter(submit_date__lt=cutoff, ip_address__isnull=False).update(
        ip_address=None
    )


# --- Posting ----------------------------------------------------------------------------------


def new_reply_fields(*, thread, parent, text, followup, ip_address):
    return {
        "content_type": Reply.thread_content_type(),
        "object_pk": str(thread.pk),
        "site_id": settings.SITE_ID,
        "comment": text,
        "submit_date": timezone.now(),
        "ip_address": ip_address or None,
        "parent_id": parent.pk if parent else 0,
        "followup": followup,
        "is_public": True,
        "is_removed": False,
    }


@transaction.atomic
def post_reply(*, thread, member, text, parent=None, followup=False, ip_address=None):
    """A verified member's reply: visible at once, or held when a rule says so."""
    check_can_reply(thread=thread, parent=parent)
    reason = hold_reason(text=text, member=member)
    reply = Reply(
        **new_reply_fields(
            thread=thread, parent=parent, text=text, followup=followup, ip_address=ip_address
        ),
        user=member,
        user_name=str(member.public_name)[:50],
        user_email=member.email,
    )
    reply.is_public = not reason
    reply.held_because = reason
    reply.save()
    became_visible_or_hidden(reply)
    forget_old_ip_addresses()
    return reply


def request_confirmation(
    *, thread, name, email, text, parent=None, followup=False, ip_address=None
):
    """A visitor's reply: nothing is stored until they confirm it through the e-mailed link."""
    check_can_reply(thread=thread, parent=parent)
    pending = TmpXtdComment(
        **new_reply_fields(
            thread=thread, parent=parent, text=text, followup=followup, ip_address=ip_address
        ),
        user_name=name,
        user_email=email,
        user_url="",
        thread_id=0,
        level=0,
        order=1,
        content_object=thread,
    )
    key = signed.dumps(pending, compress=True, extra_key=settings.COMMENTS_XTD_SALT).decode()
    send_mail_to(
        [email],
        subject=_("Bevestig je reactie op “%(title)s”") % {"title": thread.title},
        template_name="dialogues/emails/confirm_reply.txt",
        context={
            "name": name,
            "thread": thread,
            "text": text,
            "confirm_url": absolute_url(reverse("confirm_reply", args=[key])),
            "days": settings.HVDJ_REPLY_CONFIRMATION_DAYS,
        },
    )
    return key


def load_pending(key):
    try:
        return signed.loads(key, extra_key=settings.COMMENTS_XTD_SALT)
    # A forged or damaged key fails its signature; a signed key can still point at a
    # dialogue that was deleted since.
    except (ValueError, TypeError, zlib.error, ObjectDoesNotExist) as error:
        raise ReplyRefused(
            _("Deze bevestigingslink klopt niet. Kopieer de hele link uit de e-mail.")
        ) from error


def pending_reply(key):
    """What the confirmation link holds: (the pending reply, its thread, the stored reply when
    the link was used before, else None). Refused when the link is damaged or expired."""
    pending = load_pending(key)
    existing = Reply.objects.filter(
        object_pk=pending.object_pk,
        user_email=pending.user_email,
        submit_date=pending.submit_date,
    ).first()
    if existing is not None:
        return pending, None, existing
    age = timezone.now() - pending.submit_date
    if age > datetime.timedelta(days=settings.HVDJ_REPLY_CONFIRMATION_DAYS):
        raise ReplyRefused(
            _("Deze bevestigingslink is verlopen. Schrijf je reactie opnieuw, als je wilt.")
        )
    thread = DialogueThreadPage.objects.live().filter(pk=pending.object_pk).first()
    if thread is None:
        raise ReplyRefused(_("Deze dialoog bestaat niet meer."))
    return pending, thread, None


@transaction.atomic
def confirm_reply(*, key):
    """The visitor pressed the button behind the link in the e-mail: store their reply
    (visible or held)."""
    pending, thread, existing = pending_reply(key)
    if existing is not None:
        return existing
    parent = Reply.objects.filter(pk=pending.parent_id).first() if pending.parent_id else None
    check_can_reply(thread=thread, parent=parent)
    reason = hold_reason(text=pending.comment, email=pending.user_email)
    fields = {
        key: value
        for key, value in pending.items()
        if key not in {"content_object", "is_public", "xtd_comment"}
    }
    reply = Reply(**fields, is_public=not reason, held_because=reason)
    reply.save()
    became_visible_or_hidden(reply)
    forget_old_ip_addresses()
    return reply


# --- After a change ---------------------------------------------------------------------------


def became_visible_or_hidden(reply):
    """Keep search and followers in step with what visitors can see."""
    thread = DialogueThreadPage.objects.filter(pk=reply.object_pk).first()
    if thread is None:
        return
    ThreadActivity.refresh(thread.pk)
    # In the transaction, as Wagtail does for pages: the embedded index queues the change with it.
    insert_or_update_object(thread)
    # The state changes by a queryset update (set_state), which sends no post_save: the cached
    # pages and the kept counts (the thread's pages of replies) start anew, now and once more
    # after the commit (a page cached in between would show the state before it).
    empty_page_cache()
    transaction.on_commit(empty_page_cache)
    if reply.is_visible and not reply.followers_notified:
        notify_followers(reply=reply, thread=thread)


def unsubscribe_token(*, thread, email):
    return signing.dumps({"thread": thread.pk, "email": email.lower()}, salt=UNSUBSCRIBE_SALT)


def notify_followers(*, reply, thread):
    """E-mail everyone who follows the thread about a newly visible reply, once."""
    Reply.objects.filter(pk=reply.pk).update(followers_notified=True)
    reply.followers_notified = True
    followers = {}
    following = (
        Reply.objects.of_thread(thread)
        .filter(followup=True, is_removed=False)
        .exclude(user_email="")
        .order_by("submit_date")
        .values_list("user_email", "user_name")
    )
    for email, name in following:
        if email.lower() != reply.user_email.lower():
            followers.setdefault(email.lower(), name)
    for email, name in followers.items():
        unsubscribe_url = absolute_url(
            reverse("unsubscribe_replies", args=[unsubscribe_token(thread=thread, email=email)])
        )
        send_mail_to(
            [email],
            subject=_("Nieuwe reactie in “%(title)s”") % {"title": thread.title},
            template_name="dialogues/emails/new_reply.txt",
            context={
                "name": name,
                "thread": thread,
                "reply": reply,
                "reply_url": absolute_url(reply.get_absolute_url()),
                "unsubscribe_url": unsubscribe_url,
            },
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def unsubscribe_target(token):
    """(thread, e-mail address) from an unsubscribe link; refused when it is damaged."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return DialogueThreadPage.objects.get(pk=data["thread"]), data["email"]
    except (signing.BadSignature, KeyError, TypeError, DialogueThreadPage.DoesNotExist) as error:
        raise ReplyRefused(
            _("Deze afmeldlink klopt niet. Kopieer de hele link uit de e-mail.")
        ) from error


def unsubscribe(*, token):
    """Stop the e-mails about new replies in one thread for one address; returns the thread."""
    thread, email = unsubscribe_target(token)
    Reply.objects.of_thread(thread).filter(user_email__iexact=email, followup=True).update(
        followup=False
    )
    return thread


def send_mail_to(addresses, *, subject, template_name, context, headers=None):
    """One plain-text message per address, sent once the transaction commits."""
    with translation.override(settings.LANGUAGE_CODE):
        full_subject = email_subject(subject)
        body = render_to_string(template_name, context).strip() + "\n"
    messages = [
        EmailMessage(full_subject, body, settings.DEFAULT_FROM_EMAIL, [address], headers=headers)
        for address in addresses
        if address
    ]

    def send():
        for message in messages:
            message.send()

    # robust: a mail server that is down must not undo a reply that was saved.
    transaction.on_commit(send, robust=True)


# --- Moderation -------------------------------------------------------------------------------


def set_state(reply, **fields):
    # A queryset update on purpose: xtd's pre_save handler would publish or hide the replies
    # below this one together with it, and each of those has its own state.
    Reply.objects.filter(pk=reply.pk).update(**fields)
    reply.refresh_from_db()


@transaction.atomic
def approve_reply(*, reply, editor):
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
def remove_reply(*, reply, editor, reason):
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
    address = reply.user.email if reply.user_id else reply.user_email
    thread = thread_of(reply)
    send_mail_to(
        [address],
        subject=_("Je reactie in “%(title)s” is verwijderd") % {"title": thread.title},
        template_name="dialogues/emails/reply_removed.txt",
        context={
            "name": reply.author_name,
            "thread": thread,
            "reply": reply,
            "reason": reason,
            "thread_url": absolute_url(thread.url),
        },
    )
    return reply


def reporter_key(*, member=None, ip_address=None):
    if member is not None:
        return f"member:{member.pk}"
    return f"ip:{hashed_ip(ip_address)}"


def open_reporters(reply):
    return reply.reports.filter(handled_at__isnull=True).count()


@transaction.atomic
def report_reply(*, reply, reason, note="", member=None, ip_address=None):
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


def alert_redactie(*, reply, report):
    """A worry about a child's safety goes to every editor at once."""
    editors = redactie_members().values_list("email", flat=True)
    thread = thread_of(reply)
    send_mail_to(
        list(editors),
        subject=_("Spoed: zorgen over de veiligheid van een kind in “%(title)s”")
        % {"title": thread.title},
        template_name="dialogues/emails/child_safety_report.txt",
        context={
            "thread": thread,
            "reply": reply,
            "report": report,
            "queue_url": absolute_url(reverse("reply_moderation:index")),
        },
    )


def toggle_like(*, reply, member):
    """A member likes a reply, or takes the like back; returns whether it is liked now."""
    if not reply.is_visible:
        raise ReplyRefused(_("Deze reactie is niet meer zichtbaar."))
    flag, created = CommentFlag.objects.get_or_create(
        comment_id=reply.pk, user=member, flag=LIKEDIT_FLAG
    )
    if not created:
        flag.delete()
    return created


# --- A member's own data ----------------------------------------------------------------------


def export_replies(member):
    """The member's replies for their data export."""
    return [
        {
            "dialoog": thread_title,
            "datum": submitted.isoformat(),
            "tekst": text,
            "zichtbaar": is_public and not is_removed,
        }
        for text, submitted, is_public, is_removed, thread_title in Reply.objects.filter(
            user=member
        )
        .annotate_thread_title()
        .order_by("submit_date")
        .values_list("comment", "submit_date", "is_public", "is_removed", "thread_title")
    ]


@transaction.atomic
def erase_replies(member):
    """Before a member's account goes: their replies become empty placeholders, likes go."""
    replies = Reply.objects.filter(user=member)
    threads = set(replies.values_list("object_pk", flat=True))
    replies.update(
        comment="",
        user_name=_("Oud-lid"),
        user_email="",
        user_url="",
        ip_address=None,
        followup=False,
        is_public=False,
        is_removed=True,
        removal_reason="",
        user=None,
    )
    ReplyReport.objects.filter(reporter=member).delete()
    CommentFlag.objects.filter(user=member).delete()
    # Now, not after the commit: the account deletion compacts the search index next.
    for thread in DialogueThreadPage.objects.filter(pk__in=threads):
        ThreadActivity.refresh(thread.pk)
        insert_or_update_object(thread)


def delete_replies_of_thread(sender, instance, **kwargs):
    """post_delete of a DialogueThreadPage: its replies (and their likes and reports) go too."""
    Reply.objects.filter(
        content_type=Reply.thread_content_type(), object_pk=str(instance.pk)
    ).delete()
