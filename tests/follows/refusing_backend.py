"""A test e-mail backend like Django's locmem one, whose mail server refuses one address."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend

REFUSED = "geweigerd@example.org"


class RefusingBackend(EmailBackend):
    """Keeps messages in django.core.mail.outbox, but refuses every message to REFUSED."""

    def send_messages(self, messages):
        for message in messages:
            if REFUSED in message.to:
                raise smtplib.SMTPRecipientsRefused({REFUSED: (550, b"Mailbox unavailable")})
        return super().send_messages(messages)
