"""Helpers for tests that are not fixtures."""

import io

from django.core.management import call_command


def run_command(name, *args, **options):
    """Run a management command and return what it wrote, so that tests stay silent."""
    out = io.StringIO()
    call_command(name, *args, stdout=out, stderr=out, **options)
    return out.getvalue()
