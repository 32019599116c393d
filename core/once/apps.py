from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnceConfig(AppConfig):
    """Forms that create something do so once per rendered form (core.once.tokens)."""

    name = "core.once"
    label = "once"
    verbose_name = _("Eenmalige formulieren")
    default_auto_field = "django.db.models.BigAutoField"
