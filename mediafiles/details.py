"""What an uploaded audio or video document is, read from the file itself."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .durations import read_duration
from .uploads import check_upload


@dataclass(frozen=True)
class MediaDetails:
    mime_type: str  # from the content, e.g. "audio/mpeg"
    duration: datetime.timedelta
    size: int  # bytes


def read_media_details(document, kind):
    """The details of a Wagtail document that must be a file of `kind` (uploads.AUDIO/VIDEO).

    Raises ValidationError with a Dutch message when the file is missing, of another type, or
    corrupt (no duration can be read).
    """
    try:
        file = document.file.open("rb")
    except (OSError, ValueError):
        raise ValidationError(
            _("Het bestand van dit document is niet gevonden. Upload het opnieuw."),
            code="missing_file",
        ) from None
    with file:
        mime = check_upload(file, kind)
        duration = read_duration(file, mime)
        size = file.size
    return MediaDetails(mime_type=mime, duration=duration, size=size)
