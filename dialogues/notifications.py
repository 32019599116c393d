"""Every e-mail about replies: the confirmation link for a visitor's reply, the notice to
followers of a thread (and the link that stops it), the reason a removed reply's author
receives, and the alert the redactie gets about a child's safety.

Messages go out once the transaction commits, one per address.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.redactie import redactie_members
from core.site_address import absolute_url, email_subject

from .exceptions import ReplyRefused
from .models import DialogueThreadPage, Reply, ReplyReport

UNSUBSCRIBE_SALT = "hartvoordejeugd.dialogues.unsubscribe"


def thread_of(reply: Reply) -> DialogueThreadPage:
    """The dialogue a reply belongs to."""
    return DialogueThreadPage.objects.get(pk=reply.object_pk)


def send_mail_to(
    addresses: Iterable[str],
    *,
    subject: str,
    template_name: str,
    context: Mapping[str, Any],
    headers: dict[str, str] | None = None,
) -> None:
    """One plain-text message per address, sent once the transaction commits."""
    with translation.override(settings.LANGUAGE_CODE):
        full_subject = email_subject(subject)
        body = render_to_string(template_name, context).strip() + "\n"
    messages = [
        EmailMessage(full_subject, body, settings.DEFAULT_FROM_EMAIL, [address], headers=headers)
        for address in addresses
        if address
    ]

    def send() -> None:
        for message in messages:
            message.send()

    # robust: a mail server that is down must not undo a reply that was saved.
    transaction.on_commit(send, robust=True)


def send_confirmation_link(
    *, thread: DialogueThreadPage, name: str, email: str, text: str, key: str
) -> None:
    """A visitor's reply waits for them to press the link in this e-mail."""
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


def unsubscribe_token(*, thread: DialogueThreadPage, email: str) -> str:
    """The signed part of the link that stops the e-mails about one thread for one address."""
    return signing.dumps({"thread": thread.pk, "email": email.lower()}, salt=UNSUBSCRIBE_SALT)


def notify_followers(*, reply: Reply, thread: DialogueThreadPage) -> None:
    """E-mail everyone who follows the thread about a newly visible reply, once."""
    Reply.objects.filter(pk=reply.pk).update(followers_notified=True)
    reply.followers_notified = True
    followers: dict[str, str] = {}
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


def unsubscribe_target(token: str) -> tuple[DialogueThreadPage, str]:
    """(thread, e-mail address) from an unsubscribe link; refused when it is damaged."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return DialogueThreadPage.objects.get(pk=data["thread"]), data["email"]
    except (signing.BadSignature, KeyError, TypeError, DialogueThreadPage.DoesNotExist) as error:
        raise ReplyRefused(
            _("Deze afmeldlink klopt niet. Kopieer de hele link uit de e-mail.")
        ) from error


def unsubscribe(*, token: str) -> DialogueThreadPage:
    """Stop the e-mails about new replies in one thread for one address; returns the thread."""
    thread, email = unsubscribe_target(token)
    Reply.objects.of_thread(thread).filter(user_email__iexact=email, followup=True).update(
        followup=False
    )
    return thread


def send_removal_reason(*, reply: Reply, reason: str) -> None:
    """The author of a removed reply hears why."""
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


def alert_redactie(*, reply: Reply, report: ReplyReport) -> None:
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
