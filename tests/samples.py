"""Real small media files, built in memory, for upload and submission tests."""

import io
import struct
import zlib

from PIL import Image
from pillow_heif import register_heif_opener

register_heif_opener()  # Image.save(..., "HEIF") for the HEIC photos iPhones take


def image_bytes(image_format, size=(1600, 900), **options):
    buffer = io.BytesIO()
    picture = Image.linear_gradient("L").resize(size).convert("RGB")
    picture.save(buffer, image_format, **options)
    return buffer.getvalue()


def png_claiming_size(width, height):
    """A tiny real PNG whose header (IHDR) claims another size, with a correct checksum."""
    data = bytearray(image_bytes("PNG", size=(8, 8)))
    # Signature (8), chunk length (4), "IHDR" (4), then width and height; CRC after 13 bytes.
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def mp3_bytes(*, id3=True):
    """An ID3v2.4 tag and three silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz)."""
    tag = b"ID3\x04\x00\x00\x00\x00\x00\x00" if id3 else b""
    frame = b"\xff\xfb\x90\x64" + bytes(417 - 4)
    return tag + frame * 3


def box(box_type, payload=b""):
    return struct.pack(">I", 8 + len(payload)) + box_type + payload


def ftyp(major, *compatible):
    return box(b"ftyp", major + b"\x00\x00\x02\x00" + b"".join(compatible))


def track(handler):
    hdlr = box(b"hdlr", bytes(8) + handler + bytes(12) + b"Handler\x00")
    return box(b"trak", box(b"tkhd", bytes(84)) + box(b"mdia", box(b"mdhd", bytes(24)) + hdlr))


def m4a_bytes():
    return ftyp(b"M4A ", b"M4A ", b"isom", b"iso2") + box(b"mdat", bytes(64))


def mp4_bytes():
    """An MP4 whose movie header says it plays 2 seconds (timescale 1000, duration 2000)."""
    mvhd = box(b"mvhd", bytes(12) + struct.pack(">II", 1000, 2000) + bytes(80))
    brands = ftyp(b"isom", b"isom", b"iso2", b"avc1", b"mp41")
    return brands + box(b"moov", mvhd) + box(b"mdat", bytes(64))


def ogg_opus_bytes():
    """The first Ogg page of an Opus stream (its checksum is not checked)."""
    opus_head = b"OpusHead" + struct.pack("<BBHIhB", 1, 2, 312, 48000, 0, 0)
    page = b"OggS\x00\x02" + bytes(8) + b"\x01\x00\x00\x00" + bytes(8) + b"\x01"
    return page + bytes([len(opus_head)]) + opus_head


def ebml_bytes(doctype=b"webm"):
    elements = (
        b"\x42\x86\x81\x01"  # EBMLVersion 1
        + b"\x42\xf7\x81\x01"  # EBMLReadVersion 1
        + b"\x42\xf2\x81\x04"  # EBMLMaxIDLength 4
        + b"\x42\xf3\x81\x08"  # EBMLMaxSizeLength 8
        + b"\x42\x82"
        + bytes([0x80 | len(doctype)])
        + doctype
        + b"\x42\x87\x81\x04"  # DocTypeVersion 4
        + b"\x42\x85\x81\x02"  # DocTypeReadVersion 2
    )
    segment = b"\x18\x53\x80\x67\x01\xff\xff\xff\xff\xff\xff\xff"
    return b"\x1a\x45\xdf\xa3" + bytes([0x80 | len(elements)]) + elements + segment


PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nWelkom bij ons webinar over één gezin.\n"
