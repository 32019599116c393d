from django.apps import AppConfig


class HartVoorDeJeugdConfig(AppConfig):
    """The project package: settings, URLs, the site's frame (base template, static files)."""

    name = "hartvoordejeugd"
    verbose_name = "Hart voor de Jeugd"
