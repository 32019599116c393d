"""Machine-readable times for templates.

Django's `date:'c'` writes microseconds, and HTML's `<time datetime>` allows at most three
digits after the second (https://html.spec.whatwg.org/#valid-time-string).
"""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def iso_datetime(value):
    """The value for a `<time datetime>` attribute: a date, or a time in the site's time zone
    to the second, in ISO 8601."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
