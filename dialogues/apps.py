from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Dialogen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from .models import DialogueThreadPage
        from .replies import delete_replies_of_thread

        post_delete.connect(delete_replies_of_thread, sender=DialogueThreadPage)
