"""The follow-up dialogue of a webinar, for the questions that were left when it ended.

Editors open it from the webinar's page in the admin: a published DialogueThreadPage under the
dialogue index, with the webinar's topics and a link back to it. `stories` knows nothing of
dialogues, so this lives here, with its admin view; `wagtail_hooks.py` adds the button.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.redactie import can_moderate
from stories.models import WebinarPage
from stories.slugs import unique_slug

from .models import DialogueIndexPage, DialogueThreadPage


class FollowUpRefused(Exception):
    """A follow-up dialogue that cannot be opened (yet); the message says why, in Dutch."""


def follow_up_thread(webinar):
    """The webinar's follow-up dialogue, live or not, or None."""
    return DialogueThreadPage.objects.filter(webinar=webinar).order_by("pk").first()


@transaction.atomic
def open_follow_up(*, webinar, editor):
    """The follow-up dialogue of a webinar that ended: the existing one, or a new published one.

    Returns (thread, created).
    """
    # Locked, so that a double click makes one thread, not two.
    webinar = WebinarPage.objects.select_for_update(of=("self",)).get(pk=webinar.pk)
    existing = follow_up_thread(webinar)
    if existing is not None:
        return existing, False
    if not webinar.is_past:
        raise FollowUpRefused(
            _("Dit webinar is nog niet afgelopen. Open het nagesprek als het webinar voorbij is.")
        )
    index = DialogueIndexPage.objects.order_by("path").first()
    if index is None:
        raise FollowUpRefused(
            _("Er is nog geen overzichtspagina voor dialogen. Maak die eerst aan.")
        )
    title = _("Nagesprek: %(title)s") % {"title": webinar.title}
    thread = DialogueThreadPage(
        title=title,
        slug=unique_slug(index, title),
        intro=_(
            "Bleef er na het webinar “%(title)s” een vraag liggen? Stel hem hier, en praat "
            "verder met de sprekers en de andere deelnemers."
        )
        % {"title": webinar.title},
        explanation=format_html(
            '<p>{} <a linktype="page" id="{}">{}</a>. {}</p>',
            _("Dit is het nagesprek van het webinar"),
            webinar.pk,
            webinar.title,
            _("Daar vind je ook de opname en de presentatie."),
        ),
        webinar=webinar,
        owner=editor,
    )
    thread.themes = list(webinar.themes.all())
    thread.change_tasks = list(webinar.change_tasks.all())
    thread.regions = list(webinar.regions.all())
    thread.audiences = list(webinar.audiences.all())
    index.add_child(instance=thread)
    thread.save_revision(user=editor, log_action=True).publish(user=editor)
    return thread, True


class FollowUpView(WagtailAdminTemplateMixin, TemplateView):
    """Asks the editor to confirm, then opens (or reuses) the follow-up dialogue and goes to
    its edit view."""

    template_name = "dialogues/admin/confirm_follow_up.html"
    page_title = gettext_lazy("Nagesprek openen")
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        self.webinar = get_object_or_404(WebinarPage, pk=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.webinar.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            webinar=self.webinar,
            existing=follow_up_thread(self.webinar),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.webinar.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            thread, created = open_follow_up(webinar=self.webinar, editor=request.user)
        except FollowUpRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("wagtailadmin_pages:edit", self.webinar.pk)
        if created:
            messages.success(
                request,
                _("Het nagesprek “%(title)s” staat online. Je kunt het hier nog aanpassen.")
                % {"title": thread.title},
            )
        else:
            messages.info(
                request,
                _("Dit webinar heeft al een nagesprek: “%(title)s”.") % {"title": thread.title},
            )
        return redirect("wagtailadmin_pages:edit", thread.pk)
