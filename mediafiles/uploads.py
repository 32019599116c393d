"""Checks for files members and editors upload: the kinds of upload, their size limits, their
real type (`signatures`), a duration for audio and video (`durations`), sound images (`images`),
and the help texts that tell people beforehand what is accepted."""

import math
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .durations import read_duration
from .images import check_image
from .signatures import DESCRIPTIONS, detect_file_type, file_size

MB = 1024 * 1024
SIZE_UNITS = (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024))


@dataclass(frozen=True)
class UploadKind:
    """A kind of upload: the file types it accepts and the name of its size limit."""

    name: str
    accepted_types: tuple[str, ...]
    label: str
    not_accepted: str
    damaged: str = ""

    @property
    def max_size(self):
        """The largest file accepted, in bytes, from HVDJ_MAX_UPLOAD_SIZES."""
        return settings.HVDJ_MAX_UPLOAD_SIZES[self.name]


IMAGE = UploadKind(
    "image",
    ("image/jpeg", "image/png", "image/webp", "image/gif", "image/heif"),
    _("afbeeldingen"),
    _("Dit bestand is geen afbeelding (JPEG, PNG, WebP, GIF of HEIC)."),
)
AUDIO = UploadKind(
    "audio",
    ("audio/mpeg", "audio/mp4", "audio/ogg"),
    _("geluid"),
    _("Dit bestand is geen geluidsbestand (MP3, M4A of Ogg)."),
    _(
        "Dit geluidsbestand is beschadigd of onvolledig: de lengte is er niet uit te lezen. "
        "Sla het opnieuw op of exporteer het opnieuw en probeer het nog eens."
    ),
)
VIDEO = UploadKind(
    "video",
    ("video/mp4", "video/webm"),
    _("video"),
    _("Dit bestand is geen video (MP4 of WebM)."),
    _(
        "Deze video is beschadigd of onvolledig: de lengte is er niet uit te lezen. "
        "Sla hem opnieuw op of exporteer hem opnieuw en probeer het nog eens."
    ),
)
DOCUMENT = UploadKind(
    "document",
    ("application/pdf",),
    _("documenten"),
    _("Dit bestand is geen PDF-document."),
)
CAPTIONS = UploadKind(
    "captions",
    ("text/vtt",),
    _("ondertitels"),
    _("Dit bestand is geen ondertitelbestand (WebVTT)."),
)


WEBVTT_HEADER = re.compile(r"WEBVTT(?:[ \t\r\n]|$)")
SRT_START = re.compile(r"\s*\d+\r?\n\d{2}:\d{2}:\d{2},\d{3} --> ")


def check_upload(file, kind, *, min_width=None):
    """The MIME type of an uploaded file, once it is known to be fit for this kind of upload."""
    position = file.tell()
    try:
        _check_size(file_size(file), kind)
        mime = detect_file_type(file)
        if kind == CAPTIONS and mime in {None, "text/plain", "text/vtt"}:
            _check_captions(file)
        _check_type(mime, kind)
        if kind == IMAGE:
            check_image(file, min_width)
        if kind.damaged and read_duration(file, mime) is None:
            raise ValidationError(kind.damaged, code="corrupt_media")
        return mime
    finally:
        file.seek(position)


def hero_image_min_width():
    """How wide a story's main image must be, in pixels, from HVDJ_MIN_HERO_WIDTH."""
    return settings.HVDJ_MIN_HERO_WIDTH


def format_size(size, *, round_up=False):
    """A number of bytes as people read it, in the active language: "612 MB", "1,5 GB"."""
    unit, factor = next(((u, f) for u, f in SIZE_UNITS if size >= f), (None, 1))
    if unit is None:
        return _("%(size)s bytes") % {"size": number_format(size, force_grouping=True)}
    decimals = 0 if size / factor >= 100 else 1
    scale = 10**decimals
    # Rounded up, a file just over the limit never shows as the limit itself.
    value = (math.ceil if round_up else round)(size / factor * scale) / scale
    return f"{number_format(value, 0 if value.is_integer() else decimals)} {unit}"


def upload_help_text(kind, accepted):
    """The help text of an upload field, shown before the upload: what it accepts (a text, or
    a function that returns one), then the size limit the checks use (`kind.max_size`), both
    read from the settings when the form is shown."""

    def text():
        limit = _("Hoogstens %(maximum)s.") % {"maximum": format_size(kind.max_size)}
        return f"{accepted() if callable(accepted) else accepted} {limit}"

    return lazy(text, str)()


def _check_size(size, kind):
    if size == 0:
        raise ValidationError(_("Dit bestand is leeg."), code="empty")
    if size > kind.max_size:
        raise ValidationError(
            _("Dit bestand is %(size)s; het maximum voor %(kind)s is %(maximum)s."),
            code="too_large",
            params={
                "size": format_size(size, round_up=True),
                "kind": kind.label,
                "maximum": format_size(kind.max_size),
            },
        )


def _check_type(mime, kind):
    if mime in kind.accepted_types:
        return
    if mime not in DESCRIPTIONS:
        raise ValidationError(kind.not_accepted, code="wrong_type")
    raise ValidationError(
        format_lazy("{} {}", kind.not_accepted, _("Het lijkt %(description)s.")),
        code="wrong_type",
        params={"description": DESCRIPTIONS[mime]},
    )


def _check_captions(file):
    file.seek(0)
    try:
        text = file.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Dit ondertitelbestand is niet als UTF-8 opgeslagen. Sla het op als UTF-8."),
            code="captions_encoding",
        ) from None
    if WEBVTT_HEADER.match(text):
        return
    if SRT_START.match(text):
        message = _("Dit lijkt een SRT-bestand. Zet het om naar WebVTT (.vtt).")
    else:
        message = _("Een ondertitelbestand (WebVTT) begint met de regel WEBVTT; die ontbreekt.")
    raise ValidationError(message, code="captions_header")
