"""How long replies' data is kept: commenters' IP addresses go after the retention period
(`forget_reply_addresses`, and after every new reply), and a deleted dialogue takes its
replies with it.
"""

import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone

from .models import DialogueThreadPage, Reply


def forget_old_ip_addresses() -> int:
    """Delete commenters' IP addresses older than the retention period; returns how many."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.HVDJ_REPLY_IP_RETENTION_DAYS)
    return Reply.objects.filter(submit_date__lt=cutoff, ip_address__isnull=False).update(
        ip_address=None
    )


def delete_replies_of_thread(sender: type, instance: DialogueThreadPage, **kwargs: Any) -> None:
    """post_delete of a DialogueThreadPage: its replies (and their likes and reports) go too."""
    Reply.objects.filter(
        content_type=Reply.thread_content_type(), object_pk=str(instance.pk)
    ).delete()
