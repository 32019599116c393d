"""A member's adoption marks as personal data: exported with "download my data" and deleted
before their account goes. Registered with accounts' registry in `wagtail_hooks.py`."""

from typing import Any

from accounts.models import User

from .models import Adoption
from .services import emptied_page_cache


def export_adoptions(member: User) -> list[dict[str, Any]]:
    """The member's marks for their data export."""
    return [
        {
            "praktijkvoorbeeld": title,
            "jeugdregio": region,
            "organisatie": organisation,
            "toelichting": note,
            "status": status,
            "gemeld_op": created_at.isoformat(),
        }
        for title, region, organisation, note, status, created_at in Adoption.objects.filter(
            member=member
        )
        .order_by("created_at", "pk")
        .values_list("page__title", "region__name", "organisation", "note", "status", "created_at")
    ]


def erase_adoptions(member: User) -> None:
    """Before a member's account goes: their marks go, and the pages that showed them change."""
    deleted, _counts = Adoption.objects.filter(member=member).delete()
    if deleted:
        emptied_page_cache()
