from django.conf import settings
from django.core.management.base import BaseCommand

from dialogues.retention import forget_old_ip_addresses


class Command(BaseCommand):
    """Delete the IP addresses of replies older than HVDJ_REPLY_IP_RETENTION_DAYS (run daily)."""

    help = "Wist IP-adressen van reacties die ouder zijn dan de bewaartermijn."

    def handle(self, *args, **options):
        count = forget_old_ip_addresses()
        self.stdout.write(
            f"IP-adressen gewist van {count} reacties ouder dan "
            f"{settings.HVDJ_REPLY_IP_RETENTION_DAYS} dagen."
        )
