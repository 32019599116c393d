from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaFilesConfig(AppConfig):
    name = "mediafiles"
    verbose_name = _("Mediabestanden")
