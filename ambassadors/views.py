"""The question to a regio-ambassadeur: sent from the region's page, or from its own page when
the form needs another look."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.errors import form_status
from core.form_tokens import shown_again_on_csrf_failure
from core.once.tokens import submitted_once
from core.rate_limits import client_ip
from stories.models import Region

from .forms import QuestionForm
from .questions import QuestionRefused, askable_ambassadors, send_question


def region_and_ambassadors(slug):
    region = get_object_or_404(Region, slug=slug)
    ambassadors = askable_ambassadors(region)
    if not ambassadors.exists():
        raise Http404
    return region, ambassadors


def question_page(request, region, form):
    return TemplateResponse(
        request,
        "ambassadors/question.html",
        {
            "page_title": _("Stel je vraag aan de regio-ambassadeur"),
            "region": region,
            "question_form": form,
        },
        status=form_status(request),
    )


def ask_again(request, slug):
    """A question whose CSRF token was missing or wrong (sent without JavaScript from the
    shared region page, or left open too long): the form again, filled in, nothing sent."""
    region, ambassadors = region_and_ambassadors(slug)
    form = QuestionForm(request.POST, ambassadors=ambassadors)
    form.is_valid()
    form.add_error(
        None,
        _(
            "Je vraag is nog niet verstuurd: ter beveiliging moet je hem nog een keer "
            "versturen. Je tekst staat er nog; klik opnieuw op „Verstuur je vraag”."
        ),
    )
    return question_page(request, region, form)


@shown_again_on_csrf_failure(ask_again)
@require_http_methods(["GET", "POST"])
@submitted_once
def ask(request, slug):
    """Stel je vraag aan de regio-ambassadeur: the form, and sending it by e-mail."""
    region, ambassadors = region_and_ambassadors(slug)
    form = QuestionForm(request.POST or None, ambassadors=ambassadors)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            send_question(
                ambassador=data["ambassador"],
                region=region,
                name=data["name"],
                email=data["email"],
                question=data["question"],
                ip_address=client_ip(request),
            )
        except QuestionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _(
                    "Dank je wel! Je vraag is naar %(name)s gestuurd. Het antwoord krijg je op "
                    "%(email)s."
                )
                % {"name": data["ambassador"].name, "email": data["email"]},
            )
            return redirect(reverse("region", args=[region.slug]) + "#ambassadeurs")
    return question_page(request, region, form)
