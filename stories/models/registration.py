import secrets

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(24)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "aangemeld", _("Aangemeld")
    WAITING = "wachtlijst", _("Op de wachtlijst")


class WebinarRegistration(models.Model):
    """One person's seat, or place on the waiting list, for one webinar.

    It holds only what the webinar needs: a name to address them by, an address to send the
    link to, and optionally their organisation and role. A cancelled registration is deleted,
    and every registration is deleted HVDJ_WEBINAR_REGISTRATION_RETENTION_DAYS after the event.
    """

    webinar = models.ForeignKey(
        "stories.WebinarPage",
        verbose_name=_("webinar"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mailadres"))
    organisation = models.CharField(_("organisatie"), max_length=150, blank=True)
    role = models.CharField(_("functie of rol"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True, db_index=True)
    promoted_at = models.DateTimeField(_("van de wachtlijst op"), null=True, blank=True)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["webinar", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint("webinar", Lower("email"), name="one_registration_per_address")
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"
