"""The adoptions app in the admin ("Toepassingen" for the redactie) and in the registry of
personal data."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from accounts.personal_data import PERSONAL_DATA_HOOK, PersonalData
from core.redactie import RedactiePermissionPolicy, can_moderate
from core.viewsets import ListingOnlyViewSetMixin

from .admin_views import AdoptionIndexView, DecideAdoptionView
from .models import Adoption
from .personal_data import erase_adoptions, export_adoptions

# Registered before the viewset asks for a policy. Editors judge marks, never write them.
register_permission_policy(
    Adoption, RedactiePermissionPolicy(Adoption, actions=["view", "change"])
)


class AdoptionViewSet(ListingOnlyViewSetMixin, ModelViewSet):
    """The redactie's list of "Wij passen dit ook toe" marks, to approve or reject."""

    model = Adoption
    url_namespace = "adoption_moderation"
    url_prefix = "toepassingen"
    icon = "tick-inverse"
    menu_label = _("Toepassingen")
    menu_name = "toepassingen"
    menu_order = 170  # below "Dialogen"
    add_to_admin_menu = True
    index_view_class = AdoptionIndexView
    list_filter = ["status", "region"]
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    list_per_page = 50

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(
                "<int:pk>/goedkeuren/",
                self.construct_view(DecideAdoptionView, approve=True),
                name="approve",
            ),
            path(
                "<int:pk>/afwijzen/",
                self.construct_view(DecideAdoptionView, approve=False),
                name="reject",
            ),
        ]

    def get_permissions_to_register(self):
        # Access follows can_moderate (RedactiePermissionPolicy), so no checkboxes for groups.
        return Permission.objects.none()


@hooks.register("register_admin_viewset")
def register_adoption_viewset():
    return AdoptionViewSet()


class WaitingAdoptionsPanel(Component):
    """The dashboard's count of marks that wait for the redactie."""

    name = "waiting_adoptions"
    template_name = "adoptions/admin/waiting_panel.html"
    order = 170  # below the replies that wait

    def get_context_data(self, parent_context):
        return {
            "waiting": Adoption.objects.pending().count(),
            "list_url": reverse("adoption_moderation:index") + "?status=pending",
        }


@hooks.register("construct_homepage_panels")
def add_waiting_adoptions_panel(request, panels):
    if can_moderate(request.user):
        panels.append(WaitingAdoptionsPanel())


@hooks.register(PERSONAL_DATA_HOOK)
def personal_data():
    """The member's adoption marks."""
    return [
        PersonalData(
            "adoptions",
            export=export_adoptions,
            erase=lambda member, *, keep_published: erase_adoptions(member),
        )
    ]
