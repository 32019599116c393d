"""The webinar registration form on a webinar's page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotForm
from core.once.tokens import OnceForm
from core.sanitise import clean_one_line


class WebinarRegistrationForm(OnceForm, HoneypotForm):
    """Registering for a webinar: a name and an address, the rest only if people want to."""

    required_css_class = "required"

    name = forms.CharField(
        label=_("Je naam"),
        max_length=100,
        error_messages={
            "required": _("Vul je naam in, zodat we je in de e-mail kunnen aanspreken."),
            "max_length": _("Je naam is te lang: hoogstens %(limit_value)d tekens."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("Hierheen sturen we de bevestiging en de link om mee te doen."),
        error_messages={
            "required": _("Vul je e-mailadres in: daar sturen we de link naartoe."),
            "invalid": _("Dit e-mailadres klopt niet. Kijk het nog even na."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisatie (niet verplicht)"),
        max_length=150,
        required=False,
        error_messages={
            "max_length": _(
                "De naam van je organisatie is te lang: hoogstens %(limit_value)d tekens."
            )
        },
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label=_("Functie of rol (niet verplicht)"),
        max_length=100,
        required=False,
        help_text=_("Bijvoorbeeld: ouder, jeugdprofessional, beleidsmedewerker."),
        error_messages={
            "max_length": _("Je functie of rol is te lang: hoogstens %(limit_value)d tekens.")
        },
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )

    def clean_name(self):
        name = clean_one_line(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(self.fields["name"].error_messages["required"])
        return name

    def clean_organisation(self):
        return clean_one_line(self.cleaned_data["organisation"])

    def clean_role(self):
        return clean_one_line(self.cleaned_data["role"])
