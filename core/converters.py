"""URL converters shared by the apps' URL patterns."""

from django.urls import register_converter
from django.urls.converters import IntConverter


class IdConverter(IntConverter):
    """A database id: up to 18 digits, so that an absurd number is a 404, not an overflow in
    SQLite (which stores integers in 64 bits)."""

    regex = "[0-9]{1,18}"


register_converter(IdConverter, "id")
