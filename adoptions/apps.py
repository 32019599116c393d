"""The adoptions app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdoptionsConfig(AppConfig):
    """Where a practice example is applied too."""

    name = "adoptions"
    verbose_name = _("Toepassingen")
