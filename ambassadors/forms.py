"""The form "Stel je vraag aan de regio-ambassadeur" on a region's page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotForm
from core.once.tokens import OnceForm
from core.sanitise import clean_one_line, clean_plain_text
from sharing.privacy import describe_findings, find_personal_data

QUESTION_MAX_LENGTH = 2000


class AmbassadorChoiceField(forms.ModelChoiceField):
    """The ambassadors by name and role; never by e-mail address."""

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.role})" if obj.role else obj.name


class QuestionForm(OnceForm, HoneypotForm):
    """A visitor's question to one of the region's ambassadors, sent by e-mail.

    The privacy guard looks at the question: when it finds something by which someone can be
    recognised, the form comes back with what it found and asks the visitor to take it out or
    to tick that it may go as it is.
    """

    required_css_class = "required"

    ambassador = AmbassadorChoiceField(
        label=_("Aan wie stel je je vraag?"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de ambassadeur aan wie je je vraag stelt."),
            "invalid_choice": _("Deze ambassadeur neemt geen vragen (meer) aan. Kies een ander."),
        },
    )
    name = forms.CharField(
        label=_("Je naam"),
        max_length=80,
        help_text=_("Een voornaam is genoeg."),
        error_messages={
            "required": _("Vul je naam in, zodat de ambassadeur weet wie het vraagt.")
        },
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("Hier krijg je het antwoord. Alleen de ambassadeur ziet dit adres."),
        error_messages={
            "required": _("Vul je e-mailadres in: daar krijg je het antwoord."),
            "invalid": _("Dit e-mailadres klopt niet. Kijk het nog even na."),
        },
    )
    question = forms.CharField(
        label=_("Je vraag"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Deel geen namen of gegevens van kinderen. Maximaal %(limit)s tekens.")
        % {"limit": QUESTION_MAX_LENGTH},
        error_messages={
            "required": _("Schrijf eerst je vraag."),
            "max_length": _(
                "Je vraag is te lang: maximaal %(limit_value)d tekens, nu %(show_value)d. "
                "Maak hem wat korter; je tekst staat hieronder nog."
            ),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "Ik vind het goed dat mijn naam, e-mailadres en vraag naar de ambassadeur gaan. "
            "Hart voor de Jeugd bewaart ze niet."
        ),
        label_suffix="",
        error_messages={
            "required": _("Vink aan dat je naam, e-mailadres en vraag naar de ambassadeur mogen.")
        },
    )
    personal_data_ok = forms.BooleanField(
        label=_("Ik heb het nagekeken: mijn vraag mag zo naar de ambassadeur"),
        label_suffix="",
        required=False,
    )

    def __init__(self, *args, ambassadors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ambassador"].queryset = ambassadors
        if len(ambassadors) == 1:
            self.fields["ambassador"].widget = forms.HiddenInput()
            self.fields["ambassador"].initial = ambassadors[0].pk
        self.findings = []

    def clean_name(self):
        return clean_one_line(self.cleaned_data["name"])

    def clean_question(self):
        return clean_plain_text(self.cleaned_data["question"]).strip()

    def clean(self):
        cleaned_data = super().clean()
        if "ambassador" in self.errors and self.fields["ambassador"].widget.is_hidden:
            # A hidden field: its error would show nowhere, so say it above the form.
            self.add_error(None, list(self.errors.pop("ambassador")))
        question = cleaned_data.get("question")
        if question and not cleaned_data.get("personal_data_ok"):
            self.findings = describe_findings(find_personal_data(question))
            if self.findings:
                self.add_error(
                    "question",
                    _(
                        "In je vraag staan misschien gegevens waaraan iemand te herkennen is. "
                        "Haal ze weg, of vink hieronder aan dat je vraag zo mag."
                    ),
                )
        return cleaned_data

    @property
    def asks_about_personal_data(self):
        """Whether the checkbox "mijn vraag mag zo" is shown: after the guard found something."""
        return bool(self.findings) or bool(self.data.get("personal_data_ok"))
