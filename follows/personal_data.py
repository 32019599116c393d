"""What a member follows, as personal data: exported with "download my data" and deleted
before their account goes. The follows of a visitor's address that the member proved is theirs
go with it. Registered with accounts' registry in `wagtail_hooks.py`."""

from typing import Any

from django.db.models import Q, QuerySet

from accounts.models import User
from accounts.personal_data import verified_addresses

from .models import Follower
from .targets import describe


def followers_of(member: User) -> QuerySet[Follower]:
    """The member's own follower record and the visitor records of their verified addresses."""
    addresses = Q()
    for address in verified_addresses(member):
        addresses |= Q(email__iexact=address)
    by_address = Q(user__isnull=True) & addresses if addresses else Q(pk__in=[])
    return Follower.objects.filter(Q(user=member) | by_address)


def export_follows(member: User) -> list[dict[str, Any]]:
    """Per follower record: how often, and each follow with what it is about and since when."""
    related = ("theme", "region", "change_task", "dialogue")
    return [
        {
            "e-mailadres": follower.email or member.email,
            "hoe_vaak": follower.get_period_display(),
            "bevestigd_op": follower.confirmed_at.isoformat() if follower.confirmed_at else None,
            "volgt": [
                {
                    "soort": described["kind"],
                    "onderwerp": described["name"],
                    "zoekopdracht": item.query,
                    "sinds": item.created_at.isoformat(),
                }
                for item in follower.follows.select_related(*related)
                for described in [describe(item)]
            ],
        }
        for follower in followers_of(member).order_by("pk")
    ]


def erase_follows(member: User) -> None:
    """Before a member's account goes: their follows, their digests' records and the follows
    of their verified addresses go."""
    followers_of(member).delete()
