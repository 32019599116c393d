from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hartvoordejeugd.backups import PG_DUMP, BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Zet de database en alle geüploade bestanden in één archief (.tar.gz): op PostgreSQL "
        "met pg_dump, op SQLite (of met --portable) als draagbare JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Waar het archief komt; standaard hartvoordejeugd-<datum>-<tijd>.tar.gz hier.",
        )
        parser.add_argument(
            "--portable",
            action="store_true",
            help="De database als draagbare JSON, ook op PostgreSQL: voor een overstap van "
            "SQLite naar PostgreSQL of terug.",
        )

    def handle(self, *args, output=None, portable=False, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = Path(output or f"hartvoordejeugd-{stamp}.tar.gz")
        try:
            manifest = create_backup(target=target, portable=portable)
        except BackupError as error:
            raise CommandError(str(error)) from error
        database = "pg_dump" if manifest["database"] == PG_DUMP else "draagbare JSON"
        self.stdout.write(
            self.style.SUCCESS(
                f"Back-up gemaakt: {target} (database als {database}, {manifest['objects']} "
                f"records, {manifest['files']} bestanden, {target.stat().st_size} bytes)"
            )
        )
