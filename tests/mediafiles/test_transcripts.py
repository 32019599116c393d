"""WebVTT transcripts read into timed passages, with a Dutch message for every mistake."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from demo.media import make_captions
from mediafiles.transcripts import (
    format_time,
    parse_webvtt,
    passages,
    read_cues,
    transcript_text,
)

FULL_EXAMPLE = """\ufeffWEBVTT - Aflevering 3 over pleegzorg
Kind: captions
Language: nl

STYLE
::cue { color: yellow }

REGION
id:spreker width:40%

NOTE De redactie heeft dit bestand nagekeken.
Ook over meerdere regels.

1
00:00.000 --> 00:04.250 align:start position:10%
<v Anna>Welkom bij de podcast</v>
van <i>Hart voor de Jeugd</i>.

NOTE tussen passages

intro-twee
00:00:04.250 --> 00:00:09.000
Vandaag: pleegzorg &amp; het wijkteam &lt;samen&gt;.

01:02:03.500 --> 01:02:05.000 line:0
<c.geel>Tot&nbsp;de volgende keer</c>, <00:01:02.000>dag!
"""


def errors_of(text):
    with pytest.raises(ValidationError) as caught:
        parse_webvtt(text)
    return " ".join(caught.value.messages)


def test_a_full_webvtt_file_gives_every_cue_with_its_times_and_plain_text():
    cues = parse_webvtt(FULL_EXAMPLE)

    assert cues == [
        {"start": 0.0, "end": 4.25, "text": "Welkom bij de podcast van Hart voor de Jeugd."},
        {"start": 4.25, "end": 9.0, "text": "Vandaag: pleegzorg & het wijkteam <samen>."},
        {"start": 3723.5, "end": 3725.0, "text": "Tot de volgende keer, dag!"},
    ]


def test_windows_and_old_mac_line_endings_read_the_same_as_unix_ones():
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nEen\nregel\n\n00:02.000 --> 00:03.000\nTwee\n"

    assert parse_webvtt(text.replace("\n", "\r\n")) == parse_webvtt(text)
    assert parse_webvtt(text.replace("\n", "\r")) == parse_webvtt(text)
    assert parse_webvtt(text)[0]["text"] == "Een regel"


def test_cues_without_text_are_left_out():
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<i></i>\n\n00:02.000 --> 00:03.000\nWel tekst\n"

    assert [cue["text"] for cue in parse_webvtt(text)] == ["Wel tekst"]


def test_the_lead_s_demo_captions_read_back_as_their_passages():
    cues = parse_webvtt(make_captions(["Eerste passage", "Tweede passage"]).decode())

    assert cues == [
        {"start": 0.0, "end": 4.0, "text": "Eerste passage"},
        {"start": 4.0, "end": 8.0, "text": "Tweede passage"},
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Regel 1: een WebVTT-bestand begint met de regel WEBVTT"),
        ("1\n00:00:01,000 --> 00:00:02,000\nSRT\n", "Regel 1: een WebVTT-bestand begint"),
        ("WEBVTTX\n\n00:01.000 --> 00:02.000\nTekst\n", "Regel 1: een WebVTT-bestand begint"),
        (
            "WEBVTT\n00:01.000 --> 00:02.000\nTekst\n",
            "Regel 2: tussen de regel WEBVTT en de eerste passage hoort een lege regel",
        ),
        (
            "WEBVTT\n\n00:01.000 --> 00:02.000\nEen\n\n00:00:61.000 --> 00:01:02.000\nTwee\n",
            "Regel 6 (passage 2): de tijdcode “00:00:61.000 --> 00:01:02.000” klopt niet",
        ),
        (
            "WEBVTT\n\n00:01 --> 00:02\nTekst\n",
            "Regel 3 (passage 1): de tijdcode “00:01 --> 00:02” klopt niet",
        ),
        (
            "WEBVTT\n\n00:05.000 --> 00:02.000\nTekst\n",
            "Regel 3 (passage 1): de eindtijd moet na de begintijd liggen",
        ),
        (
            "WEBVTT\n\nalleen-een-naam\nen dan tekst\n",
            "Regel 4 (passage 1): hier hoort een tijdcode te staan",
        ),
        (
            "WEBVTT\n\n00:01.000 --> 00:02.000\nEen\n00:02.000 --> 00:03.000\nTwee\n",
            "Regel 5 (passage 1): er ontbreekt een lege regel",
        ),
        ("WEBVTT\n\nNOTE alleen een notitie\n", "bevat geen passages met tekst"),
    ],
)
def test_a_mistake_is_reported_in_dutch_with_its_line_and_passage(text, message):
    assert message in errors_of(text)


@pytest.mark.django_db
def test_read_cues_reads_the_file_of_a_document():
    document = Document.objects.create(
        title="Ondertitels",
        file=ContentFile(b"\xef\xbb\xbfWEBVTT\n\n00:01.000 --> 00:03.000\nHallo\n", "a.vtt"),
    )

    assert read_cues(document) == [{"start": 1.0, "end": 3.0, "text": "Hallo"}]


@pytest.mark.django_db
def test_a_document_that_is_not_utf8_is_refused_in_dutch():
    document = Document.objects.create(
        title="Latin-1",
        file=ContentFile("WEBVTT\n\n00:01.000 --> 00:03.000\nCafé\n".encode("latin-1"), "a.vtt"),
    )

    with pytest.raises(ValidationError, match="niet als UTF-8 opgeslagen"):
        read_cues(document)


@pytest.mark.django_db
def test_a_document_whose_file_is_gone_is_refused_in_dutch():
    document = Document.objects.create(
        title="Weg", file=ContentFile(b"WEBVTT\n\n00:01.000 --> 00:03.000\nHoi\n", "weg.vtt")
    )
    document.file.storage.delete(document.file.name)

    with pytest.raises(ValidationError, match="niet gevonden"):
        read_cues(document)


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, "0:00"), (7.9, "0:07"), (83, "1:23"), (600, "10:00"), (3723.5, "1:02:03")],
)
def test_a_moment_is_written_as_people_read_it(seconds, expected):
    assert format_time(seconds) == expected


def test_the_text_for_search_is_the_passages_or_else_the_plain_transcript():
    cues = [{"start": 0, "end": 1, "text": "Een"}, {"start": 1, "end": 2, "text": "Twee"}]

    assert transcript_text(cues, "Platte tekst") == "Een\nTwee"
    assert transcript_text([], "Platte tekst") == "Platte tekst"
    assert transcript_text([], "") == ""


def test_each_passage_links_to_its_moment_in_the_media_file():
    [first, second] = passages(
        [{"start": 0.5, "end": 4, "text": "Een"}, {"start": 83.2, "end": 90, "text": "Twee"}],
        "/documenten/3/aflevering.mp3",
    )

    assert first["link"] == "/documenten/3/aflevering.mp3#t=0"
    assert (second["anchor"], second["time"], second["link"]) == (
        "passage-2",
        "1:23",
        "/documenten/3/aflevering.mp3#t=83",
    )
