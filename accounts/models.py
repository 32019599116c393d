from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A member of the platform: a contributor, an editor of the redactie or an administrator."""

    class Role(models.TextChoices):
        PARENT = "ouder", _("Ouder of opvoeder")
        YOUNG_PERSON = "jongere", _("Jongere")
        PROFESSIONAL = "professional", _("Professional")
        MUNICIPALITY = "gemeente", _("Gemeente")
        OTHER = "anders", _("Anders")

    email = models.EmailField(_("e-mailadres"), unique=True)
    display_name = models.CharField(
        _("weergavenaam"),
        max_length=80,
        blank=True,
        help_text=_("De naam die anderen bij je bijdragen zien."),
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.OTHER)
    region = models.ForeignKey(
        "stories.Region",
        verbose_name=_("jeugdregio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    @property
    def public_name(self):
        return self.display_name or self.first_name or _("Deelnemer")
