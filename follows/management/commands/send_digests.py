"""`manage.py send_digests --period daily|weekly`: the digests of the last day or week (cron)."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand

from follows.models import Period
from follows.sending import send_digests


def day(value):
    return dt.date.fromisoformat(value)


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
        parser.add_argument(
            "--date",
            type=day,
            help=(
                "Doe alsof het deze dag is (JJJJ-MM-DD), om een gemiste dag of week in te "
                "halen: het overzicht gaat over de dag of week ervoor."
            ),
        )

    def handle(self, *args, period, dry_run, date, **options):
        now = None
        if date is not None:
            now = dt.datetime.combine(date, dt.time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))
        outcome = send_digests(period=period, now=now, dry_run=dry_run)
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
