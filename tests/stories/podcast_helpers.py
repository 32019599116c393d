"""Podcast episodes with real audio and timed transcripts, for the podcast tests."""

import functools

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from demo.media import make_audio, make_captions
from tests.factories import PodcastPageFactory

PASSAGES = [
    "Welkom bij de podcast van Hart voor de Jeugd.",
    "Vandaag praten we over pleegzorg in de wijk.",
    "Een pleegmoeder vertelt hoe het wijkteam haar hielp.",
    "Tot de volgende keer.",
]
SECONDS_EACH = 4


@functools.cache
def audio(seconds, file_format):
    """Real audio made by ffmpeg, once per length and format for the whole test run."""
    return make_audio(seconds, file_format)


def upload(name, data):
    """A Wagtail document as the admin's upload form saves it: with its size and hash."""
    document = Document(title=name, file=ContentFile(data, name))
    document._set_document_file_metadata()
    document.save()
    return document


def episode_with_audio(
    *, seconds=8, file_format="mp3", passages=None, seconds_each=SECONDS_EACH, **fields
):
    """A published episode whose audio (and, given `passages`, WebVTT transcript) is real.

    Publishing cleans the page, which reads the audio's type and duration and the cues.
    """
    fields["audio_file"] = upload(f"aflevering.{file_format}", audio(seconds, file_format))
    if passages:
        fields["transcript_file"] = upload(
            "uitgeschreven-tekst.vtt", make_captions(passages, seconds_each=seconds_each)
        )
    episode = PodcastPageFactory(**fields)
    episode.refresh_from_db()  # publishing set the dates on the revision's copy
    return episode
