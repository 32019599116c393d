"""The "Wij passen dit ook toe" form on a practice example's page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotForm
from core.once.tokens import OnceForm
from core.sanitise import clean_one_line, clean_plain_text
from sharing.privacy import describe_findings, find_personal_data
from stories.models import Region

from .models import NOTE_MAX_LENGTH


class AdoptionForm(OnceForm, HoneypotForm):
    """Where and by whom a practice example is applied too, with an optional short note."""

    required_css_class = "required"

    region = forms.ModelChoiceField(
        label=_("Jeugdregio"),
        queryset=Region.objects.order_by("name"),
        empty_label=_("Kies je jeugdregio"),
        error_messages={
            "required": _("Kies de jeugdregio waar jullie dit toepassen."),
            "invalid_choice": _("Deze jeugdregio kennen we niet. Kies er een uit de lijst."),
        },
    )
    organisation = forms.CharField(
        label=_("Organisatie"),
        max_length=150,
        help_text=_("Bijvoorbeeld je wijkteam, school, gemeente of zorgaanbieder."),
        error_messages={
            "required": _("Vul de naam van je organisatie in."),
            "max_length": _(
                "De naam van je organisatie is te lang: maximaal %(limit_value)d tekens, "
                "nu %(show_value)d."
            ),
        },
    )
    note = forms.CharField(
        label=_("Korte toelichting (niet verplicht)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Hoe passen jullie het toe, of wat pasten jullie aan? Maximaal %(limit)s tekens. "
            "Noem geen namen of gegevens van kinderen of gezinnen."
        )
        % {"limit": NOTE_MAX_LENGTH},
        error_messages={
            "max_length": _(
                "Je toelichting is te lang: maximaal %(limit_value)d tekens, nu %(show_value)d. "
                "Maak hem wat korter; je tekst staat hieronder nog."
            ),
        },
    )

    def clean_organisation(self):
        organisation = clean_one_line(self.cleaned_data["organisation"])
        if not organisation:
            raise forms.ValidationError(_("Vul de naam van je organisatie in."))
        return organisation

    def clean_note(self):
        note = clean_plain_text(self.cleaned_data["note"])
        findings = find_personal_data(note)
        if findings:
            raise forms.ValidationError(
                [
                    _(
                        "Je toelichting lijkt persoonsgegevens te bevatten. Haal ze weg; "
                        "je toelichting is voor iedereen te lezen."
                    ),
                    *describe_findings(findings),
                ]
            )
        return note
