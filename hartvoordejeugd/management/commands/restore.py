from django.core.management.base import BaseCommand, CommandError

from hartvoordejeugd.backups import BackupError, restore_backup
from search.tantivy.availability import rebuild_all


class Command(BaseCommand):
    help = (
        "Zet een archief van `manage.py backup` terug: vervangt alles in de database en zet "
        "de bestanden terug. Bedoeld voor een lege installatie; een nieuwe, lege database kan "
        "ook."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Het .tar.gz-archief van manage.py backup.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Niet vragen: de inhoud van deze database wordt vervangen.",
        )

    def handle(self, *args, archive, yes=False, **options):
        if not yes:
            answer = input("Alles in deze database wordt vervangen. Doorgaan? [ja/nee] ")
            if answer.strip().lower() not in {"ja", "j", "yes", "y"}:
                raise CommandError("Afgebroken; er is niets veranderd.")
        try:
            result = restore_backup(source=archive)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        # The search index is derived from the database: build it from the restored content.
        rebuild_all()
        self.stdout.write(
            self.style.SUCCESS(
                f"Teruggezet: {result['objects']} records en {result['restored_files']} "
                f"bestanden uit de back-up van {result['created']}."
            )
        )
