"""Checks and clean-up for files members and editors upload."""

import datetime
import io
import math
import os
import re
import struct
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from mutagen import MutagenError
from mutagen.mp3 import MP3, MPEGFrame
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from PIL import ExifTags, Image, ImageOps
from pillow_heif import register_heif_opener

# HEIC photos, as iPhones take them (pillow-heif comes with Wagtail's Willow[heif]).
register_heif_opener()

# Formats we re-encode without metadata; others (animated images) are stored as they are.
REENCODE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "HEIF", "AVIF"}
# Formats we store as another: browsers other than Safari cannot show HEIC.
STORED_AS = {"HEIF": "JPEG"}


def strip_image_metadata(file):
    """The same picture without EXIF (GPS, camera), XMP or comments, upright as it was shown."""
    file.seek(0)
    with Image.open(file) as original:
        image_format = original.format
        if image_format not in REENCODE_FORMATS or getattr(original, "is_animated", False):
            file.seek(0)
            return file
        icc_profile = original.info.get("icc_profile")
        # pillow-heif turns a HEIC photo upright as it decodes it; the others say so in EXIF.
        upright = original if image_format == "HEIF" else ImageOps.exif_transpose(original)
        if image_format in STORED_AS and upright.mode != "RGB":
            upright = upright.convert("RGB")
        # A new image from the bare pixels carries none of the original's metadata.
        clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
        if upright.mode == "P":
            clean.putpalette(upright.getpalette())
            if "transparency" in upright.info:
                clean.info["transparency"] = upright.info["transparency"]
    options = {"icc_profile": icc_profile} if icc_profile else {}
    name = getattr(file, "name", None) or "afbeelding"
    if image_format in STORED_AS:
        image_format = STORED_AS[image_format]
        name = f"{os.path.splitext(name)[0]}.jpg"
    if image_format == "JPEG":
        options.update(quality=92, optimize=True)
    buffer = io.BytesIO()
    clean.save(buffer, format=image_format, **options)
    return InMemoryUploadedFile(
        buffer,
        "file",
        name.rsplit("/", 1)[-1],
        Image.MIME.get(image_format),
        buffer.tell(),
        None,
    )


# --- Upload checks ----------------------------------------------------------------------------

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

# What a file looks like, for messages about files of the wrong type.
DESCRIPTIONS = {
    "image/jpeg": _("een JPEG-afbeelding"),
    "image/png": _("een PNG-afbeelding"),
    "image/webp": _("een WebP-afbeelding"),
    "image/gif": _("een GIF-afbeelding"),
    "image/heif": _("een HEIC-foto, zoals een iPhone die maakt"),
    "image/avif": _("een AVIF-afbeelding"),
    "image/svg+xml": _("een SVG-tekening"),
    "audio/mpeg": _("een MP3-geluidsbestand"),
    "audio/mp4": _("een M4A-geluidsbestand"),
    "audio/ogg": _("een Ogg-geluidsbestand"),
    "audio/aac": _("een AAC-geluidsbestand"),
    "audio/wav": _("een WAV-geluidsbestand"),
    "audio/flac": _("een FLAC-geluidsbestand"),
    "video/mp4": _("een MP4-video"),
    "video/webm": _("een WebM-video"),
    "video/quicktime": _("een QuickTime-video (MOV)"),
    "video/x-matroska": _("een MKV-video"),
    "video/x-msvideo": _("een AVI-video"),
    "video/3gpp": _("een 3GP-video"),
    "video/ogg": _("een Ogg-video"),
    "application/pdf": _("een PDF-document"),
    "application/zip": _("een ZIP-bestand of een Office-document (zoals Word)"),
    "text/vtt": _("een WebVTT-ondertitelbestand"),
    "text/html": _("een webpagina (HTML)"),
    "text/plain": _("een tekstbestand"),
}

# Enough for every signature below, including WebM's DocType and MP4's list of brands.
HEAD_SIZE = 8192
SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"ID3", "audio/mpeg"),
    (b"fLaC", "audio/flac"),
    (b"PK\x03\x04", "application/zip"),
)
RIFF_TYPES = {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
EBML_DOCTYPE = b"\x42\x82"
MATROSKA_TYPES = {b"webm": "video/webm", b"matroska": "video/x-matroska"}
UTF8_BOM = b"\xef\xbb\xbf"
WEBVTT_MAGIC = re.compile(rb"WEBVTT(?:[ \t\r\n]|$)")
WEBVTT_HEADER = re.compile(r"WEBVTT(?:[ \t\r\n]|$)")
SRT_START = re.compile(r"\s*\d+\r?\n\d{2}:\d{2}:\d{2},\d{3} --> ")

# MP4-family brands (ISO/IEC 14496-12 "ftyp") that settle the type on their own; others, such
# as isom and mp42, are used for audio and video alike.
ISO_BRAND_TYPES = {
    b"M4A ": "audio/mp4",
    b"M4B ": "audio/mp4",
    b"M4P ": "audio/mp4",
    b"F4A ": "audio/mp4",
    b"F4B ": "audio/mp4",
    b"M4V ": "video/mp4",
    b"M4VH": "video/mp4",
    b"M4VP": "video/mp4",
    b"qt  ": "video/quicktime",
    b"heic": "image/heif",
    b"heix": "image/heif",
    b"mif1": "image/heif",
    b"msf1": "image/heif",
    b"avif": "image/avif",
    b"avis": "image/avif",
}
AUDIO_BRANDS = {brand for brand, mime in ISO_BRAND_TYPES.items() if mime == "audio/mp4"}
# What a damaged media file can make mutagen or our own readers raise.
MEDIA_READ_ERRORS = (MutagenError, OSError, ValueError, EOFError, IndexError, struct.error)
# MPEG audio frames followed from the first one, so garbage after a valid header is noticed.
MPEG_FRAMES_CHECKED = 8
# The largest Ogg page: a 27-byte header, a 255-entry segment table and 255 × 255 bytes.
OGG_MAX_PAGE = 27 + 255 + 255 * 255
OGG_END_OF_STREAM = 0x04
# Matroska element ids (https://www.matroska.org/technical/elements.html).
EBML_SEGMENT = b"\x18\x53\x80\x67"
EBML_INFO = b"\x15\x49\xa9\x66"
EBML_TIMECODE_SCALE = b"\x2a\xd7\xb1"
EBML_DURATION = b"\x44\x89"
EBML_SEGMENT_CHILDREN = {
    b"\x11\x4d\x9b\x74",  # SeekHead
    EBML_INFO,
    b"\x16\x54\xae\x6b",  # Tracks
    b"\x1f\x43\xb6\x75",  # Cluster
    b"\x1c\x53\xbb\x6b",  # Cues
    b"\x12\x54\xc3\x67",  # Tags
    b"\x10\x43\xa7\x70",  # Chapters
    b"\x19\x41\xa4\x69",  # Attachments
    b"\xec",  # Void
    b"\xbf",  # CRC-32
}
DEFAULT_TIMECODE_SCALE = 1_000_000  # nanoseconds per tick
# Top-level elements walked in a WebM file: a long video has a few thousand clusters.
MAX_EBML_ELEMENTS = 100_000
MAX_EBML_INFO_SIZE = 64 * 1024
# Boxes looked at on each level of an MP4 file, so a crafted file cannot keep us reading.
MAX_BOXES = 16

PILLOW_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "HEIF")
CORRUPT_IMAGE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)
SIDEWAYS_ORIENTATIONS = {5, 6, 7, 8}


def detect_file_type(file):
    """The MIME type a file really has, from its first bytes rather than its name, or None."""
    position = file.tell()
    try:
        file.seek(0)
        head = file.read(HEAD_SIZE)
        if head[4:8] == b"ftyp":
            return _iso_media_type(file, head)
        return _type_from_head(head)
    finally:
        file.seek(position)


def check_upload(file, kind, *, min_width=None):
    """The MIME type of an uploaded file, once it is known to be fit for this kind of upload."""
    position = file.tell()
    try:
        _check_size(_file_size(file), kind)
        mime = detect_file_type(file)
        if kind == CAPTIONS and mime in {None, "text/plain", "text/vtt"}:
            _check_captions(file)
        _check_type(mime, kind)
        if kind == IMAGE:
            _check_image(file, min_width)
        if kind.damaged and read_duration(file, mime) is None:
            raise ValidationError(kind.damaged, code="corrupt_media")
        return mime
    finally:
        file.seek(position)


def read_duration(file, mime):
    """How long an audio or video file of this type plays, as a timedelta; None when the file
    is too damaged or cut off to tell."""
    reader = DURATION_READERS.get(mime)
    if reader is None:
        return None
    position = file.tell()
    try:
        seconds = reader(file)
    except MEDIA_READ_ERRORS:
        seconds = None
    finally:
        file.seek(position)
    if seconds is None or not math.isfinite(seconds) or seconds <= 0:
        return None
    return datetime.timedelta(seconds=seconds)


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


def _file_size(file):
    size = getattr(file, "size", None)
    if size is None:
        position = file.tell()
        size = file.seek(0, os.SEEK_END)
        file.seek(position)
    return size


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


def _check_image(file, min_width):
    max_pixels = settings.HVDJ_MAX_IMAGE_PIXELS
    too_many_pixels = ValidationError(
        _("Deze afbeelding heeft meer dan %(maximum)s pixels. Maak haar kleiner."),
        code="too_many_pixels",
        params={"maximum": number_format(max_pixels, force_grouping=True)},
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            width, height = _header_size(file)
            if width * height > max_pixels:
                raise too_many_pixels
            shown_width = _decoded_width(file)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except CORRUPT_IMAGE_ERRORS:
        raise ValidationError(
            _("Deze afbeelding is beschadigd of onvolledig."), code="corrupt_image"
        ) from None
    if min_width and shown_width < min_width:
        raise ValidationError(
            _(
                "Deze afbeelding is %(width)s pixels breed; "
                "gebruik er een van minstens %(min_width)s pixels breed."
            ),
            code="too_narrow",
            params={"width": shown_width, "min_width": min_width},
        )


def _header_size(file):
    """Width and height as the header claims them, so bombs are refused before decoding."""
    file.seek(0)
    with Image.open(file, formats=PILLOW_FORMATS) as image:
        # Only the header is read here; getexif() would decode a PNG to find its eXIf chunk.
        return image.size


def _decoded_width(file):
    """The width as shown (upright by its EXIF orientation); raises if the image is damaged."""
    file.seek(0)
    with Image.open(file, formats=PILLOW_FORMATS) as image:
        image.verify()  # checksums, which decoding alone does not check
    file.seek(0)
    with Image.open(file, formats=PILLOW_FORMATS) as image:
        image.load()
        width, height = image.size
        if image.format == "HEIF":  # decoded upright already
            return width
        orientation = image.getexif().get(ExifTags.Base.Orientation)
    return height if orientation in SIDEWAYS_ORIENTATIONS else width


def _type_from_head(head):
    for signature, mime in SIGNATURES:
        if head.startswith(signature):
            return mime
    if head.startswith(b"RIFF"):
        return RIFF_TYPES.get(head[8:12])
    if head.startswith(b"OggS"):
        return "video/ogg" if b"\x80theora" in head[:512] else "audio/ogg"
    if head.startswith(EBML_MAGIC):
        return MATROSKA_TYPES.get(_ebml_doctype(head))
    if _is_mpeg_audio_frame(head):
        return "audio/mpeg"
    if _is_adts_frame(head):
        return "audio/aac"
    return _text_type(head)


def _is_mpeg_audio_frame(head):
    """Whether the file starts with an MPEG audio frame header, as MP3s without ID3 tags do."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version, layer = (head[1] >> 3) & 0b11, (head[1] >> 1) & 0b11
    bitrate, sample_rate = head[2] >> 4, (head[2] >> 2) & 0b11
    return (
        version != 0b01  # reserved
        and layer != 0b00  # reserved; AAC (ADTS) uses it
        and bitrate not in {0b0000, 0b1111}  # free format, bad
        and sample_rate != 0b11  # reserved
        and head[3] & 0b11 != 0b10  # reserved emphasis
    )


def _is_adts_frame(head):
    return len(head) >= 2 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0


def _ebml_doctype(head):
    """The DocType ("webm", "matroska") in a Matroska file's EBML header, or None."""
    header = _ebml_vint(head, len(EBML_MAGIC))
    if header is None:
        return None
    size, length = header
    position = len(EBML_MAGIC) + length
    end = min(position + size, len(head))
    while position < end:
        id_length = _ebml_vint(head, position)
        if id_length is None:
            return None
        element = head[position : position + id_length[1]]
        element_size = _ebml_vint(head, position + id_length[1])
        if element_size is None:
            return None
        start = position + id_length[1] + element_size[1]
        if element == EBML_DOCTYPE:
            return head[start : start + element_size[0]]
        position = start + element_size[0]
    return None


def _ebml_vint(data, position):
    """The EBML variable-length integer at position, as (value, length in bytes), or None."""
    if position >= len(data) or data[position] == 0:
        return None
    length = 9 - data[position].bit_length()
    if position + length > len(data):
        return None
    value = data[position] & (0xFF >> length)
    for byte in data[position + 1 : position + length]:
        value = (value << 8) | byte
    return value, length


def _iso_media_type(file, head):
    """MP4-family files: audio or video by their brand, else by the tracks they hold."""
    brand = head[8:12]
    if brand in ISO_BRAND_TYPES:
        return ISO_BRAND_TYPES[brand]
    if brand.startswith(b"3g"):
        return "video/3gpp"
    handlers = _iso_track_handlers(file)
    if b"vide" in handlers:
        return "video/mp4"
    if b"soun" in handlers:
        return "audio/mp4"
    ftyp_end = min(struct.unpack(">I", head[:4])[0], len(head))
    compatible = {head[i : i + 4] for i in range(16, ftyp_end - 3, 4)}
    return "audio/mp4" if compatible & AUDIO_BRANDS else "video/mp4"


def _iso_track_handlers(file):
    """The handler types (b"vide", b"soun") of an MP4 file's tracks, read box header by header."""
    handlers = set()
    moov = next(_iso_boxes(file, 0, None, b"moov"), None)
    if moov is None:
        return handlers
    for trak in _iso_boxes(file, *moov, b"trak"):
        mdia = next(_iso_boxes(file, *trak, b"mdia"), None)
        hdlr = mdia and next(_iso_boxes(file, *mdia, b"hdlr"), None)
        if hdlr:
            # Version and flags (4 bytes) and pre_defined (4 bytes) come first.
            file.seek(hdlr[0] + 8)
            handlers.add(file.read(4))
    return handlers


def _iso_boxes(file, start, end, wanted):
    """(payload start, end) of the boxes of one type between start and end (None: file end)."""
    position = start
    for _box in range(MAX_BOXES):
        if end is not None and position + 8 > end:
            return
        file.seek(position)
        header = file.read(16)
        if len(header) < 8:
            return
        size, box_type = struct.unpack(">I4s", header[:8])
        header_size = 8
        if size == 1 and len(header) == 16:
            size, header_size = struct.unpack(">Q", header[8:])[0], 16
        elif size == 0:  # the box runs to the end of its parent or of the file
            size = (end if end is not None else _file_size(file)) - position
        if size < header_size:
            return
        if box_type == wanted:
            yield position + header_size, position + size
        position += size


def _text_type(head):
    """text/vtt, text/html, image/svg+xml or text/plain for UTF-8 text; None for anything else."""
    if head.startswith(UTF8_BOM):
        head = head[len(UTF8_BOM) :]
    if WEBVTT_MAGIC.match(head):
        return "text/vtt"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A character cut in half at the end of what we read is still text.
        if error.end != len(head) or len(head) - error.start > 3:
            return None
        text = head[: error.start].decode("utf-8")
    if not text or any(ord(char) < 32 and char not in "\t\n\r\f" for char in text):
        return None
    start = text.lstrip().lower()
    if start.startswith(("<!doctype html", "<html")):
        return "text/html"
    if start.startswith(("<svg", "<?xml")) and "<svg" in start:
        return "image/svg+xml"
    return "text/plain"


# --- Durations --------------------------------------------------------------------------------


def _mp3_seconds(file):
    audio = MP3(file)
    _check_mpeg_frames(file, audio.info.frame_offset)
    _check_xing_byte_count(file, audio.info.frame_offset)
    return audio.info.length


def _check_mpeg_frames(file, offset):
    """Follows the first frames from `offset`; raises ValueError when one does not line up."""
    size = _file_size(file)
    file.seek(offset)
    for _frame in range(MPEG_FRAMES_CHECKED):
        if file.tell() + 4 > size:
            return
        MPEGFrame(file)  # raises HeaderNotFoundError (a MutagenError) and moves to the next


def _check_xing_byte_count(file, offset):
    """Raises ValueError when the Xing/Info header (LAME, ffmpeg) counts more bytes than there
    are: the file was cut off."""
    file.seek(offset)
    frame = file.read(200)
    start = max(frame.find(b"Xing"), frame.find(b"Info"))
    if start < 0 or len(frame) < start + 16:
        return
    flags = struct.unpack(">I", frame[start + 4 : start + 8])[0]
    if not flags & 0b10:  # no byte count
        return
    field = start + 12 if flags & 0b01 else start + 8
    byte_count = struct.unpack(">I", frame[field : field + 4])[0]
    # Compared with the whole file: some encoders count the ID3 tag before the audio too.
    if byte_count > _file_size(file):
        raise ValueError("the MP3 is shorter than its Xing header says")


def _mp4_seconds(file):
    """The length mutagen reads (audio track, else the movie header), if all boxes are there."""
    size = _file_size(file)
    position = 0
    while position < size:
        file.seek(position)
        header = file.read(16)
        box_size = struct.unpack(">I", header[:4])[0] if len(header) >= 8 else 0
        if box_size == 1 and len(header) == 16:
            box_size = struct.unpack(">Q", header[8:])[0]
        elif box_size == 0:  # the last box runs to the end of the file
            break
        if box_size < 8 or position + box_size > size:
            raise ValueError("an MP4 box runs past the end of the file")
        position += box_size
    return MP4(file).info.length


def _ogg_seconds(file):
    _check_ogg_ending(file)
    for kind in (OggOpus, OggVorbis):
        file.seek(0)
        try:
            return kind(file).info.length
        except MutagenError:
            continue
    return None


def _check_ogg_ending(file):
    """Raises ValueError unless the file ends with a whole Ogg page that closes its stream."""
    size = _file_size(file)
    tail_start = max(size - OGG_MAX_PAGE, 0)
    file.seek(tail_start)
    tail = file.read()
    start = tail.rfind(b"OggS")
    while start >= 0:
        page = tail[start:]
        if len(page) >= 27 and len(page) >= 27 + page[26]:
            segments = page[27 : 27 + page[26]]
            whole = len(page) == 27 + len(segments) + sum(segments)
            if whole and page[5] & OGG_END_OF_STREAM:
                return
        start = tail.rfind(b"OggS", 0, start)
    raise ValueError("the Ogg file does not end with its last page")


def _webm_seconds(file):
    """Segment > Info > Duration × TimecodeScale, once the segment's elements are all there."""
    size = _file_size(file)
    header = _ebml_element(file, 0)
    if header is None or header[0] != EBML_MAGIC or header[2] is None:
        return None
    segment = _ebml_element(file, header[1] + header[2])
    if segment is None or segment[0] != EBML_SEGMENT:
        return None
    _id, start, length = segment
    end = size if length is None else start + length
    if end > size:
        return None  # cut off
    seconds, position = None, start
    for _element in range(MAX_EBML_ELEMENTS):
        if position >= end:
            break
        element = _ebml_element(file, position)
        if element is None or element[0] not in EBML_SEGMENT_CHILDREN:
            return None
        element_id, data_start, length = element
        if length is None:  # a live recording's open-ended cluster: nothing further to check
            break
        if data_start + length > end:
            return None
        if element_id == EBML_INFO:
            seconds = _ebml_info_seconds(file, data_start, length)
        position = data_start + length
    return seconds


def _ebml_element(file, position):
    """(id, data start, data size or None when unknown) of the element at position, or None."""
    file.seek(position)
    head = file.read(12)
    id_length = _ebml_vint(head, 0)
    if id_length is None or id_length[1] > 4:
        return None
    size = _ebml_vint(head, id_length[1])
    if size is None:
        return None
    value, size_length = size
    unknown = value == (1 << (7 * size_length)) - 1
    return head[: id_length[1]], position + id_length[1] + size_length, None if unknown else value


def _ebml_info_seconds(file, start, length):
    if length > MAX_EBML_INFO_SIZE:
        return None
    file.seek(start)
    info = file.read(length)
    scale, duration, position = DEFAULT_TIMECODE_SCALE, None, 0
    while position < len(info):
        id_length = _ebml_vint(info, position)
        size = id_length and _ebml_vint(info, position + id_length[1])
        if not size:
            return None
        element = info[position : position + id_length[1]]
        data_start = position + id_length[1] + size[1]
        data = info[data_start : data_start + size[0]]
        if element == EBML_TIMECODE_SCALE and data:
            scale = int.from_bytes(data, "big")
        elif element == EBML_DURATION and len(data) in {4, 8}:
            duration = struct.unpack(">f" if len(data) == 4 else ">d", data)[0]
        position = data_start + size[0]
    return None if duration is None else duration * scale / 1e9


DURATION_READERS = {
    "audio/mpeg": _mp3_seconds,
    "audio/mp4": _mp4_seconds,
    "video/mp4": _mp4_seconds,
    "audio/ogg": _ogg_seconds,
    "video/webm": _webm_seconds,
}
