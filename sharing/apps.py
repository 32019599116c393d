"""The sharing app: no models, only its templates, URLs and services (see __init__.py)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    """The share flow: forms, submission, privacy guard and Mijn bijdragen (no models)."""

    name = "sharing"
    verbose_name = _("Verhalen delen")
