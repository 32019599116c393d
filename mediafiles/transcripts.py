"""Transcripts: WebVTT files read into timed passages, and plain text.

webvtt-py reads the parts (https://www.w3.org/TR/webvtt1/#file-structure): which blocks are
notes, styles and regions, the cue timings and their timestamps, and the cue text without its
voice and styling tags. The walk over the blocks stays ours, because every mistake is told in
Dutch with its line and passage number, which webvtt-py does not know (in strict mode it names
the block in English), and because webvtt-py lets through what players refuse or misread: a
header such as "WEBVTTX", a cue timing in the header, an end before the start, and a block of
text without a timing, which it leaves out without a word.
"""

import html
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from webvtt import Caption
from webvtt.errors import MalformedCaptionError
from webvtt.vtt import WebVTTCommentBlock, WebVTTCueBlock, WebVTTRegionBlock, WebVTTStyleBlock

from .uploads import CAPTIONS

HEADER = re.compile(r"\AWEBVTT(?:[ \t].*)?\Z")
SKIPPED_BLOCKS = (WebVTTCommentBlock, WebVTTStyleBlock, WebVTTRegionBlock)


def read_cues(document):
    """The passages of a WebVTT document as [{"start": seconds, "end": seconds, "text": str}].

    Raises ValidationError with a Dutch message when the file is not valid WebVTT.
    """
    try:
        with document.file.open("rb") as file:
            data = file.read(CAPTIONS.max_size + 1)
    except (OSError, ValueError):
        raise ValidationError(
            _("Het bestand met de uitgeschreven tekst is niet gevonden. Upload het opnieuw."),
            code="transcript_missing",
        ) from None
    if len(data) > CAPTIONS.max_size:
        raise ValidationError(
            _("Dit WebVTT-bestand is te groot; het mag hoogstens %(size)s MB zijn."),
            code="transcript_size",
            params={"size": CAPTIONS.max_size // (1024 * 1024)},
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Dit WebVTT-bestand is niet als UTF-8 opgeslagen. Sla het op als UTF-8."),
            code="transcript_encoding",
        ) from None
    return parse_webvtt(text)


def parse_webvtt(text):
    """The cues of WebVTT `text` (a str), in file order; see read_cues."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not HEADER.match(lines[0]):
        raise ValidationError(
            _("Regel 1: een WebVTT-bestand begint met de regel WEBVTT; die ontbreekt."),
            code="transcript_header",
        )
    header = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    timing_in_header = next((i for i in range(1, header) if "-->" in lines[i]), None)
    if timing_in_header is not None:
        raise ValidationError(
            _("Regel %(line)s: tussen de regel WEBVTT en de eerste passage hoort een lege regel."),
            code="transcript_blank_line",
            params={"line": timing_in_header + 1},
        )
    cues = []
    for first_line, block in _blocks(lines):
        if any(kind.is_valid(block) for kind in SKIPPED_BLOCKS):
            continue
        cue = _read_cue(block, first_line, number=len(cues) + 1)
        if cue["text"]:
            cues.append(cue)
    if not cues:
        raise ValidationError(
            _("Dit WebVTT-bestand bevat geen passages met tekst."), code="transcript_empty"
        )
    return cues


def _blocks(lines):
    """(line number of its first line, its lines) of every block after the header block."""
    block, start = [], None
    in_header = True
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            if not in_header:
                yield start, block
            block, in_header = [], False
        else:
            in_header = False
    if block and not in_header:
        yield start, block


def _read_cue(block, first_line, *, number):
    # The identifier line is optional: the timing is on the first or the second line.
    timing_index = 0 if "-->" in block[0] else 1
    line_number = first_line + timing_index
    if timing_index >= len(block) or "-->" not in block[timing_index]:
        raise ValidationError(
            _(
                "Regel %(line)s (passage %(cue)s): hier hoort een tijdcode te staan, "
                "zoals 00:01:23.000 --> 00:01:27.500."
            ),
            code="transcript_timing",
            params={"line": first_line + min(1, len(block) - 1), "cue": number},
        )
    caption = _caption(block[: timing_index + 1])
    if caption is None:
        raise ValidationError(
            _(
                "Regel %(line)s (passage %(cue)s): de tijdcode “%(timing)s” klopt niet. "
                "Schrijf tijden als 00:01:23.000 of 01:23.000."
            ),
            code="transcript_timing",
            params={"line": line_number, "cue": number, "timing": block[timing_index].strip()},
        )
    start, end = _seconds(caption.start_time), _seconds(caption.end_time)
    if end <= start:
        raise ValidationError(
            _("Regel %(line)s (passage %(cue)s): de eindtijd moet na de begintijd liggen."),
            code="transcript_timing",
            params={"line": line_number, "cue": number},
        )
    payload = block[timing_index + 1 :]
    if any("-->" in line for line in payload):
        raise ValidationError(
            _(
                "Regel %(line)s (passage %(cue)s): er ontbreekt een lege regel tussen "
                "deze passage en de volgende."
            ),
            code="transcript_blank_line",
            params={
                "line": line_number
                + 1
                + next(i for i, line in enumerate(payload) if "-->" in line),
                "cue": number,
            },
        )
    caption.text = "\n".join(payload)
    return {"start": start, "end": end, "text": _cue_text(caption)}


def _caption(lines):
    """The cue of an identifier (optional) and a timing line, as webvtt-py reads it in its strict
    mode (timestamps as WebVTT writes them, minutes and seconds below 60); None if it cannot."""
    if not WebVTTCueBlock.is_valid(lines, strict=True):
        return None
    block = WebVTTCueBlock.from_lines(lines)
    try:
        return Caption(block.start, block.end, identifier=block.identifier)
    except MalformedCaptionError:
        return None


def _seconds(timestamp):
    return timestamp.in_milliseconds() / 1000


def _cue_text(caption):
    """The plain text of a cue: tags such as <v Anna>, <i> and <00:01.000> taken out (webvtt-py),
    entities (&amp;, &lt;) decoded, whitespace collapsed to single spaces."""
    return " ".join(html.unescape(caption.text).split())


def format_time(seconds):
    """A moment as people read it: 0:07, 1:23, 1:02:03."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02}:{seconds:02}"
    return f"{minutes}:{seconds:02}"


def transcript_text(cues, transcript=""):
    """The transcript as plain text, for search: the passages joined, or the plain text."""
    if cues:
        return "\n".join(cue["text"] for cue in cues)
    return transcript or ""


def passage_anchor(number):
    """The id of the `number`th passage (from 1) on its page: `passage-3`."""
    return f"passage-{number}"


def passages(cues, media_url=""):
    """The cues as the page shows them: with their anchor, their time as text and a link to
    their moment in the media file (a media fragment, for browsers without JavaScript)."""
    return [
        {
            **cue,
            "number": number,
            "anchor": passage_anchor(number),
            "second": int(cue["start"]),
            "time": format_time(cue["start"]),
            "link": f"{media_url}#t={int(cue['start'])}" if media_url else "",
        }
        for number, cue in enumerate(cues, start=1)
    ]
