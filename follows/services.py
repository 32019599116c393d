"""Following and unfollowing: the domain's functions that views, hooks and the demo call.

A member follows at once. A visitor without an account gives an e-mail address and gets a
link (double opt-in): nothing is stored until they open it and say yes, because the link holds
the whole request, signed, for `CONFIRMATION_DAYS` days. Whether an address already follows
anything is never told to the person who typed it.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from core.rate_limits import hashed_ip, within_allowance
from core.site_address import absolute_url, email_subject

from .exceptions import FollowRefused
from .models import Follow, Follower, Period
from .targets import Target, resolve

CONFIRMATION_DAYS = 7
CONFIRMATION_SALT = "hartvoordejeugd.follows.confirm"
# A visitor's follow requests (each sends an e-mail) per address and per IP address, per hour.
VISITOR_REQUESTS_PER_HOUR = 5
VISITOR_REQUESTS_PER_HOUR_PER_IP = 20


def member_follower(member: User) -> Follower:
    """The member's follower record, made on their first follow (confirmed: their account)."""
    follower, _created = Follower.objects.get_or_create(
        user=member, defaults={"confirmed_at": timezone.now()}
    )
    return follower


def find_follow(follower: Follower | None, target: Target) -> Follow | None:
    """The follower's follow of the target, if there is one."""
    if follower is None:
        return None
    return follower.follows.filter(**target.follow_fields()).first()


@transaction.atomic
def follow(*, follower: Follower, target: Target) -> Follow:
    """Follow the target (once: following it again changes nothing)."""
    existing = find_follow(follower, target)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Follow.objects.create(follower=follower, **target.follow_fields())
    except IntegrityError:  # the same follow, sent twice at once
        return follower.follows.get(**target.follow_fields())


@transaction.atomic
def unfollow(*, follower: Follower, follow_id: int) -> Follow | None:
    """Stop one of the follower's follows; None when it was not theirs (or already gone)."""
    stopped = follower.follows.filter(pk=follow_id).first()
    if stopped is not None:
        stopped.delete()
    return stopped


@transaction.atomic
def set_period(*, follower: Follower, period: str) -> None:
    """Daily or weekly digests."""
    if period not in Period.values:
        raise FollowRefused(_("Kies dagelijks of wekelijks."))
    follower.period = period
    follower.save(update_fields=["period"])


# --- Visitors: double opt-in ------------------------------------------------------------------


def check_visitor_rate(*, email: str, ip_address: str | None) -> None:
    """Refuse a flood of confirmation e-mails to one address or from one IP address."""
    per_address = within_allowance(
        f"follow:email:{hashed_ip(email.lower())}", VISITOR_REQUESTS_PER_HOUR
    )
    per_ip = within_allowance(
        f"follow:ip:{hashed_ip(ip_address)}", VISITOR_REQUESTS_PER_HOUR_PER_IP
    )
    if not (per_address and per_ip):
        raise FollowRefused(
            _("Je hebt het afgelopen uur al vaak iets willen volgen. Probeer het later opnieuw.")
        )


def request_visitor_follow(*, email: str, period: str, target: Target) -> str:
    """Send the confirmation link; nothing is stored until it is used. Returns its key."""
    key = signing.dumps(
        {"email": email, "period": period, "kind": target.kind, "value": target.value},
        salt=CONFIRMATION_SALT,
        compress=True,
    )
    context = {
        "target": target,
        "kind": Follow.Kind(target.kind).label,
        "period": Period(period).label.lower(),
        "confirm_url": absolute_url(reverse("confirm_follow", args=[key])),
        "days": CONFIRMATION_DAYS,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = email_subject(
            _("Bevestig dat je “%(name)s” wilt volgen") % {"name": target.name}
        )
        body = render_to_string("follows/emails/confirm_follow.txt", context).strip() + "\n"
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
    transaction.on_commit(message.send, robust=True)
    return key


def pending_visitor_follow(key: str) -> dict:
    """What a confirmation link asks for: {"email", "period", "target"}; refused when the
    link is damaged, too old, or its target is gone."""
    try:
        data = signing.loads(
            key, salt=CONFIRMATION_SALT, max_age=timedelta(days=CONFIRMATION_DAYS)
        )
    except signing.SignatureExpired as error:
        raise FollowRefused(
            _("Deze bevestigingslink is verlopen. Vraag op de pagina een nieuwe aan.")
        ) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise FollowRefused(
            _("Deze bevestigingslink klopt niet. Kopieer de hele link uit de e-mail.")
        ) from error
    if not isinstance(data, dict) or data.get("period") not in Period.values:
        raise FollowRefused(_("Deze bevestigingslink klopt niet."))
    return {
        "email": str(data["email"]),
        "period": data["period"],
        "target": resolve(str(data.get("kind")), str(data.get("value"))),
    }


@transaction.atomic
def confirm_visitor_follow(*, key: str) -> Follow:
    """The visitor said yes: their address follows the target, with the period they chose."""
    pending = pending_visitor_follow(key)
    follower = (
        Follower.objects.select_for_update()
        .filter(user__isnull=True, email__iexact=pending["email"])
        .first()
    )
    if follower is None:
        follower = Follower.objects.create(email=pending["email"])
    follower.confirmed_at = follower.confirmed_at or timezone.now()
    follower.period = pending["period"]
    follower.save(update_fields=["confirmed_at", "period"])
    return follow(follower=follower, target=pending["target"])


# --- Unsubscribing (links in e-mails) ---------------------------------------------------------


def follow_by_token(token: str) -> Follow:
    follow_ = Follow.objects.select_related("follower").filter(token=token[:64]).first()
    if follow_ is None:
        raise FollowRefused(_("Deze afmeldlink klopt niet, of je was al afgemeld."))
    return follow_


def follower_by_token(token: str) -> Follower:
    follower = Follower.objects.select_related("user").filter(token=token[:64]).first()
    if follower is None:
        raise FollowRefused(_("Deze link klopt niet, of je volgt niets meer."))
    return follower


@transaction.atomic
def unsubscribe(*, token: str) -> Follow:
    """Stop the follow whose link this is. Returns it (deleted) for the page that says so."""
    stopped = follow_by_token(token)
    stopped.delete()
    return stopped


@transaction.atomic
def unsubscribe_all(*, token: str) -> None:
    """Stop everything the follower follows; a visitor's address is then forgotten entirely."""
    follower = follower_by_token(token)
    if follower.user_id:
        follower.follows.all().delete()
    else:
        follower.delete()
