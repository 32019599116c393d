"""What members can do with their own data: export it and delete their account."""

from typing import Any

from allauth.account.models import EmailAddress
from django.db import connection, transaction
from django.utils import timezone
from wagtail.search.models import IndexEntry

from .models import User
from .personal_data import registered_personal_data


def export_member_data(*, member: User) -> dict[str, Any]:
    """Everything the platform keeps about a member, as a JSON-ready dict: the account, then
    each kind of data the apps register (accounts.personal_data)."""
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": member.email,
            "display_name": member.display_name,
            "role": member.role,
            "region": member.region.name if member.region else None,
            "date_joined": member.date_joined.isoformat(),
            "last_login": member.last_login.isoformat() if member.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=member)
            ],
        },
    }
    for kind in registered_personal_data():
        data[kind.name] = kind.export(member)
    return data


@transaction.atomic
def delete_member(*, member: User, keep_stories: bool) -> None:
    """Remove a member's personal data, every registered kind of it, then the account; their
    published stories stay under "Oud-lid" when `keep_stories`, or go too."""
    for kind in registered_personal_data():
        kind.erase(member, keep_published=keep_stories)
    member.delete()
    compact_search_index()


def compact_search_index() -> None:
    """Make SQLite's full-text index drop deleted words now; it keeps them until a merge."""
    if connection.vendor != "sqlite":
        return
    table = f"{IndexEntry._meta.db_table}_fts"
    with connection.cursor() as cursor:
        if table in connection.introspection.table_names(cursor):
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608
