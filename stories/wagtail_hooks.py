from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, Table, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.personal_data import PERSONAL_DATA_HOOK
from core.redactie import RedactiePermissionPolicy, can_moderate
from core.viewsets import ListingOnlyViewSetMixin

from . import personal_data
from .models import (
    Ambassador,
    Audience,
    ChangeTask,
    Region,
    Theme,
    WebinarPage,
    WebinarRegistration,
)
from .moderation import submitted_stories
from .queue import ActionsColumn, SubmittedStoriesFilterSet, WaitingColumn
from .registrations import fill_free_seats_of


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


# --- Webinar registrations --------------------------------------------------------------------


# The redactie may see and export registrations; nobody edits them here: a cancellation goes
# through `stories.registrations.cancel`, which hands on the seat.
register_permission_policy(
    WebinarRegistration, RedactiePermissionPolicy(WebinarRegistration, actions=["view"])
)


class WebinarRegistrationViewSet(ListingOnlyViewSetMixin, ModelViewSet):
    """Who registered for which webinar, filtered per webinar, exportable as CSV or Excel."""

    model = WebinarRegistration
    url_namespace = "webinar_registrations"
    url_prefix = "aanmeldingen"
    icon = "group"
    menu_label = _("Aanmeldingen webinars")
    menu_name = "aanmeldingen-webinars"
    menu_order = 170  # below "Dialogen"
    add_to_admin_menu = True
    list_display = ["name", "email", "organisation", "role", "status", "created_at"]
    list_filter = ["webinar", "status"]
    list_export = [
        "webinar",
        "name",
        "email",
        "organisation",
        "role",
        "status",
        "created_at",
        "promoted_at",
    ]
    export_filename = "aanmeldingen-webinars"
    search_fields = ["name", "email", "organisation"]
    ordering = ["webinar", "created_at", "pk"]
    list_per_page = 100
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    def get_queryset(self, request):
        return WebinarRegistration.objects.select_related("webinar")

    def get_permissions_to_register(self):
        # Access follows can_moderate, so there are no checkboxes for groups.
        return Permission.objects.none()


@hooks.register("register_admin_viewset")
def register_webinar_registrations_viewset():
    return WebinarRegistrationViewSet()


def registrations_url(webinar):
    return reverse("webinar_registrations:index") + "?" + urlencode({"webinar": webinar.pk})


@hooks.register("register_page_header_buttons")
def webinar_registrations_button(page, user, view_name, next_url=None):
    """ "Aanmeldingen (N)" in a webinar's header menu, to its registrations in the listing."""
    if not issubclass(page.specific_class or type(page), WebinarPage) or not can_moderate(user):
        return
    count = WebinarRegistration.objects.filter(webinar_id=page.pk).count()
    yield PageMenuItem(
        _("Aanmeldingen (%(count)s)") % {"count": count},
        url=registrations_url(page),
        icon_name="group",
        priority=80,
        page=page,
    )


@hooks.register("after_edit_page")
def give_new_seats_to_the_waiting_list(request, page):
    """An editor who raised a webinar's capacity (and published) gives the waiting list seats."""
    if isinstance(page, WebinarPage) and page.live:
        fill_free_seats_of(page)


hooks.register(PERSONAL_DATA_HOOK, personal_data.personal_data)
