"""The registry of personal data: each app declares what it keeps about a member, with a
function that exports it and one that erases it, so that "download my data" and "delete my
account" reach everything, and a new app cannot forget either.

An app registers its kinds in its `wagtail_hooks.py`:

    @hooks.register(PERSONAL_DATA_HOOK)
    def personal_data():
        return [PersonalData("replies", export=export_replies, erase=erase_replies)]

`erase(member, keep_published=...)` runs before the account itself goes, in the order the
apps are installed; `keep_published` is the member's choice to leave published stories online
under "Oud-lid".
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from wagtail import hooks

from .models import User

PERSONAL_DATA_HOOK = "register_personal_data"


@dataclass(frozen=True)
class PersonalData:
    """One kind of data an app keeps about a member."""

    name: str  # its key in the export
    export: Callable[[User], Any]  # member -> JSON-ready data
    erase: Callable[..., None]  # erase(member, *, keep_published: bool)
    # member -> how many there are, for "Mijn account" (for kinds the member chooses about).
    count: Callable[[User], int] | None = None


def registered_personal_data() -> list[PersonalData]:
    """Every kind the installed apps declare, in the order the apps are installed."""
    kinds = [kind for hook in hooks.get_hooks(PERSONAL_DATA_HOOK) for kind in hook()]
    names = [kind.name for kind in kinds]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates or "account" in names:
        raise ValueError(f"Personal data registered twice: {sorted(duplicates | {'account'})}")
    return kinds


def personal_data_counts(member: User) -> dict[str, int]:
    """{kind name: how many} of the kinds that count what a member has."""
    return {kind.name: kind.count(member) for kind in registered_personal_data() if kind.count}


def verified_addresses(member: User) -> list[str]:
    """The addresses the member proved are theirs (data kept by address goes by these)."""
    verified = EmailAddress.objects.filter(user=member, verified=True)
    return list(verified.values_list("email", flat=True))
