"""The follow forms: the button (members), the e-mail form (visitors) and the period choice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotForm
from core.once.tokens import OnceForm

from .models import Follow, Period


class TargetForm(forms.Form):
    """What to follow, in two hidden fields: the kind and the slug, id or query string."""

    kind = forms.ChoiceField(choices=Follow.Kind.choices, widget=forms.HiddenInput)
    value = forms.CharField(max_length=600, required=False, widget=forms.HiddenInput)


class VisitorFollowForm(OnceForm, HoneypotForm, TargetForm):
    """A visitor without an account follows by e-mail, after confirming the address."""

    required_css_class = "required"

    email = forms.EmailField(
        label=_("E-mailadres voor het overzicht"),
        help_text=_(
            "We sturen je een link om te bevestigen. Pas daarna krijg je e-mails; "
            "afmelden kan met één klik."
        ),
        error_messages={
            "required": _("Vul je e-mailadres in: daar sturen we de bevestigingslink heen."),
            "invalid": _("Dit e-mailadres klopt niet. Kijk het nog even na."),
        },
    )
    period = forms.ChoiceField(
        label=_("Hoe vaak wil je een overzicht?"),
        choices=Period.choices,
        initial=Period.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies dagelijks of wekelijks.")},
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class PeriodForm(forms.Form):
    """Daily or weekly, on the page that lists what someone follows."""

    period = forms.ChoiceField(
        label=_("Hoe vaak wil je een overzicht?"),
        choices=Period.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies dagelijks of wekelijks.")},
    )
