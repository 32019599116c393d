"""The dialogue pages: a thread (a question or statement that members answer in threaded
replies, shown with its tree of replies and the reply form) and the index at /dialogen/, which
lists threads by their last activity.
"""

import re

from allauth.account.utils import has_verified_email
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.page_cache import current_generation
from dialogues.forms import ReplyForm
from stories.blocks import RICH_TEXT_FEATURES
from stories.feeds import SectionFeedMixin
from stories.models import StoryIndexPage, StoryPage, Theme, paginate

from .activity import ByActivity, ThreadActivity
from .replies import Reply, like_count, reply_tree

THEMES_SECONDS = 600


class DialogueThreadPage(StoryPage):
    """A question or statement that members answer in threaded replies."""

    contribution_noun = _("dialoog")

    explanation = RichTextField(_("toelichting"), features=RICH_TEXT_FEATURES, blank=True)
    is_closed = models.BooleanField(
        _("gesloten voor nieuwe reacties"),
        default=False,
        help_text=_("Bestaande reacties blijven zichtbaar."),
    )
    webinar = models.ForeignKey(
        "stories.WebinarPage",
        verbose_name=_("nagesprek van webinar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_up_threads",
        help_text=_("Voor de vragen die na dit webinar overbleven."),
    )

    edit_handler = StoryPage.build_edit_handler(
        [FieldPanel("explanation"), FieldPanel("is_closed"), FieldPanel("webinar")]
    )

    search_fields = [
        *StoryPage.search_fields,
        index.SearchField("explanation"),
        index.SearchField("reply_text"),
    ]

    parent_page_types = ["dialogues.DialogueIndexPage"]
    subpage_types = []
    # The kept reply count is read with the page (core.routes.specific_page).
    serve_select_related = (*StoryPage.serve_select_related, "activity")

    class Meta:
        verbose_name = _("dialoog")
        verbose_name_plural = _("dialogen")

    def revise_url(self):
        """Members change their dialogue on its own form, not on a share form."""
        return reverse("revise_dialoguethreadpage", kwargs={"page_id": self.pk})

    def visible_reply_count(self, replies):
        """How many replies visitors see: kept with the thread's activity (ThreadActivity, read
        with the page), counted when the thread has none yet."""
        try:
            return self.activity.reply_count
        except ThreadActivity.DoesNotExist:
            return replies.visible().count()

    def reply_text(self):
        """What visitors can read of the replies, for search."""
        return "\n\n".join(
            Reply.objects.of_thread(self).visible().order_by().values_list("comment", flat=True)
        )

    def get_context(self, request, *args, reply_form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        viewer = request.user
        member = viewer if is_verified_member(viewer) else None
        replies = Reply.objects.of_thread(self)
        tops = (
            replies.filter(level=0)
            .filter(
                Q(is_public=True, is_removed=False)
                | Q(nested_count__gt=0)
                | Q(user_id=getattr(member, "pk", None))
            )
            .order_by("thread_id")
            .values_list("thread_id", flat=True)
        )
        # All the ids at once (a thread has a few hundred at most): counted by their length,
        # where a paginator of the query would count in SQL and then read one page.
        top_ids = list(tops)
        page = paginate(request, top_ids, per_page=settings.HVDJ_REPLY_THREADS_PER_PAGE)
        rows = list(
            replies.filter(thread_id__in=list(page.object_list))
            .annotate(like_count=like_count())
            .order_by("thread_id", "order")
        )
        liked = set()
        if member is not None and rows:
            liked = set(
                CommentFlag.objects.filter(
                    user=member, flag=LIKEDIT_FLAG, comment_id__in=[row.pk for row in rows]
                ).values_list("comment_id", flat=True)
            )
        chosen = reply_form.data.get("parent") if reply_form is not None else None
        parent = self.reply_to(chosen or request.GET.get("antwoord", ""), replies)
        if reply_form is None:
            reply_form = ReplyForm(member=member, initial={"parent": getattr(parent, "pk", None)})
        context.update(
            reply_page=page,
            reply_nodes=reply_tree(rows, liked=liked, viewer=member),
            # Every visible reply is under a top-level one: none, then no replies to count.
            reply_count=self.visible_reply_count(replies) if top_ids else 0,
            reply_form=reply_form,
            reply_to=parent,
            replying_member=member,
            needs_verification=viewer.is_authenticated and member is None,
        )
        return context

    @staticmethod
    def reply_to(reply_id, replies):
        """The reply named by ?antwoord= (or the form), when a visitor chose to answer it."""
        if not re.fullmatch(r"[0-9]{1,18}", reply_id):
            return None
        return replies.filter(pk=int(reply_id)).first()


def is_verified_member(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Signed in with a confirmed e-mail address: may reply without a confirmation mail."""
    return user.is_authenticated and has_verified_email(user)


class DialogueIndexPage(SectionFeedMixin, StoryIndexPage):
    """The home of all dialogues, at /dialogen/, with the feed of new ones."""

    subpage_types = ["dialogues.DialogueThreadPage"]
    child_model = DialogueThreadPage
    feed_title = _("Hart voor de Jeugd: nieuwe dialogen")
    feed_description = _(
        "De nieuwste vragen en stellingen waarover je op Hart voor de Jeugd met anderen praat."
    )

    def get_items(self, request):
        items = super().get_items(request)
        theme = self.chosen_theme(request)
        if theme is not None:
            items = items.filter(themes=theme)
        return items

    def get_context(self, request, *args, **kwargs):
        context = super(StoryIndexPage, self).get_context(request, *args, **kwargs)
        # The cards' images and themes are fetched for the cards not kept (stories.cards).
        context["items"] = paginate(request, ByActivity(self.get_items(request)))
        context["themes"] = self.thread_themes()
        context["chosen_theme"] = self.chosen_theme(request)
        return context

    def thread_themes(self):
        """The themes of the live, public threads, for the filter: read once per generation of
        the page cache (core.page_cache), which publishing, a view restriction or a change to
        a theme starts anew. Reading them took 90 ms at 20,000 threads."""
        key = f"hvdj:dialogue-themes:{current_generation()}:{self.pk}"
        themes = cache.get(key)
        if themes is None:
            themes = list(
                Theme.objects.filter(
                    pk__in=DialogueThreadPage.objects.child_of(self)
                    .live()
                    .public()
                    .values("themes")
                ).order_by("name")
            )
            cache.set(key, themes, timeout=THEMES_SECONDS)
        return themes

    @staticmethod
    def chosen_theme(request):
        """The theme from ?thema=<slug>, when it names one (looked up once per request)."""
        if not hasattr(request, "dialogue_theme"):
            slug = request.GET.get("thema", "")
            valid = re.fullmatch(r"[-a-zA-Z0-9_]{1,120}", slug)
            request.dialogue_theme = Theme.objects.filter(slug=slug).first() if valid else None
        return request.dialogue_theme

    class Meta:
        verbose_name = _("overzicht dialogen")
