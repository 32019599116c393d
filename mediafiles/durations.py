"""How long an audio or video file plays, read from the file, and whether it is whole."""

import datetime
import math
import struct

from mutagen import MutagenError
from mutagen.mp3 import MP3, MPEGFrame
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from .signatures import EBML_MAGIC, ebml_vint, file_size

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


def _mp3_seconds(file):
    audio = MP3(file)
    _check_mpeg_frames(file, audio.info.frame_offset)
    _check_xing_byte_count(file, audio.info.frame_offset)
    return audio.info.length


def _check_mpeg_frames(file, offset):
    """Follows the first frames from `offset`; raises ValueError when one does not line up."""
    size = file_size(file)
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
    if byte_count > file_size(file):
        raise ValueError("the MP3 is shorter than its Xing header says")


def _mp4_seconds(file):
    """The length mutagen reads (audio track, else the movie header), if all boxes are there."""
    size = file_size(file)
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
    size = file_size(file)
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
    size = file_size(file)
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
    id_length = ebml_vint(head, 0)
    if id_length is None or id_length[1] > 4:
        return None
    size = ebml_vint(head, id_length[1])
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
        id_length = ebml_vint(info, position)
        size = id_length and ebml_vint(info, position + id_length[1])
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
