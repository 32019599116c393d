"""The ambassadors app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbassadorsConfig(AppConfig):
    """The regio-ambassadeurs."""

    name = "ambassadors"
    verbose_name = _("Regio-ambassadeurs")

    def ready(self):
        from . import notifications

        notifications.connect_signals()
