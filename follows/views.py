"""The follow buttons' views, the visitor's confirmation link and the unsubscribe links.

Links from e-mails only ask on GET (mail scanners open links); the button on the page acts.
The two unsubscribe links also take RFC 8058's one-click POST, which mail programs send
without a CSRF token: the token in the URL is the secret there.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.errors import form_status
from core.form_tokens import shown_again_on_csrf_failure
from core.once.tokens import submitted_once
from core.rate_limits import client_ip
from dialogues.models import is_verified_member

from .exceptions import FollowRefused
from .forms import TargetForm, VisitorFollowForm
from .models import Period
from .services import (
    check_visitor_rate,
    confirm_visitor_follow,
    follow,
    follow_by_token,
    follower_by_token,
    member_follower,
    pending_visitor_follow,
    request_visitor_follow,
    unfollow,
    unsubscribe,
    unsubscribe_all,
)
from .targets import FOLLOW_LABELS, resolve, target_of, url_of


def target_from(data):
    """The target a form names, or a Dutch 404 page's reason."""
    form = TargetForm(data)
    if not form.is_valid():
        raise FollowRefused(_("Dit onderwerp bestaat niet (meer). Het kan niet gevolgd worden."))
    return resolve(form.cleaned_data["kind"], form.cleaned_data["value"])


def follow_page(request, target, form, status=None):
    """The follow form on a page of its own: without JavaScript, after errors, or from a link."""
    return TemplateResponse(
        request,
        "follows/follow.html",
        {
            "page_title": FOLLOW_LABELS[target.kind],
            "target": target,
            "target_url": url_of(target),
            "form": form,
        },
        status=status or form_status(request),
    )


def follow_again(request):
    """A visitor's follow form whose CSRF token was missing (sent without JavaScript from a
    shared page): the form again as it was sent, with fresh tokens; nothing sent."""
    try:
        target = target_from(request.POST)
    except FollowRefused as refusal:
        return notice(request, title=_("Volgen niet gelukt"), text=str(refusal), status=404)
    again = _(
        "Je volgt het nog niet: ter beveiliging moet je het formulier nog een keer versturen."
    )
    if request.user.is_authenticated:
        messages.error(request, again)
        return follow_page(request, target, None, status=400)
    form = VisitorFollowForm(request.POST, auto_id="volgen-%s")
    form.add_error(None, again + " " + _("Wat je invulde, staat er nog."))
    return follow_page(request, target, form, status=400)


@shown_again_on_csrf_failure(follow_again)
@require_http_methods(["GET", "POST"])
@submitted_once
def follow_view(request):
    """/volgen/: follow a theme, region, change task, dialogue or search. A member at once;
    a visitor gets an e-mail with a confirmation link."""
    try:
        target = target_from(request.POST if request.method == "POST" else request.GET)
    except FollowRefused as refusal:
        return notice(request, title=_("Volgen niet gelukt"), text=str(refusal), status=404)
    if request.user.is_authenticated:
        if request.method == "POST":
            if not is_verified_member(request.user):
                messages.error(request, _("Bevestig eerst je e-mailadres; daarna kun je volgen."))
                return redirect("account_email")
            follow(follower=member_follower(request.user), target=target)
            messages.success(
                request,
                _("Je volgt nu “%(name)s”. Je ziet het terug onder Mijn account, Wat je volgt.")
                % {"name": target.name},
            )
            return redirect(url_of(target))
        return follow_page(request, target, None)
    initial = {"kind": target.kind, "value": target.value}
    if request.method == "GET":
        form = VisitorFollowForm(initial=initial, auto_id="volgen-%s")
        return follow_page(request, target, form)
    form = VisitorFollowForm(request.POST, auto_id="volgen-%s")
    if form.is_valid():
        email = form.cleaned_data["email"]
        try:
            check_visitor_rate(email=email, ip_address=client_ip(request))
        except FollowRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            request_visitor_follow(email=email, period=form.cleaned_data["period"], target=target)
            messages.success(
                request,
                _(
                    "Bijna klaar: we hebben een e-mail gestuurd naar %(email)s. Klik op de link "
                    "in die e-mail om het volgen te bevestigen."
                )
                % {"email": email},
            )
            return redirect(url_of(target))
    return follow_page(request, target, form)


@login_required
@require_POST
def unfollow_view(request, follow_id):
    """A member's "Niet meer volgen" button, on the page of what they follow or on Mijn account."""
    stopped = unfollow(follower=member_follower(request.user), follow_id=follow_id)
    if stopped is None:
        raise Http404
    messages.success(
        request, _("Je volgt “%(name)s” niet meer.") % {"name": target_of(stopped).name}
    )
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("my_follows")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, key):
    """The link in the visitor's confirmation e-mail: GET asks, the button (POST) confirms."""
    try:
        if request.method == "POST":
            confirmed = confirm_visitor_follow(key=key)
            return notice(
                request,
                title=_("Je volgt het nu"),
                text=_(
                    "Dank je wel. Je volgt nu “%(name)s”. Is er iets nieuws, dan krijg je een "
                    "overzicht per e-mail. Onder elk overzicht staat een link om af te melden."
                )
                % {"name": target_of(confirmed).name},
                link=url_of(target_of(confirmed)),
            )
        pending = pending_visitor_follow(key)
    except FollowRefused as refusal:
        return notice(request, title=_("Volgen niet gelukt"), text=str(refusal), status=404)
    return TemplateResponse(
        request,
        "follows/confirm.html",
        {
            "page_title": _("Bevestig dat je dit wilt volgen"),
            "pending": pending,
            "period_label": Period(pending["period"]).label.lower(),
            "target_url": url_of(pending["target"]),
        },
    )


@never_cache
@csrf_exempt  # RFC 8058 one-click unsubscribe: mail programs POST without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    """The link under each follow in a digest: stop that follow only."""
    try:
        if request.method == "POST":
            stopped = unsubscribe(token=token)
            return notice(
                request,
                title=_("Je bent afgemeld"),
                text=_("Je volgt “%(name)s” niet meer.") % {"name": target_of(stopped).name},
                link=url_of(target_of(stopped)),
            )
        pending = follow_by_token(token)
    except FollowRefused as refusal:
        return notice(request, title=_("Afmelden niet gelukt"), text=str(refusal), status=404)
    target = target_of(pending)
    return TemplateResponse(
        request,
        "follows/unsubscribe.html",
        {"page_title": _("Niet meer volgen"), "target": target, "target_url": url_of(target)},
    )


@never_cache
@csrf_exempt  # RFC 8058 one-click unsubscribe, as above
@require_http_methods(["GET", "POST"])
def unsubscribe_all_view(request, token):
    """The link under every digest: stop every follow, no more digests."""
    try:
        if request.method == "POST":
            unsubscribe_all(token=token)
            return notice(
                request,
                title=_("Je bent afgemeld"),
                text=_("Je volgt niets meer en krijgt geen overzichten meer van ons."),
            )
        follower_by_token(token)
    except FollowRefused as refusal:
        return notice(request, title=_("Afmelden niet gelukt"), text=str(refusal), status=404)
    return TemplateResponse(
        request, "follows/unsubscribe_all.html", {"page_title": _("Nergens meer over e-mailen")}
    )


def notice(request, *, title, text, status=200, link=""):
    """A short page that tells how a link or button worked out."""
    return TemplateResponse(
        request,
        "follows/notice.html",
        {"page_title": title, "notice": text, "link": link},
        status=status,
    )
