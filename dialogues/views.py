from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.errors import form_status
from core.form_tokens import shown_again_on_csrf_failure
from core.once.tokens import submitted_once
from core.rate_limits import client_ip, hashed_ip, within_allowance

from .choices import ReportReason
from .exceptions import ReplyRefused
from .forms import ReplyForm, ReportForm
from .models import DialogueThreadPage, Reply, is_verified_member
from .moderation import report_reply
from .notifications import unsubscribe, unsubscribe_target
from .replies import (
    check_reply_rate,
    confirm_reply,
    pending_reply,
    post_reply,
    request_confirmation,
    toggle_like,
)

HELPLINES_TEMPLATE = "dialogues/report_child_safety.html"


def visible_thread(page_id):
    return get_object_or_404(DialogueThreadPage.objects.live().public(), pk=page_id)


def visible_reply(reply_id):
    reply = get_object_or_404(Reply, pk=reply_id)
    if not DialogueThreadPage.objects.live().public().filter(pk=reply.object_pk).exists():
        raise Http404
    return reply


def render_thread(request, thread, form):
    """The thread page again, with the reply form as it was sent (its errors, the text kept)."""
    return TemplateResponse(
        request,
        thread.get_template(request),
        thread.get_context(request, reply_form=form),
        status=form_status(request),
    )


def reply_again(request, page_id):
    """A reply whose CSRF token was missing or wrong (sent without JavaScript from the shared
    page, or left open too long): the form again, filled in, with fresh tokens; nothing saved."""
    thread = visible_thread(page_id)
    member = request.user if is_verified_member(request.user) else None
    form = ReplyForm(request.POST, member=member)
    form.add_error(
        None,
        _(
            "Je reactie is nog niet geplaatst: ter beveiliging moet je hem nog een keer "
            "versturen. Je tekst staat er nog; klik opnieuw op „Plaats je reactie”."
        ),
    )
    return render_thread(request, thread, form)


@shown_again_on_csrf_failure(reply_again)
@require_POST
@submitted_once
def reply(request, page_id):
    """A reply to a dialogue or to a reply in it; a visitor first confirms it by e-mail."""
    thread = visible_thread(page_id)
    member = request.user if is_verified_member(request.user) else None
    if request.user.is_authenticated and member is None:
        messages.error(request, _("Bevestig eerst je e-mailadres; daarna kun je reageren."))
        return redirect("account_email")
    form = ReplyForm(request.POST, member=member)
    if form.is_valid():
        data = form.cleaned_data
        parent = None
        if data["parent"]:
            parent = Reply.objects.of_thread(thread).filter(pk=data["parent"]).first()
        try:
            if data["parent"] and parent is None:
                raise ReplyRefused(_("De reactie waarop je wilt reageren, bestaat niet meer."))
            person = f"member:{member.pk}" if member else data["email"].lower()
            check_reply_rate(person=person, ip_address=client_ip(request))
            common = {
                "thread": thread,
                "text": data["comment"],
                "parent": parent,
                "followup": data["followup"],
                "ip_address": client_ip(request),
            }
            if member is not None:
                posted = post_reply(member=member, **common)
            else:
                request_confirmation(name=data["name"], email=data["email"], **common)
        except ReplyRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            if member is None:
                messages.success(
                    request,
                    _(
                        "Bijna klaar: we hebben je een e-mail gestuurd. Klik op de link in die "
                        "e-mail om je reactie te plaatsen."
                    ),
                )
                return redirect(thread.url + "#reageren")
            return after_posting(request, posted)
    return render_thread(request, thread, form)


def after_posting(request, reply):
    if reply.is_visible:
        messages.success(request, _("Dank je wel! Je reactie staat online."))
        return redirect(reply.get_absolute_url())
    messages.info(
        request,
        _(
            "Dank je wel! Je reactie is ontvangen. De redactie bekijkt hem eerst (%(why)s); "
            "daarna verschijnt hij in de dialoog."
        )
        % {"why": reply.get_held_because_display()},
    )
    # Members see their own held reply on the page; a visitor has nothing there to jump to.
    if reply.user_id:
        return redirect(reply.get_absolute_url())
    return redirect(reply.get_content_object_url() + "#reacties")


@require_http_methods(["GET", "POST"])
def confirm(request, key):
    """The link in the confirmation e-mail of a visitor's reply. GET only asks, because mail
    scanners open links; the button (POST) places the reply."""
    try:
        if request.method == "POST":
            return after_posting(request, confirm_reply(key=key))
        pending, thread, existing = pending_reply(key)
    except ReplyRefused as refusal:
        return notice(request, title=_("Reactie niet geplaatst"), text=str(refusal), status=400)
    if existing is not None:  # placed before: say where it is, as after the button
        return after_posting(request, existing)
    return TemplateResponse(
        request,
        "dialogues/confirm_reply.html",
        {"page_title": _("Bevestig je reactie"), "pending": pending, "thread": thread},
    )


@login_required
@require_POST
def like(request, reply_id):
    """A member likes a reply (or takes the like back)."""
    reply = visible_reply(reply_id)
    if not is_verified_member(request.user):
        messages.error(
            request, _("Bevestig eerst je e-mailadres; daarna kun je reacties waarderen.")
        )
    else:
        try:
            toggle_like(reply=reply, member=request.user)
        except ReplyRefused as refusal:
            messages.error(request, str(refusal))
    return redirect(reply.get_absolute_url())


def report(request, reply_id):
    """Melden: anyone can report a reply to the redactie, with a reason."""
    reply = visible_reply(reply_id)
    thread = DialogueThreadPage.objects.get(pk=reply.object_pk)
    member = request.user if request.user.is_authenticated else None
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if not within_allowance(
                f"report:ip:{hashed_ip(client_ip(request))}", settings.HVDJ_REPORTS_PER_HOUR_PER_IP
            ):
                raise ReplyRefused(
                    _(
                        "Je hebt het afgelopen uur al veel meldingen gedaan. "
                        "Probeer het later opnieuw."
                    )
                )
            report_reply(
                reply=reply,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
                member=member,
                ip_address=client_ip(request),
            )
        except ReplyRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            if form.cleaned_data["reason"] == ReportReason.CHILD_SAFETY:
                return TemplateResponse(
                    request,
                    HELPLINES_TEMPLATE,
                    {"page_title": _("Dank je wel voor je melding"), "thread": thread},
                )
            messages.success(request, _("Dank je wel voor je melding. De redactie kijkt ernaar."))
            return redirect(thread.url + "#reacties")
    return TemplateResponse(
        request,
        "dialogues/report.html",
        {"page_title": _("Reactie melden"), "form": form, "reply": reply, "thread": thread},
        status=form_status(request),
    )


@csrf_exempt  # RFC 8058 one-click unsubscribe: mail programs POST without a CSRF token
@require_http_methods(["GET", "POST"])
def stop_following(request, token):
    """The unsubscribe link in every e-mail about new replies. GET asks, because mail scanners
    open links; the button, or the mail program's one-click POST, unsubscribes."""
    try:
        if request.method == "POST":
            thread = unsubscribe(token=token)
        else:
            thread = unsubscribe_target(token)[0]
    except ReplyRefused as refusal:
        return notice(request, title=_("Afmelden niet gelukt"), text=str(refusal), status=400)
    if request.method == "GET":
        return TemplateResponse(
            request,
            "dialogues/unsubscribe.html",
            {"page_title": _("Afmelden voor e-mails"), "thread": thread},
        )
    return notice(
        request,
        title=_("Je bent afgemeld"),
        text=_("Je krijgt geen e-mails meer over nieuwe reacties in deze dialoog."),
        thread=thread,
    )


def notice(request, *, title, text, status=200, thread=None):
    """A short page that tells how a link from an e-mail worked out."""
    return TemplateResponse(
        request,
        "dialogues/reply_notice.html",
        {"page_title": title, "notice": text, "thread": thread},
        status=status,
    )
