"""Members start a dialogue from the front end; it goes to the redactie like a story."""

import re
from functools import partial

from allauth.account.decorators import verified_email_required
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import form_status
from core.forms import HoneypotForm
from core.once.tokens import OnceForm, submitted_once
from core.sanitise import clean_one_line, text_from_html
from sharing.submission import (
    check_submission_rate,
    privacy_findings,
    resubmit,
    revisable,
    rich_text_from_member,
    send_to_redactie,
)
from sharing.views import send_and_redirect
from stories.models import Region, StoryPage, Theme
from stories.slugs import unique_slug

from .models import DialogueIndexPage, DialogueThreadPage

QUESTION_MAX_LENGTH = 255
EXPLANATION_MAX_LENGTH = 5_000
INTRO_WORDS = 30
PARAGRAPH_END = re.compile(r"</p>\s*", re.IGNORECASE)
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
OTHER_MARKUP = re.compile(r"<(?!/?p>|br\s*/?>)", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")


class StartDialogueForm(OnceForm, HoneypotForm):
    """The question a member puts to everyone, with an optional explanation and its topics."""

    required_css_class = "required"

    question = forms.CharField(
        label=gettext_lazy("Je vraag of stelling"),
        max_length=QUESTION_MAX_LENGTH,
        help_text=gettext_lazy(
            "Kort en open, bijvoorbeeld: Wat heb jij nodig van het wijkteam? "
            "Dit wordt de titel van de dialoog."
        ),
        error_messages={
            "required": gettext_lazy("Vul je vraag of stelling in."),
            "max_length": gettext_lazy(
                "Maak je vraag korter: hoogstens %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )
    explanation = forms.CharField(
        label=gettext_lazy("Toelichting (niet verplicht)"),
        required=False,
        max_length=EXPLANATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Waarom stel je deze vraag, en wat wil je van anderen weten? "
            "Een witregel begint een nieuwe alinea."
        ),
        error_messages={
            "max_length": gettext_lazy(
                "Maak je toelichting korter: hoogstens %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )
    themes = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Thema's"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Kies een thema uit de lijst.")},
    )
    region = forms.ModelChoiceField(
        label=gettext_lazy("Jeugdregio"),
        queryset=Region.objects.all(),
        required=False,
        empty_label=gettext_lazy("Geen bepaalde regio"),
        help_text=gettext_lazy("Gaat je vraag over een bepaalde regio? Kies die dan hier."),
        error_messages={"invalid_choice": gettext_lazy("Kies een jeugdregio uit de lijst.")},
    )

    FIELDSETS = (
        (gettext_lazy("Je dialoog"), ("question", "explanation")),
        (gettext_lazy("Ordening"), ("themes", "region")),
    )

    def clean_question(self):
        question = one_line(self.cleaned_data["question"])
        if not question:
            raise forms.ValidationError(_("Vul je vraag of stelling in."))
        return question

    def clean_explanation(self):
        return self.cleaned_data["explanation"].strip()

    def fieldsets(self):
        """The fields in groups, each shown as a fieldset with a legend."""
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def texts(self):
        """The member's own words, for the privacy check."""
        return [self.cleaned_data["question"], text_from_html(self.cleaned_data["explanation"])]


def one_line(text):
    """A member's text as typed, on one line: fit for a page title."""
    return clean_one_line(text)


def dialogue_index():
    return DialogueIndexPage.objects.live().first()


@transaction.atomic
def start_dialogue_thread(*, member, form):
    """Create the member's dialogue as a draft page under the dialogue index for the redactie.

    As with a story, a dialogue in which the privacy guard found personal data waits as a
    draft until the member changes it or confirms it (`send_to_redactie`).
    """
    check_submission_rate(member=member)
    parent = dialogue_index()
    if parent is None:
        raise PermissionDenied(_("Een dialoog starten kan op dit moment niet."))
    page = DialogueThreadPage(
        slug=unique_slug(parent, form.cleaned_data["question"]),
        live=False,
        owner=member,
        contributor=member,
    )
    apply_form(page, form)
    parent.add_child(instance=page)
    page.save_revision(user=member)
    if not page.privacy_findings:
        send_to_redactie(page=page, member=member)
    return page


@transaction.atomic
def revise_dialogue_thread(*, member, page, form):
    """Save the member's changes to their dialogue as a new revision and send it back.

    A published dialogue stays live as it was until the redactie approves the change.
    """
    check_submission_rate(member=member)
    draft = page.get_latest_revision_as_object()
    apply_form(draft, form)
    draft.save_revision(user=member)
    # The findings on the page row are what the redactie's e-mail and the check page read.
    StoryPage.objects.filter(pk=page.pk).update(privacy_findings=draft.privacy_findings)
    page = DialogueThreadPage.objects.get(pk=page.pk)
    if not page.privacy_findings:
        resubmit(page=page, member=member)
    return page


def apply_form(page, form):
    """Copy a valid StartDialogueForm onto a dialogue page (or a draft of one)."""
    data = form.cleaned_data
    page.title = page.draft_title = data["question"]
    page.explanation = rich_text_from_member(data["explanation"])
    page.intro = intro_from(page.explanation)
    page.themes = list(data["themes"])
    page.regions = [data["region"]] if data["region"] else []
    page.privacy_findings = privacy_findings(form.texts())


def intro_from(explanation):
    """The summary for cards and search results: the start of the explanation."""
    text = " ".join(text_from_html(TAG.sub(" ", explanation)).split())
    return Truncator(text).words(INTRO_WORDS) or _("Praat mee en deel wat jij weet.")


def text_for_editing(explanation):
    """Stored rich text back as the member typed it: paragraphs apart by a blank line.

    Other markup (bold, a list, a link) stays as HTML, which the form accepts again.
    """
    if OTHER_MARKUP.search(explanation):
        return explanation
    text = PARAGRAPH_END.sub("\n\n", LINE_BREAK.sub("\n", explanation))
    return text_from_html(text)


def initial_from(page):
    """The form's initial values from the latest version of a member's dialogue."""
    draft = page.get_latest_revision_as_object()
    return {
        "question": draft.title,
        "explanation": text_for_editing(draft.explanation),
        "themes": list(draft.themes.all()),
        "region": draft.regions.first(),
    }


@verified_email_required
@submitted_once
def start_dialogue(request):
    """Start een dialoog; `?vraag=` fills in the question (the search page links here)."""
    if dialogue_index() is None:
        return TemplateResponse(
            request,
            "dialogues/start_dialogue.html",
            {"unavailable": True, "page_title": _("Start een dialoog")},
        )
    question = one_line(request.GET.get("vraag", ""))[:QUESTION_MAX_LENGTH]
    return dialogue_form(request, initial={"question": question})


@verified_email_required
def revise_dialogue(request, page_id):
    """Change a dialogue the member started: a draft, one sent back, or a published one."""
    page = get_object_or_404(DialogueThreadPage, pk=page_id, contributor=request.user)
    if not revisable(page):
        messages.info(request, _("De redactie bekijkt deze dialoog nu; wacht even met wijzigen."))
        return redirect("my_contributions")
    return dialogue_form(request, initial=initial_from(page), page=page)


def dialogue_form(request, *, initial, page=None):
    """The form for a new dialogue (page None) or for changing one, and what a valid one does."""
    form = StartDialogueForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_valid():
        if page is None:
            send = partial(start_dialogue_thread, member=request.user, form=form)
        else:
            send = partial(revise_dialogue_thread, member=request.user, page=page, form=form)
        sent = send_and_redirect(
            request,
            form=form,
            send=send,
            thanks=_(
                "Dank je wel! Je dialoog ligt nu bij de redactie. "
                "Zodra die hem goedkeurt, kan iedereen meepraten."
            ),
        )
        if sent is not None:
            return sent
    return TemplateResponse(
        request,
        "dialogues/start_dialogue.html",
        {
            "form": form,
            "dialogue": page,
            "page_title": _("Dialoog aanpassen") if page else _("Start een dialoog"),
        },
        status=form_status(request),
    )
