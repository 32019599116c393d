import json

from allauth.account.views import SignupView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import form_status
from core.once.tokens import submitted_once

from .forms import DeleteAccountForm, ProfileForm
from .personal_data import personal_data_counts
from .services import delete_member, export_member_data

# allauth's sign-up, sent once per rendered form (Back and send again makes no second account
# attempt and no second e-mail).
signup = submitted_once(SignupView.as_view())


@login_required
def my_account(request):
    """Mijn account: profile, and the ways out (export, delete)."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Je gegevens zijn opgeslagen."))
        return redirect("my_account")
    return TemplateResponse(
        request,
        "accounts/my_account.html",
        {
            "form": form,
            "page_title": _("Mijn account"),
            "story_count": personal_data_counts(request.user).get("stories", 0),
        },
        status=form_status(request),
    )


@login_required
@require_POST
def export_data(request):
    """All the member's data as a downloadable JSON file."""
    data = export_member_data(member=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="hartvoordejeugd-mijn-gegevens.json"'
    return response


@login_required
def delete_account(request):
    """Delete the account after the member chose what happens to their stories."""
    form = DeleteAccountForm(request.POST or None, member=request.user)
    if request.method == "POST" and form.is_valid():
        delete_member(member=request.user, keep_stories=form.keep_stories)
        logout(request)
        messages.success(request, _("Je account is verwijderd. Bedankt voor je bijdragen."))
        return redirect("/")
    return TemplateResponse(
        request,
        "accounts/delete_account.html",
        {"form": form, "page_title": _("Account verwijderen")},
        status=form_status(request),
    )


def admin_login(request):
    """The admin's login page sends people to the site's login, which limits failed attempts
    per account and per address and asks for the second factor."""
    target = request.GET.get("next") or "/admin/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/admin/"
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")
