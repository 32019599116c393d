"""Checks and clean-up for files members and editors upload."""

import io

from django.core.files.uploadedfile import InMemoryUploadedFile
from PIL import Image, ImageOps

# Formats we re-encode without metadata; others (animated images) are stored as they are.
REENCODE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def strip_image_metadata(file):
    """The same picture without EXIF (GPS, camera), XMP or comments, upright as it was shown."""
    file.seek(0)
    with Image.open(file) as original:
        image_format = original.format
        if image_format not in REENCODE_FORMATS or getattr(original, "is_animated", False):
            file.seek(0)
            return file
        icc_profile = original.info.get("icc_profile")
        upright = ImageOps.exif_transpose(original)
        # A new image from the bare pixels carries none of the original's metadata.
        clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
        if upright.mode == "P":
            clean.putpalette(upright.getpalette())
            if "transparency" in upright.info:
                clean.info["transparency"] = upright.info["transparency"]
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "JPEG":
        options.update(quality=92, optimize=True)
    buffer = io.BytesIO()
    clean.save(buffer, format=image_format, **options)
    name = getattr(file, "name", None) or "afbeelding"
    return InMemoryUploadedFile(
        buffer,
        "file",
        name.rsplit("/", 1)[-1],
        Image.MIME.get(image_format),
        buffer.tell(),
        None,
    )
