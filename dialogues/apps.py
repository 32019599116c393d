from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Dialogen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from core.page_cache import empty_page_cache_when_changed

        from .models import DialogueThreadPage, Reply
        from .retention import delete_replies_of_thread

        post_delete.connect(delete_replies_of_thread, sender=DialogueThreadPage)
        empty_page_cache_when_changed(Reply)
