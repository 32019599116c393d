"""The replies a member wrote, as personal data: exported with "download my data" and erased
before their account goes. Registered with accounts' registry in `wagtail_hooks.py`.
"""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django_comments.models import CommentFlag
from wagtail.search.index import insert_or_update_object

from accounts.models import User

from .models import DialogueThreadPage, Reply, ReplyReport, ThreadActivity


def export_replies(member: User) -> list[dict[str, Any]]:
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
def erase_replies(member: User) -> None:
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
