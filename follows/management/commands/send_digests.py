"""`manage.py send_digests --period daily|weekly`: the digests of the last day or week (cron)."""

from django.core.management.base import BaseCommand

from follows.models import Period
from follows.sending import send_digests


class Command(BaseCommand):
    """Send each confirmed follower of the period one e-mail with what is new; idempotent."""

    help = (
        "Stuurt volgers het overzicht van gisteren (daily) of van vorige week (weekly). "
        "Twee keer draaien stuurt niets dubbel."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, choices=Period.values)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Tel alleen wie een overzicht zou krijgen; verstuur en bewaar niets.",
        )

    def handle(self, *args, period, dry_run, **options):
        outcome = send_digests(period=period, dry_run=dry_run)
        if dry_run:
            first = f"{outcome.would_send} zou(den) een overzicht krijgen"
        else:
            first = f"{outcome.sent} overzicht(en) verstuurd"
        self.stdout.write(
            f"{first}, {outcome.nothing_new} zonder nieuws, "
            f"{outcome.already_sent} al eerder verstuurd, {outcome.failed} mislukt ({period})."
        )
        if outcome.failed:
            self.stderr.write(f"{outcome.failed} overzicht(en) mislukt; zie het log.")
