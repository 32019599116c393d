"""The redactie's list of webinar registrations, its button on a webinar's page, seats for the
waiting list after a capacity change, this app's personal data, and the views behind a webinar
page's registration routes (the "webinar_registration_views" hook WebinarPage asks)."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from accounts.personal_data import PERSONAL_DATA_HOOK
from core.redactie import RedactiePermissionPolicy, can_moderate
from core.viewsets import ListingOnlyViewSetMixin
from stories.models import WebinarPage, WebinarRegistration
from stories.models.webinar import REGISTRATION_VIEWS_HOOK, RegistrationViews

from . import personal_data, views
from .registrations import fill_free_seats_of

# --- Webinar registrations --------------------------------------------------------------------


# The redactie may see and export registrations; nobody edits them here: a cancellation goes
# through `webinars.registrations.cancel`, which hands on the seat.
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


@hooks.register(REGISTRATION_VIEWS_HOOK)
def registration_views() -> RegistrationViews:
    """The form on a webinar's page, its target and the thank-you page behind its routes."""
    return RegistrationViews(
        context=views.webinar_context,
        register=views.register_for_webinar,
        registered=views.registered_for_webinar,
    )


hooks.register(PERSONAL_DATA_HOOK, personal_data.personal_data)
