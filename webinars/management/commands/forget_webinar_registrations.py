"""`manage.py forget_webinar_registrations`: the retention period of registrations, run daily."""

from django.conf import settings
from django.core.management.base import BaseCommand

from webinars.registrations import forget_old_registrations


class Command(BaseCommand):
    """Delete the registrations of webinars that ended over the retention period ago (daily)."""

    help = "Wist aanmeldingen voor webinars die langer dan de bewaartermijn geleden zijn."

    def handle(self, *args, **options):
        count = forget_old_registrations()
        self.stdout.write(
            f"{count} aanmeldingen gewist van webinars die meer dan "
            f"{settings.HVDJ_WEBINAR_REGISTRATION_RETENTION_DAYS} dagen geleden eindigden."
        )
