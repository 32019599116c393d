from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home en vaste pagina's")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.page_cache import empty_page_cache_when_changed

        from .models import NavigationSettings

        # Every page shows the menu and the footer (cached per generation, home.navigation):
        # a change must not wait for the cache. View restrictions start one in core.
        empty_page_cache_when_changed(NavigationSettings)
