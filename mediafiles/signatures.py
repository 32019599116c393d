"""What a file really is, read from its first bytes rather than its name.

puremagic reads the signatures (JPEG, PNG, GIF, WebP, PDF, MP3 with an ID3 tag, FLAC, WAV, AVI,
ZIP). What stays ours, because puremagic cannot tell:

- MP4-family files (ISO base media): puremagic matches the size of the "ftyp" box as well as
  its brand, ranks "MPEG-4 video" as high as the brand's own type and knows some brands not
  (mif1); the brands that settle it and the handlers of the tracks do. An MP4 whose tracks are
  all sound is audio/mp4, which no library tells apart.
- MPEG audio without an ID3 tag: puremagic takes any file starting with FF FB for an MP3; we
  check the frame header's fields, and tell AAC (ADTS) frames apart.
- Ogg: puremagic calls every Ogg stream Vorbis; a Theora header makes it a video.
- Matroska: WebM or MKV by the DocType in the EBML header, read with enzyme (puremagic looks
  for "matroska" at two fixed places only, and takes every other EBML file for WebM).
- Text: WebVTT (its header must be followed by a space or a line break, and may follow a
  byte order mark), HTML and SVG (after white space, in any case) and plain UTF-8 text, which
  has no signature at all.
"""

import io
import os
import re
import struct

import puremagic
from django.utils.translation import gettext_lazy as _
from enzyme.exceptions import Error as EnzymeError
from enzyme.parsers import ebml

# Enough for WebM's DocType and MP4's list of brands, and for puremagic's signatures.
HEAD_SIZE = 8192
# The types we tell apart, as people read them in a message about a file of the wrong type.
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
# puremagic's names for types we name otherwise.
SAME_TYPES = {
    "audio/wave": "audio/wav",
    "audio/x-wav": "audio/wav",
    "video/avi": "video/x-msvideo",
    "image/heic": "image/heif",
}
# Text types are told by _text_type, which reads the text rather than a fixed signature.
TEXT_TYPES = {"text/vtt", "text/html", "image/svg+xml", "text/plain"}
# puremagic names a ZIP file after the first format built on ZIP it knows (Word, Java, ...).
ZIP_MAGIC = b"PK\x03\x04"
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
MATROSKA_TYPES = {"webm": "video/webm", "matroska": "video/x-matroska"}
# Matroska's elements (https://www.matroska.org/technical/elements.html): id -> type, name, level.
MATROSKA = ebml.get_matroska_specs()
UTF8_BOM = b"\xef\xbb\xbf"
WEBVTT_MAGIC = re.compile(rb"WEBVTT(?:[ \t\r\n]|$)")

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
# Boxes looked at on each level of an MP4 file, so a crafted file cannot keep us reading.
MAX_BOXES = 16


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


def file_size(file):
    """The size of an open file in bytes, without moving its position."""
    size = getattr(file, "size", None)
    if size is None:
        position = file.tell()
        size = file.seek(0, os.SEEK_END)
        file.seek(position)
    return size


def _type_from_head(head):
    if _is_frame_sync(head):
        if _is_mpeg_audio_frame(head):
            return "audio/mpeg"
        return "audio/aac" if _is_adts_frame(head) else None
    if head.startswith(b"OggS"):
        return "video/ogg" if b"\x80theora" in head[:512] else "audio/ogg"
    if head.startswith(EBML_MAGIC):
        return MATROSKA_TYPES.get(_ebml_doctype(head))
    return _signature_type(head) or _text_type(head)


def _signature_type(head):
    """The type puremagic reads from the signature at the start of `head`, if it is one we
    tell apart; None for text and for anything else."""
    try:
        matches = puremagic.magic_string(head)
    except (puremagic.PureError, ValueError):
        return None
    for match in matches:  # best first
        if match.offset < 0:  # a signature at the end of a file: `head` is only its start
            continue
        if match.byte_match == ZIP_MAGIC:
            return "application/zip"
        mime = SAME_TYPES.get(match.mime_type, match.mime_type)
        if mime in DESCRIPTIONS and mime not in TEXT_TYPES:
            return mime
    return None


def _is_frame_sync(head):
    """Whether the file starts with the 11 bits that start an MPEG audio or ADTS frame."""
    return len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0


def _is_mpeg_audio_frame(head):
    """Whether the file starts with an MPEG audio frame header, as MP3s without ID3 tags do."""
    if len(head) < 4:
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
    try:
        header = ebml.parse_element(io.BytesIO(head), MATROSKA, load_children=True)
    except (EnzymeError, ValueError, struct.error):
        return None
    if header is None or header.name != "EBML":
        return None
    return header.get("DocType")


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
            size = (end if end is not None else file_size(file)) - position
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
