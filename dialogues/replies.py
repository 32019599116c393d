"""Placing a reply in a dialogue: the rules that refuse or hold it, a member's reply, a
visitor's reply confirmed through an e-mailed link, and liking a reply.

Replies are django-comments-xtd comments (`Reply`). Members reply directly; visitors confirm
their reply through xtd's signed confirmation link first. Rules decide which replies wait for
the redactie; editors decide in the Wagtail admin (`moderation.py`).
"""

import datetime
import re
import zlib

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_comments.models import CommentFlag
from django_comments_xtd import signed
from django_comments_xtd.models import LIKEDIT_FLAG, TmpXtdComment

from accounts.models import User
from core.rate_limits import hashed_ip, within_allowance
from core.redactie import can_moderate

from .exceptions import ReplyRefused
from .models import BlockedWord, DialogueThreadPage, Reply
from .notifications import send_confirmation_link
from .retention import forget_old_ip_addresses
from .visibility import became_visible_or_hidden

# A link in any common form: a scheme, "www.", or a domain name with a well-known ending.
LINK = re.compile(
    r"(\b[a-z][a-z0-9+.-]*://|\bwww\.|\b[\w-]+\.(nl|com|org|net|eu|be|info|io|me|ly|co)\b)",
    re.IGNORECASE,
)
WORD = re.compile(r"\w+")


# --- Rules ------------------------------------------------------------------------------------


def check_can_reply(*, thread: DialogueThreadPage, parent: Reply | None = None) -> None:
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


def blocked_words_in(text: str) -> list[str]:
    """The redactie's blocked words and phrases that the text contains, as whole words."""
    words = [word.lower() for word in WORD.findall(text)]
    joined = f" {' '.join(words)} "
    found = []
    for blocked in BlockedWord.objects.values_list("word", flat=True):
        phrase = " ".join(WORD.findall(blocked.lower()))
        if phrase and f" {phrase} " in joined:
            found.append(blocked)
    return found


def has_approved_reply(*, member: User | None = None, email: str = "") -> bool:
    """Whether the member (or the visitor with this address) has a visible reply already."""
    visible = Reply.objects.visible()
    if member is not None:
        return visible.filter(user=member).exists()
    return visible.filter(user__isnull=True, user_email__iexact=email).exists()


def hold_reason(*, text: str, member: User | None = None, email: str = "") -> str:
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


def check_reply_rate(*, person: str, ip_address: str | None) -> None:
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


# --- Posting ----------------------------------------------------------------------------------


def new_reply_fields(
    *,
    thread: DialogueThreadPage,
    parent: Reply | None,
    text: str,
    followup: bool,
    ip_address: str | None,
) -> dict:
    """The fields a new reply (stored, or pending confirmation) starts with."""
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
def post_reply(
    *,
    thread: DialogueThreadPage,
    member: User,
    text: str,
    parent: Reply | None = None,
    followup: bool = False,
    ip_address: str | None = None,
) -> Reply:
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
    *,
    thread: DialogueThreadPage,
    name: str,
    email: str,
    text: str,
    parent: Reply | None = None,
    followup: bool = False,
    ip_address: str | None = None,
) -> str:
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
    send_confirmation_link(thread=thread, name=name, email=email, text=text, key=key)
    return key


def load_pending(key: str) -> TmpXtdComment:
    """The pending reply a confirmation link holds; refused when the link is damaged."""
    try:
        return signed.loads(key, extra_key=settings.COMMENTS_XTD_SALT)
    # A forged or damaged key fails its signature; a signed key can still point at a
    # dialogue that was deleted since.
    except (ValueError, TypeError, zlib.error, ObjectDoesNotExist) as error:
        raise ReplyRefused(
            _("Deze bevestigingslink klopt niet. Kopieer de hele link uit de e-mail.")
        ) from error


def pending_reply(
    key: str,
) -> tuple[TmpXtdComment, DialogueThreadPage | None, Reply | None]:
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
def confirm_reply(*, key: str) -> Reply:
    """The visitor pressed the button behind the link in the e-mail: store their reply
    (visible or held)."""
    pending, thread, existing = pending_reply(key)
    if existing is not None:
        return existing
    if thread is None:  # pending_reply refuses a link without a stored reply or a live thread
        raise ReplyRefused(_("Deze dialoog bestaat niet meer."))
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


# --- Liking -----------------------------------------------------------------------------------


def toggle_like(*, reply: Reply, member: User) -> bool:
    """A member likes a reply, or takes the like back; returns whether it is liked now."""
    if not reply.is_visible:
        raise ReplyRefused(_("Deze reactie is niet meer zichtbaar."))
    flag, created = CommentFlag.objects.get_or_create(
        comment_id=reply.pk, user=member, flag=LIKEDIT_FLAG
    )
    if not created:
        flag.delete()
    return created
