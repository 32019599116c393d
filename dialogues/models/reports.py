"""What brings a reply to the redactie besides the hold rules: a reader's report ("Melden",
with a reason), and the blocked words that hold a new reply until an editor has seen it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from dialogues.choices import ReportReason

from .replies import Reply


class ReplyReport(models.Model):
    """Someone reported a reply to the redactie ("Melden"), with a reason."""

    Reason = ReportReason

    reply = models.ForeignKey(
        Reply, verbose_name=_("reactie"), on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reden"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("toelichting"), blank=True, max_length=1000)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who reported, so that one person counts once: "member:<id>" or a keyed hash of the IP.
    reporter_key = models.CharField(max_length=80)
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)
    handled_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        constraints = [
            models.UniqueConstraint(
                fields=["reply", "reporter_key"],
                condition=models.Q(handled_at__isnull=True),
                name="one_open_report_per_person_and_reply",
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.reply}"


class BlockedWord(models.Model):
    """A word the redactie wants to see before a reply with it appears."""

    word = models.CharField(
        _("woord"),
        max_length=60,
        unique=True,
        help_text=_(
            "Een reactie met dit woord (hoofdletters maken niet uit) wacht op de redactie."
        ),
    )
    note = models.CharField(_("notitie voor de redactie"), max_length=200, blank=True)

    panels = [FieldPanel("word"), FieldPanel("note")]

    class Meta:
        ordering = ["word"]
        verbose_name = _("geblokkeerd woord")
        verbose_name_plural = _("geblokkeerde woorden")

    def __str__(self):
        return self.word

    def save(self, *args, **kwargs):
        self.word = self.word.strip().lower()
        super().save(*args, **kwargs)
