from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotForm
from core.once.tokens import OnceForm
from core.sanitise import clean_one_line

from .models import User


class ProfileFields(forms.Form):
    """What a member tells about themselves: display name, role and region."""

    display_name = forms.CharField(
        label=_("Weergavenaam"),
        max_length=80,
        help_text=_("Deze naam zien anderen bij je verhalen en reacties. Je voornaam is genoeg."),
        error_messages={"required": _("Vul een weergavenaam in.")},
    )
    role = forms.ChoiceField(label=_("Ik ben"), choices=User.Role.choices)
    region = forms.ModelChoiceField(
        label=_("Jeugdregio (niet verplicht)"),
        # The taxonomy's Region, through the field (accounts imports no app).
        queryset=User._meta.get_field("region").related_model.objects.all(),
        required=False,
        empty_label=_("Geen keuze"),
    )

    def clean_display_name(self):
        name = clean_one_line(self.cleaned_data["display_name"])
        if not name:
            raise forms.ValidationError(_("Vul een weergavenaam in."))
        return name


class SignupForm(OnceForm, HoneypotForm, ProfileFields):
    """The extra fields of the sign-up form; allauth adds e-mail and password."""

    accept_rules = forms.BooleanField(
        label=_("Ik houd me aan de spelregels en heb de privacyverklaring gelezen."),
        # Django's form templates render help text unescaped; this is our own fixed text.
        help_text=_(
            'Lees de <a href="/spelregels/">spelregels</a> en de '
            '<a href="/privacy/">privacyverklaring</a>.'
        ),
        error_messages={"required": _("Je kunt pas meedoen als je de spelregels accepteert.")},
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.role = self.cleaned_data["role"]
        user.region = self.cleaned_data["region"]
        user.save(update_fields=["display_name", "role", "region"])


class ProfileForm(forms.ModelForm):
    """Edit display name, role and region under "Mijn account"."""

    display_name = ProfileFields.base_fields["display_name"]
    clean_display_name = ProfileFields.clean_display_name

    class Meta:
        model = User
        fields = ["display_name", "role", "region"]
        labels = {"role": _("Ik ben"), "region": _("Jeugdregio (niet verplicht)")}


class DeleteAccountForm(forms.Form):
    """Confirm deleting an account, choosing what happens to published stories."""

    KEEP = "bewaren"
    REMOVE = "verwijderen"

    stories = forms.ChoiceField(
        label=_("Wat gebeurt er met je gepubliceerde verhalen?"),
        choices=[
            (REMOVE, _("Verwijder ze, met alle bestanden en reacties.")),
            (KEEP, _("Laat ze staan onder de naam “Oud-lid”, zonder mijn naam.")),
        ],
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label=_("Je wachtwoord, ter bevestiging"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.member.check_password(password):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return password

    @property
    def keep_stories(self):
        return self.cleaned_data["stories"] == self.KEEP
