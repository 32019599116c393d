"""Questions to a regio-ambassadeur: the form on the region page sends them by e-mail.

The ambassador's address stays ours: the message goes to it with the asker's address as
Reply-To, so the ambassador answers from their own mail program and the asker learns the
address only if the ambassador replies. Nothing is stored: the question lives in the two
mailboxes only, so there is no personal data to export or erase here.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.rate_limits import hashed_ip, within_allowance
from core.site_address import absolute_url, email_subject
from stories.models import Ambassador, Region

# Per hour. An asker waits for an answer before asking again; a school or library shares an IP.
QUESTIONS_PER_HOUR_PER_ADDRESS = 3
QUESTIONS_PER_HOUR_PER_IP = 10


class QuestionRefused(Exception):
    """The question cannot be sent; the message says why, in Dutch, for the asker."""


def askable_ambassadors(region: Region) -> QuerySet[Ambassador]:
    """The region's ambassadors who take questions: those with an e-mail address."""
    return region.ambassadors.exclude(email="").order_by("name", "pk")


def check_question_rate(*, email: str, ip_address: str | None) -> None:
    """Refuse a flood of questions from one address or one IP address."""
    per_address = within_allowance(
        f"ambassador-question:address:{hashed_ip(email.lower())}",
        QUESTIONS_PER_HOUR_PER_ADDRESS,
    )
    per_ip = within_allowance(
        f"ambassador-question:ip:{hashed_ip(ip_address)}", QUESTIONS_PER_HOUR_PER_IP
    )
    if not (per_address and per_ip):
        raise QuestionRefused(
            _(
                "Je hebt het afgelopen uur al een paar vragen gesteld. Wacht even op antwoord "
                "of probeer het later opnieuw; je vraag staat hieronder nog."
            )
        )


def send_question(
    *,
    ambassador: Ambassador,
    region: Region,
    name: str,
    email: str,
    question: str,
    ip_address: str | None,
) -> None:
    """E-mail a visitor's question to the ambassador, with the visitor's address as Reply-To.

    Raises QuestionRefused when the visitor asked too often or the mail server did not take
    the message.
    """
    check_question_rate(email=email, ip_address=ip_address)
    context = {
        "ambassador": ambassador,
        "region": region,
        "name": name,
        "email": email,
        "question": question,
        "region_url": absolute_url(reverse("region", args=[region.slug])),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = email_subject(
            _("Een vraag voor je als ambassadeur in %(region)s") % {"region": region.name}
        )
        body = render_to_string("ambassadors/emails/question.txt", context).strip() + "\n"
    message = EmailMessage(
        subject, body, settings.DEFAULT_FROM_EMAIL, [ambassador.email], reply_to=[email]
    )
    try:
        message.send()
    except OSError as error:  # smtplib.SMTPException is an OSError, as is a refused connection
        raise QuestionRefused(
            _(
                "Je vraag is niet verstuurd: onze e-mail werkt even niet. Probeer het over een "
                "paar minuten opnieuw; je vraag staat hieronder nog."
            )
        ) from error
