"""The public side of adoption marks: a member says "Wij passen dit ook toe" on a practice
example, or takes it back. Both are POSTs from the story page; a visitor is sent to log in."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import form_status
from core.form_tokens import shown_again_on_csrf_failure
from core.once.tokens import submitted_once
from dialogues.models import is_verified_member

from .forms import AdoptionForm
from .services import AdoptionRefused, adopt, adoptable_pages, withdraw

ANCHOR = "#toepassingen"


def adoptable_page(page_id):
    return get_object_or_404(adoptable_pages(), pk=page_id).specific


def render_page(request, page, form):
    """The story page again, with the form as it was sent (its errors, the input kept)."""
    return TemplateResponse(
        request,
        page.get_template(request),
        {**page.get_context(request), "adoption_form": form},
        status=form_status(request),
    )


def refused_person(request, page):
    """Where a visitor or a member without a confirmed address goes instead, or None."""
    if not request.user.is_authenticated:
        return redirect_to_login(page.url + ANCHOR)
    if not is_verified_member(request.user):
        messages.error(request, _("Bevestig eerst je e-mailadres; daarna kun je dit melden."))
        return redirect("account_email")
    return None


def adopt_again(request, page_id):
    """A mark whose CSRF token was missing or too old: the form again, filled in; nothing saved."""
    page = adoptable_page(page_id)
    form = AdoptionForm(request.POST)
    form.add_error(
        None,
        _(
            "Je melding is nog niet verstuurd: ter beveiliging moet je hem nog een keer "
            "versturen. Wat je invulde staat er nog."
        ),
    )
    return render_page(request, page, form)


@shown_again_on_csrf_failure(adopt_again)
@require_POST
@submitted_once
def adopt_view(request, page_id):
    """ "Wij passen dit ook toe": the member's region, organisation and note."""
    page = adoptable_page(page_id)
    refused = refused_person(request, page)
    if refused is not None:
        return refused
    form = AdoptionForm(request.POST)
    if form.is_valid():
        try:
            adoption = adopt(
                member=request.user,
                page=page,
                region=form.cleaned_data["region"],
                organisation=form.cleaned_data["organisation"],
                note=form.cleaned_data["note"],
            )
        except AdoptionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            if adoption.is_approved:
                messages.success(request, _("Dank je! Je melding staat nu bij dit voorbeeld."))
            else:
                messages.success(
                    request,
                    _(
                        "Dank je! De redactie bekijkt je melding; daarna staat hij bij dit "
                        "voorbeeld."
                    ),
                )
            return redirect(page.url + ANCHOR)
    return render_page(request, page, form)


@require_POST
def withdraw_view(request, page_id):
    """The member takes their mark back."""
    page = adoptable_page(page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url + ANCHOR)
    if withdraw(member=request.user, page=page):
        messages.success(request, _("Je melding is ingetrokken."))
    else:
        messages.info(request, _("Je had hier niets gemeld; er is niets ingetrokken."))
    return redirect(page.url + ANCHOR)
