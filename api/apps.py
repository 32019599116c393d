from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The read API for partners at /api/v2/ (Wagtail's API v2); it has no models."""

    name = "api"
    verbose_name = _("API voor partners")
