"""The adoptions app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdoptionsConfig(AppConfig):
    """Where a practice example is applied too."""

    name = "adoptions"
    verbose_name = _("Toepassingen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.page_cache import empty_page_cache_when_changed

        from .models import Adoption

        empty_page_cache_when_changed(Adoption)
