from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home en vaste pagina's")
    default_auto_field = "django.db.models.BigAutoField"
