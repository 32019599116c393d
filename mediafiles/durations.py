"""How long an audio or video file plays, read from the file, and whether it is whole."""

import datetime
import io
import math
import struct

from enzyme.exceptions import Error as EnzymeError
from enzyme.parsers import ebml
from mutagen import MutagenError
from mutagen.mp3 import MP3, MPEGFrame
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from .signatures import MATROSKA, file_size

# What a damaged media file can make mutagen, enzyme or our own checks raise.
MEDIA_READ_ERRORS = (
    MutagenError,
    EnzymeError,
    OSError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    struct.error,
)
# MPEG audio frames followed from the first one, so garbage after a valid header is noticed.
MPEG_FRAMES_CHECKED = 8
# The largest Ogg page: a 27-byte header, a 255-entry segment table and 255 × 255 bytes.
OGG_MAX_PAGE = 27 + 255 + 255 * 255
OGG_END_OF_STREAM = 0x04
# What a Segment holds: its own elements and the two allowed anywhere.
SEGMENT_CHILDREN = {
    "SeekHead",
    "Info",
    "Tracks",
    "Cluster",
    "Cues",
    "Tags",
    "Chapters",
    "Attachments",
    "Void",
    "CRC-32",
}
# An element's size in all ones means "unknown", whatever the width it is written in.
UNKNOWN_SIZES = {2 ** (7 * width) - 1 for width in range(1, 9)}
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
    file.seek(0)
    header = _ebml_element(file)
    if header is None or header[0] != "EBML" or header[2] in UNKNOWN_SIZES:
        return None
    file.seek(header[1] + header[2])
    segment = _ebml_element(file)
    if segment is None or segment[0] != "Segment":
        return None
    _name, start, length = segment
    end = size if length in UNKNOWN_SIZES else start + length
    if end > size:
        return None  # cut off
    seconds, position = None, start
    for _element in range(MAX_EBML_ELEMENTS):
        if position >= end:
            break
        file.seek(position)
        element = _ebml_element(file)
        if element is None or element[0] not in SEGMENT_CHILDREN:
            return None
        name, data_start, length = element
        if length in UNKNOWN_SIZES:  # a live recording's open-ended cluster: nothing to check
            break
        if data_start + length > end:
            return None
        if name == "Info":
            seconds = _ebml_info_seconds(file, length)
        position = data_start + length
    return seconds


def _ebml_element(file):
    """(name, data start, data size) of the element at the file's position, its data unread;
    None when Matroska has no element of that id."""
    element_id = ebml.read_element_id(file)
    length = ebml.read_element_size(file)
    spec = MATROSKA.get(element_id)
    if spec is None or length is None:
        return None
    return spec[1], file.tell(), length


def _ebml_info_seconds(file, length):
    """The duration in the Info element whose data starts at the file's position."""
    if length > MAX_EBML_INFO_SIZE:
        return None
    info = ebml.MasterElement(size=length)
    # Read from memory, so that a child claiming more bytes than Info holds stops there.
    info.load(io.BytesIO(file.read(length)), MATROSKA)
    duration = info.get("Duration")
    if duration is None:
        return None
    return duration * info.get("TimecodeScale", DEFAULT_TIMECODE_SCALE) / 1e9


DURATION_READERS = {
    "audio/mpeg": _mp3_seconds,
    "audio/mp4": _mp4_seconds,
    "video/mp4": _mp4_seconds,
    "audio/ogg": _ogg_seconds,
    "video/webm": _webm_seconds,
}
