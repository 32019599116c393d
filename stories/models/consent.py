from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import StoryPage


class StoryConsent(models.Model):
    """The consent a member recorded when sharing a story, kept with it for the redactie."""

    class AgeGroup(models.TextChoices):
        UNDER_12 = "onder_12", _("jonger dan 12 jaar")
        FROM_12_TO_16 = "12_tot_16", _("12 tot 16 jaar")
        FROM_16 = "vanaf_16", _("16 jaar of ouder")

    class GivenBy(models.TextChoices):
        PARENT = "ouder", _("de ouder of voogd")
        YOUNG_PERSON = "jongere", _("de jongere zelf")
        BOTH = "beiden", _("de ouder of voogd én de jongere")

    # Who must agree, by the child's age (AVG/UAVG: parents below 16; both from 12 in care).
    REQUIRED_BY_AGE = {
        AgeGroup.UNDER_12: GivenBy.PARENT,
        AgeGroup.FROM_12_TO_16: GivenBy.BOTH,
        AgeGroup.FROM_16: GivenBy.YOUNG_PERSON,
    }

    page = models.OneToOneField(StoryPage, on_delete=models.CASCADE, related_name="consent")
    recognisable_people_agreed = models.BooleanField(_("iedereen die herkenbaar is, stemde in"))
    no_identifying_details = models.BooleanField(
        _("geen namen of details die een kind herkenbaar maken")
    )
    house_rules_accepted = models.BooleanField(_("spelregels geaccepteerd"))
    concerns_child = models.BooleanField(_("gaat over een kind"), default=False)
    child_age_group = models.CharField(
        _("leeftijd van het kind"), max_length=12, choices=AgeGroup.choices, blank=True
    )
    given_by = models.CharField(
        _("toestemming van"), max_length=10, choices=GivenBy.choices, blank=True
    )
    media = models.CharField(
        _("voor welke media"),
        max_length=120,
        blank=True,
        help_text=_("Bijvoorbeeld: tekst en foto's."),
    )
    valid_until = models.DateField(_("geldig tot"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    def __str__(self):
        return str(_("Toestemming bij “%(title)s”") % {"title": self.page.title})

    def clean(self):
        if not self.concerns_child:
            return
        errors = {}
        if not self.child_age_group:
            errors["child_age_group"] = _("Vul in hoe oud het kind is.")
        elif self.given_by != self.REQUIRED_BY_AGE[self.child_age_group]:
            errors["given_by"] = _("Bij deze leeftijd is toestemming nodig van %(who)s.") % {
                "who": self.GivenBy(self.REQUIRED_BY_AGE[self.child_age_group]).label
            }
        if not self.media:
            errors["media"] = _("Vul in voor welke media de toestemming geldt.")
        if not self.valid_until:
            errors["valid_until"] = _("Vul in tot wanneer de toestemming geldt.")
        if errors:
            raise ValidationError(errors)
