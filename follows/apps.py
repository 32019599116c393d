"""The follows app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowsConfig(AppConfig):
    """Follows and digests."""

    name = "follows"
    verbose_name = _("Volgen")
