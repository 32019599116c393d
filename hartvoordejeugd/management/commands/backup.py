from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from hartvoordejeugd.backups import create_backup


class Command(BaseCommand):
    help = "Zet de database en alle geüploade bestanden in één archief (.tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Waar het archief komt; standaard hartvoordejeugd-<datum>-<tijd>.tar.gz hier.",
        )

    def handle(self, *args, output=None, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = Path(output or f"hartvoordejeugd-{stamp}.tar.gz")
        manifest = create_backup(target=target)
        self.stdout.write(
            self.style.SUCCESS(
                f"Back-up gemaakt: {target} ({manifest['objects']} records, "
                f"{manifest['files']} bestanden, {target.stat().st_size} bytes)"
            )
        )
