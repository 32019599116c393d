"""The redactie's list of adoption marks in the Wagtail admin ("Toepassingen"): every mark with
its page, region, organisation, member and note, filtered by status and region, and a button
per row to approve or reject it. `services.decide` does the deciding."""

from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from .models import Adoption
from .services import decide


class PageColumn(Column):
    """The practice example's title, linking to the page."""

    cell_template_name = "adoptions/admin/page_cell.html"

    def get_value(self, instance):
        return instance.page


class DecisionColumn(Column):
    """Approve or reject: small POST forms that come back to the same list."""

    cell_template_name = "adoptions/admin/decision_cell.html"

    def __init__(self, name, *, return_url, **kwargs):
        super().__init__(name, **kwargs)
        self.return_url = return_url

    def get_value(self, instance):
        return instance

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(
            csrf_token=get_token(parent_context["request"]),
            next=self.return_url,
            approve_url=""
            if instance.status == Adoption.Status.APPROVED
            else reverse("adoption_moderation:approve", args=[instance.pk]),
            reject_url=""
            if instance.status == Adoption.Status.REJECTED
            else reverse("adoption_moderation:reject", args=[instance.pk]),
        )
        return context


class AdoptionIndexView(IndexView):
    """Every mark, newest first; the filter narrows it to one status or region."""

    page_title = gettext_lazy("Toepassingen")
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return Adoption.objects.select_related("page", "region", "member")

    @cached_property
    def return_url(self):
        return self.request.get_full_path()

    @cached_property
    def columns(self):
        return [
            PageColumn("page", label=gettext_lazy("Praktijkvoorbeeld")),
            Column("region", label=gettext_lazy("Jeugdregio"), accessor="region.name"),
            Column("organisation", label=gettext_lazy("Organisatie")),
            Column("member", label=gettext_lazy("Lid"), accessor="member.public_name"),
            Column(
                "note",
                label=gettext_lazy("Toelichting"),
                accessor=lambda adoption: Truncator(adoption.note).chars(200),
            ),
            Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
            DateColumn("created_at", label=gettext_lazy("Gemeld op"), sort_key="created_at"),
            DecisionColumn(
                "decision", label=gettext_lazy("Beoordelen"), return_url=self.return_url
            ),
        ]


class DecideAdoptionView(PermissionCheckedMixin, View):
    """Approve (show on the page) or reject (keep off it) one mark."""

    model = Adoption
    permission_required = "change"
    http_method_names = ["post"]
    approve = True

    def post(self, request, pk):
        adoption = get_object_or_404(Adoption.objects.select_related("region"), pk=pk)
        decide(adoption=adoption, editor=request.user, approve=self.approve)
        if self.approve:
            message = _("De melding van %(organisation)s (%(region)s) staat nu bij het voorbeeld.")
        else:
            message = _("De melding van %(organisation)s (%(region)s) is afgewezen.")
        messages.success(
            request,
            message % {"organisation": adoption.organisation, "region": adoption.region.name},
        )
        return redirect(
            get_valid_next_url_from_request(request) or reverse("adoption_moderation:index")
        )
