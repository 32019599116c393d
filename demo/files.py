"""The demo stories' images and documents: illustrations, audio, video, captions and slides.

Each is stored once, under its title, so that running `load_demo` again adds nothing.
"""

import io
import re

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from demo import media
from demo.content.recordings import (
    CAPTION_SECONDS,
    PODCAST_MEDIA,
    PODCAST_PASSAGE_SECONDS,
    TAIL_SECONDS,
    VLOG_MEDIA,
    WEBINAR_MEDIA,
)
from demo.slides import make_slides
from stories.illustrations import draw_illustration

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def illustration_png(seed, title, drawing_version):
    """The PNG bytes of a demo illustration; `drawing_version` only keys the cache."""
    drawing = draw_illustration(seed, title)
    drawing.seek(0)
    return drawing.read()


def demo_image(title, seed):
    """The Wagtail image called `title`; drawn from `seed` if missing."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        # Drawn once per machine: load_demo runs before every browser test.
        png = media.cached(illustration_png, seed, title, media.source_version(draw_illustration))
        image.file = ImageFile(io.BytesIO(png), name=f"{slugify(title)[:40] or 'illustratie'}.png")
        image.save()
    return image


def demo_document(title, filename, make, *, editor):
    """The Wagtail document called `title`; made from the bytes `make()` returns if missing."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        content = ContentFile(make(), name=filename)
        document = Document(
            title=title,
            file=content,
            file_size=content.size,
            file_hash=hash_filelike(content),
            uploaded_by_user=editor,
        )
        document.save()
    return document


def story_document(data, kind, extension, make, *, editor):
    """A demo document for the story of `data`, e.g. "Titel (audio)"."""
    return demo_document(
        f"{data['title']} ({kind})",
        f"{data['slug']}.{extension}",
        make,
        editor=editor,
    )


def sentences(text):
    return [sentence for sentence in SENTENCE_END.split(text.strip()) if sentence]


def podcast_files(data, *, editor, with_media):
    """An episode's audio and its timed transcript, whose passages all fall inside it."""
    recording = PODCAST_MEDIA.get(data["slug"])
    if recording is None:
        return {"transcript": data["transcript"]}
    passages = recording["passages"]
    fields = {"transcript": "\n\n".join(passages)}
    if not with_media:
        return fields
    seconds = PODCAST_PASSAGE_SECONDS * len(passages) + TAIL_SECONDS
    file_format = recording["format"]
    fields["audio_file"] = story_document(
        data,
        "audio",
        file_format,
        lambda: media.cached(media.make_audio, seconds, file_format),
        editor=editor,
    )
    fields["transcript_file"] = story_document(
        data,
        "uitgeschreven tekst",
        "vtt",
        lambda: media.make_captions(passages, seconds_each=PODCAST_PASSAGE_SECONDS),
        editor=editor,
    )
    return fields


def vlog_files(data, *, editor, with_media):
    """A vlog's video with captions (its transcript, a sentence at a time), or its link."""
    recording = VLOG_MEDIA.get(data["slug"], {})
    if "video_url" in recording:
        return {"video_url": recording["video_url"]}
    if not with_media or not recording:
        return {}
    captions = sentences(data["transcript"])
    seconds = CAPTION_SECONDS * len(captions) + TAIL_SECONDS
    file_format = recording["format"]
    return {
        "video_file": story_document(
            data,
            "video",
            file_format,
            lambda: media.cached(
                media.make_video,
                seconds,
                file_format,
                title=data["title"],
                colour=recording["colour"],
            ),
            editor=editor,
        ),
        "captions": story_document(
            data,
            "ondertiteling",
            "vtt",
            lambda: media.make_captions(captions, seconds_each=CAPTION_SECONDS),
            editor=editor,
        ),
        "poster_image": demo_image(
            f"{data['title']} (voorbeeldafbeelding)", seed=f"{data['slug']}-poster"
        ),
    }


def webinar_files(data, *, editor, with_media):
    """A past webinar's recording (a video or a link) and its slides."""
    extra = WEBINAR_MEDIA.get(data["slug"])
    if extra is None:
        return {}
    fields = {
        "slides": demo_document(
            f"{data['title']} (presentatie)",
            f"{data['slug']}-presentatie.pdf",
            lambda: media.cached(make_slides, data["title"], data["speakers"], extra["slides"]),
            editor=editor,
        )
    }
    recording = extra["recording"]
    if "url" in recording:
        fields["recording_url"] = recording["url"]
    elif with_media:
        fields["recording_file"] = story_document(
            data,
            "opname",
            recording["format"],
            lambda: media.cached(
                media.make_video,
                recording["seconds"],
                recording["format"],
                title=data["title"],
                colour=recording["colour"],
            ),
            editor=editor,
        )
    return fields
