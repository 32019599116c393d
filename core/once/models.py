from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubmittedForm(models.Model):
    """A form that was sent and did what it was for: its one-time token and where it led.

    The unique token is the lock: of two requests with the same token only one can insert the
    row, and the other is sent where the first went. The fingerprint (a hash of who sent what
    where) recognises the same form sent again from a page the browser loaded anew.
    """

    token = models.CharField(_("token"), max_length=64, unique=True)
    fingerprint = models.CharField(_("vingerafdruk"), max_length=64, db_index=True)
    result_url = models.CharField(_("resultaat"), max_length=2000)
    created_at = models.DateTimeField(_("verstuurd op"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("verstuurd formulier")
        verbose_name_plural = _("verstuurde formulieren")

    def __str__(self):
        return self.result_url
