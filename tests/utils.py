"""Helpers for tests that are not fixtures."""

import io
from urllib.parse import urlsplit

from django.core.management import call_command


def run_command(name, *args, **options):
    """Run a management command and return what it wrote, so that tests stay silent."""
    out = io.StringIO()
    call_command(name, *args, stdout=out, stderr=out, **options)
    return out.getvalue()


def link_path_in_mail(mailoutbox, *, to, pattern):
    """The path of the one link matching `pattern` in the e-mails sent to `to`."""
    [link] = [
        match.group()
        for message in mailoutbox
        if to in message.to and (match := pattern.search(message.body))
    ]
    return urlsplit(link).path
