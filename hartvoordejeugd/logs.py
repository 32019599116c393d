"""Filters for the production log (LOGGING in settings/production.py)."""

import logging


class SuspiciousRequestsOnOneLine(logging.Filter):
    """django.security's records on one line, without a traceback.

    They are requests the site refuses with a 400 (a Host header not in ALLOWED_HOSTS, a form
    with too many fields): the client's doing, said in full by the message. Bots send them
    all day, and a traceback for each would bury the log.
    """

    def filter(self, record):
        if record.name.startswith("django.security."):
            record.exc_info = None
            record.exc_text = None
        return True
