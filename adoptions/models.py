"""An adoption mark: a member says "Wij passen dit ook toe" on a practice example, with their
region, organisation and a short note. The redactie approves it before it shows."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.models import StoryPage

NOTE_MAX_LENGTH = 500


class AdoptionQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Adoption.Status.APPROVED)

    def pending(self):
        return self.filter(status=Adoption.Status.PENDING)

    def on_public_pages(self):
        """Marks on live pages outside any view restriction (a subquery, no query of its own)."""
        return self.filter(page__in=StoryPage.objects.live().public().values("pk"))


class Adoption(models.Model):
    """A member's mark that their organisation applies a practice example in their region."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Wacht op de redactie")
        APPROVED = "approved", _("Goedgekeurd")
        REJECTED = "rejected", _("Afgewezen")

    page = models.ForeignKey(
        StoryPage,
        verbose_name=_("praktijkvoorbeeld"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lid"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    region = models.ForeignKey(
        "stories.Region",
        verbose_name=_("jeugdregio"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    organisation = models.CharField(_("organisatie"), max_length=150)
    note = models.TextField(_("toelichting"), max_length=NOTE_MAX_LENGTH, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("gemeld op"), default=timezone.now)
    decided_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("toepassing")
        verbose_name_plural = _("toepassingen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "member"], name="adoptions_one_per_member_per_page"
            )
        ]
        indexes = [
            models.Index(
                fields=["region", "page"],
                name="adoptions_approved_by_region",
                condition=Q(status="approved"),
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.region})"

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED
