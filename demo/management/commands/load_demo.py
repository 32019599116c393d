"""`manage.py load_demo`: build the demo site (demo.loader) and print the editor's login."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.site_address import absolute_url
from demo import media
from demo.accounts import DEFAULT_EDITOR_PASSWORD, EDITOR_EMAIL
from demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo site: page tree, taxonomy, ambassadors, stories of every type, "
        "dialogues with replies, accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--editor-password",
            default=None,
            help="Password of the demo editor (default: DEMO_EDITOR_PASSWORD, else a demo one).",
        )

    def handle(self, *args, **options):
        if not settings.HVDJ_ALLOW_DEMO_CONTENT:
            raise CommandError(
                "Demo content is disabled in these settings (HVDJ_ALLOW_DEMO_CONTENT). "
                "It is meant for local and test installations only."
            )
        password = (
            options["editor_password"] or settings.DEMO_EDITOR_PASSWORD or DEFAULT_EDITOR_PASSWORD
        )
        with_media = media.media_tools_available()
        if not with_media:
            self.stdout.write(
                "imageio-ffmpeg is not installed: podcasts, vlogs and webinars get no audio or "
                "video (pip install -e '.[demo]')."
            )
        created = load_demo(editor_password=password, with_media=with_media)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} new pages)."))
        self.stdout.write(
            f"Log in to the admin at {absolute_url('/admin/')} "
            f"with e-mail '{EDITOR_EMAIL}' and password '{password}'."
        )
