"""Form pieces every app's public forms share."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotForm(forms.Form):
    """A field hidden from people (and screen readers) by CSS, which spam bots fill in."""

    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(
            attrs={"class": "form-trap", "tabindex": "-1", "autocomplete": "off"}
        ),
    )

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Dit veld moet leeg blijven."))
        return ""
