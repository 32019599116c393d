"""Images members and editors upload: checked before they are stored (damage, decompression
bombs, width) and stored without their metadata (GPS, camera)."""

import io
import os
import struct
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageOps
from pillow_heif import register_heif_opener

# HEIC photos, as iPhones take them (pillow-heif comes with Wagtail's Willow[heif]).
register_heif_opener()

# Formats we re-encode without metadata; others (animated images) are stored as they are.
REENCODE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "HEIF", "AVIF"}
# Formats we store as another: browsers other than Safari cannot show HEIC.
STORED_AS = {"HEIF": "JPEG"}
PILLOW_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "HEIF")
CORRUPT_IMAGE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)
SIDEWAYS_ORIENTATIONS = {5, 6, 7, 8}


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


def check_image(file, min_width):
    """Refuses an image that is too large in pixels, damaged, or narrower than `min_width`
    as shown (upright by its EXIF orientation)."""
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
