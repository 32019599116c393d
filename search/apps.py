from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .engine import forget_synonyms
        from .models import SynonymGroup

        post_save.connect(forget_synonyms, sender=SynonymGroup)
        post_delete.connect(forget_synonyms, sender=SynonymGroup)
