"""A reply in a dialogue: django-comments-xtd's threaded comment plus its moderation state, the
queries that pick a thread's or the visible replies, and the tree of replies a thread page shows.

A reply names its thread by content type and primary key, as every xtd comment does. The thread
page imports this module to show its replies, so a reply finds the page class through the app
registry (`thread_page_model`), the way a ForeignKey names a model of another module.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment, XtdCommentManager
from wagtail.models import Page

from dialogues.choices import HeldBecause


def thread_page_model() -> type[Page]:
    """DialogueThreadPage, the page type every reply belongs to."""
    return apps.get_model("dialogues", "DialogueThreadPage")


class ReplyQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(is_public=True, is_removed=False)

    def held(self):
        return self.filter(is_public=False, is_removed=False)

    def of_thread(self, thread):
        return self.filter(
            content_type=Reply.thread_content_type(),
            object_pk=str(thread.pk),
            site_id=settings.SITE_ID,
        )

    def annotate_thread_title(self):
        titles = (
            thread_page_model()
            .objects.filter(pk=Cast(OuterRef("object_pk"), models.IntegerField()))
            .values("title")
        )
        return self.annotate(thread_title=Subquery(titles[:1]))


class Reply(XtdComment):
    """A reply in a dialogue: django-comments-xtd's threaded comment plus its moderation state.

    Visible replies are public and not removed; held ones wait for the redactie (not public);
    removed ones stay in the thread as a placeholder so that the replies below them keep
    their place.
    """

    HeldBecause = HeldBecause

    held_because = models.CharField(
        _("vastgehouden omdat"), max_length=20, choices=HeldBecause.choices, blank=True
    )
    urgent = models.BooleanField(_("spoed"), default=False, db_index=True)
    removal_reason = models.TextField(_("reden van verwijderen"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    # Followers hear of a reply once: when it first becomes visible.
    followers_notified = models.BooleanField(default=False)

    objects = XtdCommentManager.from_queryset(ReplyQuerySet)()

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")

    def __str__(self):
        return Truncator(self.comment).chars(60)

    @classmethod
    def thread_content_type(cls):
        return ContentType.objects.get_for_model(thread_page_model())

    @property
    def is_visible(self):
        return self.is_public and not self.is_removed

    @property
    def is_held(self):
        return not self.is_public and not self.is_removed

    @property
    def can_be_answered(self):
        return self.is_visible and self.allow_thread()

    @property
    def author_name(self):
        if self.user_id:
            return self.user.public_name
        return self.user_name

    def get_absolute_url(self, anchor_pattern="#reactie-%(id)s"):
        return self.get_content_object_url() + anchor_pattern % {"id": self.pk}

    def get_content_object_url(self):
        page = thread_page_model().objects.filter(pk=self.object_pk).first()
        return page.url if page else "/"


def like_count() -> Coalesce:
    """An annotation: how many members like the reply."""
    likes = (
        CommentFlag.objects.filter(comment=OuterRef("pk"), flag=LIKEDIT_FLAG)
        .order_by()
        .values("comment")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(likes), 0)


@dataclass
class ReplyNode:
    """One reply in the tree shown on a thread page, with the replies to it."""

    reply: Reply
    liked: bool = False
    own: bool = False
    children: list["ReplyNode"] = field(default_factory=list)

    @property
    def shows_text(self):
        return self.reply.is_visible or (self.own and self.reply.is_held)

    def worth_showing(self):
        return self.shows_text or bool(self.children)


def reply_tree(
    rows: Iterable[Reply], *, liked: Collection[int], viewer: AbstractBaseUser | None
) -> list[ReplyNode]:
    """Nest replies (ordered by thread and xtd's order) under their parents.

    Hidden and removed replies stay only as placeholders for visible replies below them.
    """
    nodes = {}
    roots = []
    for reply in rows:
        node = ReplyNode(
            reply=reply,
            liked=reply.pk in liked,
            own=viewer is not None and reply.user_id == viewer.pk,
        )
        nodes[reply.pk] = node
        parent = nodes.get(reply.parent_id) if reply.parent_id != reply.pk else None
        (parent.children if parent else roots).append(node)

    def prune(branch):
        kept = []
        for node in branch:
            node.children = prune(node.children)
            if node.worth_showing():
                kept.append(node)
        return kept

    return prune(roots)
