"""Deel je verhaal and Mijn bijdragen: the pages of the share flow, thin over its services."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import form_status
from core.once.tokens import submitted_once
from stories.models import StoryPage

from .contributions import Status, member_contributions, withdraw_story
from .forms import FORMS, StoryKind
from .privacy import Finding, describe_findings
from .submission import (
    initial_from,
    kind_of,
    revisable,
    send_to_redactie,
    submit_story,
)
from .submission import revise_story as revise


@verified_email_required
def choose_kind(request):
    """Deel je verhaal: what would you like to share?"""
    kinds = [
        {"key": key, "label": label, "description": StoryKind.DESCRIPTIONS[key]}
        for key, label in StoryKind.LABELS.items()
    ]
    return TemplateResponse(
        request,
        "stories/submission/choose.html",
        {"kinds": kinds, "page_title": _("Deel je verhaal")},
    )


@verified_email_required
@submitted_once
def share_story(request, kind):
    """The form for one kind of story; a valid one becomes a draft page for the redactie."""
    form_class = FORMS.get(kind)
    if form_class is None:
        raise Http404
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        sent = send_and_redirect(
            request,
            form=form,
            send=lambda: submit_story(member=request.user, form=form),
            thanks=_("Dank je wel! Je verhaal ligt nu bij de redactie."),
        )
        if sent is not None:
            return sent
    return TemplateResponse(
        request,
        "stories/submission/form.html",
        {"form": form, "kind_label": StoryKind.LABELS[kind], "page_title": _("Deel je verhaal")},
        status=form_status(request),
    )


def send_and_redirect(request, *, form, send, thanks):
    """Send a member's valid form on (`send` returns the page) and say where they go next.

    Personal data found: the check page; otherwise thanks and Mijn bijdragen. A refusal (too
    many this hour, no section to put it in) goes on the form, and None shows it again.
    """
    try:
        page = send()
    except PermissionDenied as refusal:
        form.add_error(None, str(refusal))
        return None
    if page.privacy_findings and not page.workflow_in_progress:
        return redirect("check_story", page_id=page.pk)
    messages.success(request, thanks)
    return redirect("my_contributions")


def own_story(request, page_id):
    return get_object_or_404(StoryPage, pk=page_id, contributor=request.user).specific


@verified_email_required
def check_story(request, page_id):
    """Personal data was found: the member may send the story anyway or contact the redactie."""
    page = own_story(request, page_id)
    if page.workflow_in_progress:
        return redirect("my_contributions")
    sentences = describe_findings_from_json(page.privacy_findings)
    return TemplateResponse(
        request,
        "stories/submission/check.html",
        {"story": page, "findings": sentences, "page_title": _("Controleer je verhaal")},
    )


@verified_email_required
@require_POST
def confirm_story(request, page_id):
    """Send a checked story to the redactie after all."""
    page = own_story(request, page_id)
    send_to_redactie(page=page, member=request.user)
    messages.success(request, _("Dank je wel! Je verhaal ligt nu bij de redactie."))
    return redirect("my_contributions")


@verified_email_required
def my_contributions(request):
    """Mijn bijdragen: every story of the member with where it stands."""
    rows = [
        {"story": story, "status": status, "label": Status.LABELS[status], "comment": comment}
        for story, status, comment in member_contributions(member=request.user)
    ]
    return TemplateResponse(
        request,
        "stories/submission/my_contributions.html",
        {"rows": rows, "Status": Status, "page_title": _("Mijn bijdragen")},
    )


def describe_findings_from_json(findings):
    return describe_findings(
        [Finding(item["kind"], item["label"], item["text"], 0, 0) for item in findings]
    )


@verified_email_required
def revise_story(request, page_id):
    """Change a story: a draft, one the redactie asked to change, or a published one."""
    page = own_story(request, page_id)
    if not revisable(page):
        messages.info(request, _("De redactie bekijkt dit verhaal nu; wacht even met wijzigen."))
        return redirect("my_contributions")
    kind = kind_of(page)
    if kind is None:
        # A type members start outside the share forms (a dialogue) names its own form.
        url = page.revise_url()
        if url is None:
            raise Http404
        return redirect(url)
    form = FORMS[kind](
        request.POST or None, request.FILES or None, initial=initial_from(page), editing=page
    )
    if request.method == "POST" and form.is_valid():
        sent = send_and_redirect(
            request,
            form=form,
            send=lambda: revise(member=request.user, page=page, form=form),
            thanks=_("Je wijzigingen liggen nu bij de redactie."),
        )
        if sent is not None:
            return sent
    return TemplateResponse(
        request,
        "stories/submission/form.html",
        {
            "form": form,
            "story": page,
            "kind_label": StoryKind.LABELS[kind],
            "page_title": _("Verhaal aanpassen"),
        },
        status=form_status(request),
    )


@verified_email_required
def withdraw(request, page_id):
    """Take a story offline for good, after the member confirms."""
    page = own_story(request, page_id)
    if request.method == "POST":
        title = withdraw_story(page=page, member=request.user)
        messages.success(
            request,
            _(
                "“%(title)s” is offline gehaald en verwijderd. "
                "Je krijgt een bevestiging per e-mail."
            )
            % {"title": title},
        )
        return redirect("my_contributions")
    return TemplateResponse(
        request,
        "stories/submission/withdraw.html",
        {"story": page, "page_title": _("Verhaal intrekken")},
    )
