"""The webinars app: registrations, with the model left in stories (see __init__.py)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebinarsConfig(AppConfig):
    """Registrations for webinars (the model stays in stories; see the package docstring)."""

    name = "webinars"
    verbose_name = _("Webinars")
