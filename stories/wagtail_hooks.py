"""The content model's admin: the taxonomy snippets, the redactie's queue of submitted
stories on the dashboard and in the menu, and the stories' personal data (personal_data.py)."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, Table, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.personal_data import PERSONAL_DATA_HOOK
from core.redactie import can_moderate

from . import personal_data
from .models import Ambassador, Audience, ChangeTask, Region, Theme
from .moderation import submitted_stories
from .queue import ActionsColumn, SubmittedStoriesFilterSet, WaitingColumn


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")


class ChangeTaskViewSet(TermViewSet):
    model = ChangeTask
    icon = "list-ul"
    menu_label = _("Veranderopgaven")


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"
    menu_label = _("Jeugdregio's")
    list_display = ["name", "province"]
    list_filter = ["province"]


class AudienceViewSet(TermViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Doelgroepen")


class AmbassadorViewSet(SnippetViewSet):
    model = Ambassador
    icon = "user"
    menu_label = _("Ambassadeurs")
    list_display = ["name", "kind", "role"]
    list_filter = ["kind", "regions"]
    search_fields = ["name", "role"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, ChangeTaskViewSet, RegionViewSet, AudienceViewSet, AmbassadorViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Taxonomie")
    menu_name = "taxonomie"


register_snippet(TaxonomyViewSetGroup)


class FindingsColumn(Column):
    """A warning badge with the number of privacy findings, if there are any."""

    cell_template_name = "stories/admin/findings_cell.html"

    def get_value(self, instance):
        return len(instance.privacy_findings)


class ConsentColumn(Column):
    """Whether the story is about a child and who consented until when."""

    cell_template_name = "stories/admin/consent_cell.html"

    def get_value(self, instance):
        # select_related("consent") caches a missing record as absent; getattr gives None.
        return getattr(instance, "consent", None)


SUBMISSION_COLUMNS = [
    TitleColumn(
        "title", label=_("Titel"), accessor="draft_title", url_name="wagtailadmin_pages:edit"
    ),
    Column("type", label=_("Soort"), accessor="type_label"),
    Column("member", label=_("Lid"), accessor="contributor.public_name"),
    WaitingColumn("submitted_at", label=_("Ingestuurd")),
    FindingsColumn("findings", label=_("Privacycheck")),
]


class SubmittedStoriesPanel(Component):
    """The dashboard's first look at the queue: the ten stories that have waited longest."""

    name = "submitted_stories"
    template_name = "stories/admin/submitted_stories_panel.html"
    order = 150  # above Wagtail's own "Awaiting your review"
    limit = 10

    def get_context_data(self, parent_context):
        stories = submitted_stories()
        count = stories.count()
        return {
            "count": count,
            "table": Table(
                SUBMISSION_COLUMNS,
                list(stories[: self.limit]) if count else [],
                classname="listing listing--dashboard",
            ),
            "more": count > self.limit,
            "listing_url": reverse("submitted_stories"),
            "request": parent_context["request"],
        }


class SubmittedStoriesView(BaseListingView):
    """Every story members sent in that waits for the redactie, with its consent."""

    page_title = _("Ingezonden verhalen")
    header_icon = "tasks"
    paginate_by = 50
    index_url_name = "submitted_stories"
    index_results_url_name = "submitted_stories_results"
    filterset_class = SubmittedStoriesFilterSet
    columns = [
        *SUBMISSION_COLUMNS,
        ConsentColumn("consent", label=_("Toestemming")),
        ActionsColumn("actions", label=_("Beoordelen"), accessor="pk"),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def no_results_message(self):
        if self.is_filtering:
            return _("Geen ingezonden verhalen met deze filters.")
        return _("Er wachten geen ingezonden verhalen op de redactie.")

    def get_base_queryset(self):
        return submitted_stories()


class SubmittedStoriesMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


@hooks.register("register_admin_urls")
def register_submitted_stories_url():
    return [
        path("ingezonden-verhalen/", SubmittedStoriesView.as_view(), name="submitted_stories"),
        path(
            "ingezonden-verhalen/resultaten/",
            SubmittedStoriesView.as_view(results_only=True),
            name="submitted_stories_results",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_submitted_stories_menu_item():
    return SubmittedStoriesMenuItem(
        _("Ingezonden verhalen"),
        reverse("submitted_stories"),
        name="ingezonden-verhalen",
        icon_name="tasks",
        order=150,
    )


@hooks.register("construct_homepage_panels")
def add_submitted_stories_panel(request, panels):
    if can_moderate(request.user):
        panels.append(SubmittedStoriesPanel())


hooks.register(PERSONAL_DATA_HOOK, personal_data.personal_data)
