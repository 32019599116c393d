"""Who follows what, and which digests went out.

A `Follower` is one recipient of digests: a member (by their account) or a visitor without an
account (by an e-mail address they confirmed through a link, double opt-in). Each of their
`Follow`s names one thing to hear about: a theme, a region, a change task, a dialogue or a
search. However many follows a follower has, one `Digest` per period goes out, and its row is
the record that makes `send_digests` idempotent: the unique constraint on follower, period and
the period's start lets a second run send nothing.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def new_token():
    """An unguessable token for the links in e-mails (confirm, manage, unsubscribe)."""
    return secrets.token_urlsafe(32)


class Period(models.TextChoices):
    DAILY = "daily", _("Dagelijks")
    WEEKLY = "weekly", _("Wekelijks")


class Follower(models.Model):
    """One recipient of digests: a member, or a visitor's confirmed e-mail address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lid"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follower",
    )
    # Visitors only; a member's digests go to the account's address.
    email = models.EmailField(_("e-mailadres"), blank=True)
    # Members: at once. Visitors: when they open the link in the confirmation e-mail and say yes.
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    period = models.CharField(
        _("hoe vaak"), max_length=10, choices=Period.choices, default=Period.WEEKLY
    )
    # The "manage" and "unsubscribe from everything" links.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("volger")
        verbose_name_plural = _("volgers")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(email=""), name="follower_has_an_address"
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(user__isnull=True),
                name="one_visitor_follower_per_address",
            ),
        ]

    def __str__(self):
        return self.user.email if self.user_id else self.email


class Follow(models.Model):
    """One thing a follower wants to hear about."""

    class Kind(models.TextChoices):
        THEME = "theme", _("Thema")
        REGION = "region", _("Jeugdregio")
        CHANGE_TASK = "change_task", _("Veranderopgave")
        DIALOGUE = "dialogue", _("Dialoog")
        SEARCH = "search", _("Zoekopdracht")

    follower = models.ForeignKey(
        Follower, verbose_name=_("volger"), on_delete=models.CASCADE, related_name="follows"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    theme = models.ForeignKey(
        "stories.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    region = models.ForeignKey(
        "stories.Region", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    change_task = models.ForeignKey(
        "stories.ChangeTask", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    dialogue = models.ForeignKey(
        "dialogues.DialogueThreadPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # A search: its query string as the search page reads it (q and the filters), normalised.
    query = models.CharField(_("zoekopdracht"), max_length=300, blank=True)
    # The one-click unsubscribe link of this follow alone.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("gevolgd sinds"), auto_now_add=True)

    class Meta:
        verbose_name = _("volgt")
        verbose_name_plural = _("volgt")
        ordering = ["created_at"]
        # Each thing once per follower (one constraint per kind: SQLite knows no NULLS NOT
        # DISTINCT).
        constraints = [
            models.UniqueConstraint(
                fields=["follower", field],
                condition=Q(kind=kind),
                name=f"follow_each_{kind}_once",
            )
            for kind, field in [
                ("theme", "theme"),
                ("region", "region"),
                ("change_task", "change_task"),
                ("dialogue", "dialogue"),
                ("search", "query"),
            ]
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.target_name}"

    @property
    def target_name(self):
        target = self.theme or self.region or self.change_task or self.dialogue
        return str(target) if target else self.query


class Digest(models.Model):
    """The record of one digest sent: to whom, for which period, and what it listed."""

    follower = models.ForeignKey(
        Follower, verbose_name=_("volger"), on_delete=models.CASCADE, related_name="digests"
    )
    period = models.CharField(_("periode"), max_length=10, choices=Period.choices)
    # The start of the day or ISO week (Europe/Amsterdam) the digest covers.
    period_start = models.DateTimeField(_("begin van de periode"))
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    # What it listed: {"follows": [follow pks], "pages": [page pks], ...}, for the record.
    summary = models.JSONField(_("inhoud"), default=dict, blank=True)

    class Meta:
        verbose_name = _("overzicht")
        verbose_name_plural = _("overzichten")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["follower", "period", "period_start"], name="one_digest_per_period"
            ),
        ]

    def __str__(self):
        return f"{self.follower} · {self.get_period_display()} · {self.period_start:%Y-%m-%d}"
