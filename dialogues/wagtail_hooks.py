from django.contrib.auth.models import Permission
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.personal_data import PERSONAL_DATA_HOOK, PersonalData
from core.redactie import RedactiePermissionPolicy, can_moderate
from core.viewsets import ListingOnlyViewSetMixin
from stories.models import WebinarPage
from stories.models.webinar import FOLLOW_UPS_HOOK

from .admin_views.actions import ApproveReplyView, RemoveReplyView, RestoreReplyView
from .admin_views.queue import ReplyIndexView, ReplyInspectView
from .follow_up import FollowUpView, follow_up_thread
from .models import BlockedWord, DialogueThreadPage, Reply
from .personal_data import erase_replies, export_replies

# Registered before the viewsets below ask for a policy (Wagtail would make a fallback one).
# Editors judge replies but never write or delete them: removing keeps a placeholder.
register_permission_policy(Reply, RedactiePermissionPolicy(Reply, actions=["view", "change"]))
register_permission_policy(
    BlockedWord,
    RedactiePermissionPolicy(BlockedWord, actions=["add", "change", "delete", "view"]),
)


class ReplyViewSet(ListingOnlyViewSetMixin, ModelViewSet):
    """The redactie's reply queue: judge replies, never edit a member's words."""

    model = Reply
    url_namespace = "reply_moderation"
    url_prefix = "reacties"
    icon = "comment"
    menu_label = _("Reacties")
    menu_name = "reacties"
    index_view_class = ReplyIndexView
    inspect_view_class = ReplyInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Replies point at nothing an editor could want to trace, and are saved often.
    add_to_reference_index = False
    list_per_page = 50

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<id:pk>/", self.inspect_view, name="inspect"),
            path("<id:pk>/goedkeuren/", self.construct_view(ApproveReplyView), name="approve"),
            path("<id:pk>/verwijderen/", self.construct_view(RemoveReplyView), name="remove"),
            path("<id:pk>/terugzetten/", self.construct_view(RestoreReplyView), name="restore"),
        ]

    @property
    def url_finder_class(self):
        return type(
            "ReplyAdminURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_permissions_to_register(self):
        # Access follows can_moderate (RedactiePermissionPolicy), so no checkboxes for groups.
        return Permission.objects.none()


class BlockedWordViewSet(SnippetViewSet):
    """The word list: a reply with one of these words waits for the redactie."""

    model = BlockedWord
    icon = "warning"
    menu_label = _("Woordenlijst")
    menu_name = "woordenlijst"
    list_display = ["word", "note"]
    search_fields = ["word", "note"]
    ordering = ["word"]
    # It has its place in the "Dialogen" menu, so the Snippets overview leaves it out.
    menu_item_is_registered = True

    def get_permissions_to_register(self):
        return Permission.objects.none()


class DialoguesViewSetGroup(ViewSetGroup):
    items = (ReplyViewSet, BlockedWordViewSet)
    menu_icon = "comment"
    menu_label = _("Dialogen")
    menu_name = "dialogen"
    menu_order = 160  # just below "Ingezonden verhalen"


@hooks.register("register_admin_viewset")
def register_dialogues_viewsets():
    return DialoguesViewSetGroup()


class WaitingRepliesPanel(Component):
    """The dashboard's count of replies that wait for the redactie, urgent ones called out."""

    name = "waiting_replies"
    template_name = "dialogues/admin/waiting_replies_panel.html"
    order = 160  # below "Ingezonden verhalen"

    def get_context_data(self, parent_context):
        counts = Reply.objects.held().aggregate(
            waiting=Count("pk"), urgent=Count("pk", filter=Q(urgent=True))
        )
        return {**counts, "queue_url": reverse("reply_moderation:index")}


@hooks.register("construct_homepage_panels")
def add_waiting_replies_panel(request, panels):
    if can_moderate(request.user):
        panels.append(WaitingRepliesPanel())


@hooks.register("register_admin_urls")
def register_follow_up_url():
    return [
        path(
            "webinars/<int:page_id>/nagesprek/", FollowUpView.as_view(), name="webinar_follow_up"
        ),
    ]


@hooks.register("register_page_header_buttons")
def follow_up_button(page, user, view_name, next_url=None):
    """ "Nagesprek openen" in the header menu of a webinar that ended."""
    if not issubclass(page.specific_class or type(page), WebinarPage) or not can_moderate(user):
        return
    if not page.specific_deferred.is_past:
        return
    existing = follow_up_thread(page)
    yield PageMenuItem(
        _("Naar het nagesprek") if existing else _("Nagesprek openen"),
        url=(
            reverse("wagtailadmin_pages:edit", args=[existing.pk])
            if existing
            else reverse("webinar_follow_up", args=[page.pk])
        ),
        icon_name="comment",
        priority=85,
        page=page,
    )


@hooks.register(PERSONAL_DATA_HOOK)
def personal_data():
    """The member's replies (likes and reports go with them when the account goes)."""
    return [
        PersonalData(
            "replies",
            export=export_replies,
            erase=lambda member, *, keep_published: erase_replies(member),
        )
    ]


@hooks.register(FOLLOW_UPS_HOOK)
def webinar_follow_up_threads(webinar):
    """The "Nagesprek" on a past webinar's page: its live, public follow-up dialogues."""
    return DialogueThreadPage.objects.filter(webinar=webinar).live().public().order_by("pk")
