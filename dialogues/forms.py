from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotForm
from core.once.tokens import OnceForm
from core.sanitise import clean_one_line

from .choices import ReportReason


class ReplyForm(OnceForm, HoneypotForm):
    """A reply to a dialogue or to another reply; visitors also give a name and address."""

    required_css_class = "required"

    comment = forms.CharField(
        label=_("Je reactie"),
        max_length=settings.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Gewone tekst: een witregel begint een nieuwe alinea, links worden klikbaar. "
            "Maximaal %(limit)s tekens."
        )
        % {"limit": settings.COMMENT_MAX_LENGTH},
        error_messages={
            "required": _("Schrijf eerst je reactie."),
            "max_length": _(
                "Je reactie is te lang: maximaal %(limit_value)d tekens, nu %(show_value)d. "
                "Maak hem wat korter; je tekst staat hieronder nog."
            ),
        },
    )
    name = forms.CharField(
        label=_("Je naam"),
        max_length=50,
        help_text=_("Deze naam staat bij je reactie. Een voornaam is genoeg."),
        error_messages={"required": _("Vul de naam in die bij je reactie mag staan.")},
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_(
            "We sturen je een link om je reactie te bevestigen. Niemand anders ziet je adres."
        ),
        error_messages={
            "required": _("Vul je e-mailadres in: daar sturen we de bevestigingslink heen."),
            "invalid": _("Dit e-mailadres klopt niet. Kijk het nog even na."),
        },
    )
    followup = forms.BooleanField(
        label=_("Stuur me een e-mail als er nieuwe reacties in deze dialoog komen"),
        label_suffix="",
        required=False,
    )
    parent = forms.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput
    )

    def __init__(self, *args, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        if member is not None:
            del self.fields["name"]
            del self.fields["email"]

    def clean(self):
        cleaned_data = super().clean()
        if "parent" in self.errors:
            # A hidden field: its error would show nowhere, so say it above the form.
            del self.errors["parent"]
            self.add_error(None, _("De reactie waarop je wilt reageren, bestaat niet (meer)."))
        return cleaned_data

    def clean_comment(self):
        return self.cleaned_data["comment"].strip()

    def clean_name(self):
        return clean_one_line(self.cleaned_data["name"])


class ReportForm(HoneypotForm):
    """Reporting a reply to the redactie ("Melden")."""

    required_css_class = "required"

    reason = forms.ChoiceField(
        label=_("Waarom meld je deze reactie?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een reden.")},
    )
    note = forms.CharField(
        label=_("Toelichting (mag leeg blijven)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _("Je toelichting is te lang: maximaal %(limit_value)d tekens.")
        },
    )


class RemoveReplyForm(forms.Form):
    """An editor removes a reply; the reason goes to its author."""

    reason = forms.CharField(
        label=_("Reden (de schrijver krijgt deze tekst per e-mail)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Geef een reden: de schrijver krijgt die te lezen.")},
    )
