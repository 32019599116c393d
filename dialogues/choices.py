from django.db import models
from django.utils.translation import gettext_lazy as _


class HeldBecause(models.TextChoices):
    """Why a reply waits for the redactie instead of showing."""

    NEW_AUTHOR = "new_author", _("nieuwe schrijver")
    LINK = "link", _("bevat een link")
    BLOCKED_WORD = "blocked_word", _("bevat een woord van de woordenlijst")
    REPORTS = "reports", _("gemeld door meerdere mensen")
    CHILD_SAFETY = "child_safety", _("zorgen over de veiligheid van een kind")


class ReportReason(models.TextChoices):
    """Why someone reports a reply ("Melden")."""

    CHILD_SAFETY = "child_safety", _("Zorgen over de veiligheid van een kind")
    HURTFUL = "hurtful", _("Kwetsend, discriminerend of onvriendelijk")
    PERSONAL_DATA = "personal_data", _("Deelt persoonlijke gegevens van iemand")
    SPAM = "spam", _("Reclame of spam")
    OTHER = "other", _("Iets anders")
