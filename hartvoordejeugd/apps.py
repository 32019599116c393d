from django.apps import AppConfig


class HartVoorDeJeugdConfig(AppConfig):
    """Holds the project-wide templates, static files and translations."""

    name = "hartvoordejeugd"
    verbose_name = "Hart voor de Jeugd"

    def ready(self):
        # Registers the <id:...> path converter before any URL patterns are loaded.
        from . import converters  # noqa: F401
