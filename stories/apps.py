from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Verhalen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.page_cache import empty_page_cache_when_changed

        from . import moderation
        from .models import Ambassador, Audience, ChangeTask, Region, Theme

        moderation.connect_signals()
        empty_page_cache_when_changed(Theme, ChangeTask, Region, Audience, Ambassador)
