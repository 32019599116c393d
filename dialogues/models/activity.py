"""How active each dialogue is: the number of replies visitors see and the time of the last one
(`ThreadActivity`, kept up to date when a reply appears or disappears), and listing threads by
their last activity without sorting all of them.
"""

from django.db import models
from django.db.models import Count, F, Max, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .replies import Reply


def with_activity(threads: QuerySet) -> QuerySet:
    """Threads with their number of visible replies and the time of their last activity.

    Read from ThreadActivity, kept up to date when a reply appears or disappears: counting
    replies per thread while listing tens of thousands of threads would take a quarter second.
    """
    return threads.annotate(
        reply_count=Coalesce("activity__reply_count", 0),
        last_reply_at=F("activity__last_reply_at"),
        last_activity=Coalesce("activity__last_reply_at", "first_published_at"),
    )


def most_recently_active(threads: QuerySet, count: int) -> list[Page]:
    """The first `count` of `threads` by last activity (with_activity), newest first.

    A thread's last activity is its last reply, or its publication while it has none, and
    replies come after the publication. So the first `count` by activity are among the first
    `count` by last reply and the first `count` by publication, each read along its index:
    sorting every thread by activity took 110 ms at 20,000 threads.
    """
    if count <= 0:
        return []
    by_reply = threads.filter(activity__last_reply_at__isnull=False).order_by(
        "-activity__last_reply_at", "-pk"
    )
    by_publication = threads.order_by("-first_published_at", "-pk")
    candidates = {
        *by_reply.values_list("pk", flat=True)[:count],
        *by_publication.values_list("pk", flat=True)[:count],
    }
    return list(
        with_activity(threads.filter(pk__in=candidates)).order_by("-last_activity", "-pk")[:count]
    )


class ByActivity:
    """Threads in order of last activity, for the paginator: a page of them is read with
    most_recently_active; the count is that of the threads."""

    def __init__(self, threads: QuerySet) -> None:
        self.threads = threads
        self.query = threads.query  # what RememberedCountPaginator keeps the count under

    def count(self):
        return self.threads.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        stop = self.count() if index.stop is None else index.stop
        return most_recently_active(self.threads, stop)[index.start or 0 :]


class ThreadActivity(models.Model):
    """How many replies visitors see in a thread, and when the last one was written.

    Not a field of the thread page itself: page fields live in revisions too, and publishing
    an older revision would put back an old count.
    """

    thread = models.OneToOneField(
        "dialogues.DialogueThreadPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="activity",
    )
    reply_count = models.PositiveIntegerField(default=0)
    last_reply_at = models.DateTimeField(null=True, db_index=True)

    class Meta:
        verbose_name = _("activiteit in een dialoog")

    def __str__(self):
        return f"{self.thread_id}: {self.reply_count}"

    @classmethod
    def refresh(cls, thread_id):
        """Count the thread's visible replies again."""
        visible = Reply.objects.visible().filter(
            content_type=Reply.thread_content_type(), object_pk=str(thread_id)
        )
        figures = visible.aggregate(count=Count("pk"), last=Max("submit_date"))
        cls.objects.update_or_create(
            thread_id=thread_id,
            defaults={"reply_count": figures["count"], "last_reply_at": figures["last"]},
        )
