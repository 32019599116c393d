from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Verhalen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import moderation

        moderation.connect_signals()
