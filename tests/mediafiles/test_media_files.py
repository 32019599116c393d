import datetime
import functools
import hashlib
import io

import mutagen
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from demo.media import make_audio, make_captions, make_video
from mediafiles.details import MediaDetails, read_media_details
from mediafiles.durations import read_duration
from mediafiles.uploads import AUDIO, CAPTIONS, VIDEO, check_upload
from sharing.forms import PodcastForm, VlogForm
from tests.factories import PodcastPageFactory, VlogPageFactory
from tests.samples import PDF, ebml_bytes, image_bytes, m4a_bytes, ogg_opus_bytes

SECONDS = 3
AUDIO_FORMATS = ("mp3", "m4a", "ogg")
VIDEO_FORMATS = ("mp4", "webm")
MIME_TYPES = {
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "ogg": "audio/ogg",
    "mp4": "video/mp4",
    "webm": "video/webm",
}
DAMAGED_AUDIO = "Dit geluidsbestand is beschadigd of onvolledig"
DAMAGED_VIDEO = "Deze video is beschadigd of onvolledig"


@functools.cache
def media(file_format):
    """A real file of SECONDS seconds, made once per test run with the demo's ffmpeg."""
    if file_format in VIDEO_FORMATS:
        return make_video(SECONDS, file_format)
    return make_audio(SECONDS, file_format)


def kind_of(file_format):
    return VIDEO if file_format in VIDEO_FORMATS else AUDIO


def upload(name, content):
    return SimpleUploadedFile(name, content)


def truncated(content):
    return content[: len(content) // 2]


def garbage_after_header(content):
    noise = hashlib.shake_256(b"ruis").digest(len(content))  # the same noise every run
    return content[:200] + noise[200:]


def document(title, name, content):
    return get_document_model().objects.create(title=title, file=ContentFile(content, name=name))


def refusal(file, kind):
    with pytest.raises(ValidationError) as raised:
        check_upload(file, kind)
    return raised.value.code, raised.value.messages[0]


# --- Durations, read from the file ------------------------------------------------------------


@pytest.mark.parametrize("file_format", ["mp3", "m4a", "ogg", "mp4"])
def test_the_duration_is_what_mutagen_reads_and_what_was_recorded(file_format):
    content = media(file_format)

    duration = read_duration(io.BytesIO(content), MIME_TYPES[file_format])

    assert duration.total_seconds() == pytest.approx(mutagen.File(io.BytesIO(content)).info.length)
    assert abs(duration.total_seconds() - SECONDS) < 0.1


def test_the_duration_of_a_webm_video_is_read_from_its_segment_info():
    assert mutagen.File(io.BytesIO(media("webm"))) is None  # mutagen cannot read Matroska

    duration = read_duration(io.BytesIO(media("webm")), "video/webm")

    assert abs(duration.total_seconds() - SECONDS) < 0.1


def webm_with_info(info):
    """A WebM file whose segment holds only an Info element with these bytes."""
    segment_body = b"\x15\x49\xa9\x66" + bytes([0x80 | len(info)]) + info
    header = ebml_bytes()[: -len(b"\x18\x53\x80\x67\x01\xff\xff\xff\xff\xff\xff\xff")]
    return header + b"\x18\x53\x80\x67" + bytes([0x80 | len(segment_body)]) + segment_body


def test_a_webm_duration_is_scaled_by_its_timecode_scale():
    # Info holding TimecodeScale 1,000,000 ns and Duration 2500.0 (float): 2.5 seconds.
    info = b"\x2a\xd7\xb1\x83\x0f\x42\x40" + b"\x44\x89\x88" + bytes.fromhex("40a3880000000000")
    content = webm_with_info(info)

    assert read_duration(io.BytesIO(content), "video/webm") == datetime.timedelta(seconds=2.5)


@pytest.mark.parametrize(
    "info",
    [
        b"\x44\x89\x83\x00\x00\x01",  # a Duration of three bytes: no float has that size
        b"\x44\x89\x88\x40\xa3",  # a Duration claiming more bytes than Info holds
        b"\x2a\xd7\xb1\x83\x0f\x42\x40",  # a TimecodeScale and no Duration
    ],
)
def test_a_webm_with_a_damaged_duration_is_refused_as_damaged(info):
    content = webm_with_info(info)

    assert read_duration(io.BytesIO(content), "video/webm") is None
    assert refusal(upload("vlog.webm", content), VIDEO) == (
        "corrupt_media",
        "Deze video is beschadigd of onvolledig: de lengte is er niet uit te lezen. "
        "Sla hem opnieuw op of exporteer hem opnieuw en probeer het nog eens.",
    )


@pytest.mark.parametrize("file_format", AUDIO_FORMATS + VIDEO_FORMATS)
def test_a_documents_details_come_from_its_content_whatever_its_name(db, file_format):
    content = media(file_format)
    stored = document("Opname", "opname-zonder-extensie", content)

    details = read_media_details(stored, kind_of(file_format))

    assert details.mime_type == MIME_TYPES[file_format]
    assert details.size == len(content)
    assert abs(details.duration.total_seconds() - SECONDS) < 0.1
    assert isinstance(details, MediaDetails)


def test_a_document_whose_file_is_gone_is_reported_not_found(db):
    stored = document("Weg", "weg.mp3", media("mp3"))
    stored.file.storage.delete(stored.file.name)

    with pytest.raises(ValidationError) as raised:
        read_media_details(stored, AUDIO)

    assert raised.value.messages == [
        "Het bestand van dit document is niet gevonden. Upload het opnieuw."
    ]


# --- Refusing the wrong type and damaged files ------------------------------------------------


def test_an_image_named_mp3_is_refused_saying_it_looks_like_an_image():
    code, message = refusal(upload("gesprek.mp3", image_bytes("PNG")), AUDIO)

    assert code == "wrong_type"
    assert message == (
        "Dit bestand is geen geluidsbestand (MP3, M4A of Ogg). Het lijkt een PNG-afbeelding."
    )


def test_a_pdf_named_mp4_is_refused_saying_it_looks_like_a_pdf():
    code, message = refusal(upload("vlog.mp4", PDF), VIDEO)

    assert code == "wrong_type"
    assert message == "Dit bestand is geen video (MP4 of WebM). Het lijkt een PDF-document."


@pytest.mark.parametrize("file_format", AUDIO_FORMATS + VIDEO_FORMATS)
@pytest.mark.parametrize("damage", [truncated, garbage_after_header])
def test_a_damaged_file_is_refused_as_damaged_or_incomplete(file_format, damage):
    content = damage(media(file_format))

    code, message = refusal(upload(f"bestand.{file_format}", content), kind_of(file_format))

    assert code == "corrupt_media"
    assert message.startswith(DAMAGED_VIDEO if file_format in VIDEO_FORMATS else DAMAGED_AUDIO)


@pytest.mark.parametrize("file_format", AUDIO_FORMATS + VIDEO_FORMATS)
def test_a_file_missing_only_its_last_bytes_is_refused(file_format):
    content = media(file_format)[:-100]

    assert refusal(upload("bestand", content), kind_of(file_format))[0] == "corrupt_media"


@pytest.mark.parametrize(
    ("content", "kind"),
    [(m4a_bytes(), AUDIO), (ogg_opus_bytes(), AUDIO), (ebml_bytes(), VIDEO)],
)
def test_a_bare_header_without_a_duration_is_refused_as_damaged(content, kind):
    assert refusal(upload("bestand", content), kind)[0] == "corrupt_media"


def test_a_damaged_podcast_from_a_member_is_refused_on_the_audio_field():
    form = PodcastForm(
        data={"title": "Ons gesprek"},
        files={"audio_file": upload("gesprek.m4a", truncated(media("m4a")))},
    )

    assert not form.is_valid()
    assert form.errors["audio_file"][0].startswith(DAMAGED_AUDIO)
    assert form["title"].value() == "Ons gesprek"


def test_a_member_video_that_is_really_an_image_is_refused_on_the_video_field():
    form = VlogForm(data={}, files={"video_file": upload("vlog.webm", image_bytes("JPEG"))})

    assert not form.is_valid()
    assert form.errors["video_file"] == [
        "Dit bestand is geen video (MP4 of WebM). Het lijkt een JPEG-afbeelding."
    ]


# --- Pages read their media when they are saved -----------------------------------------------


def test_a_podcast_episode_gets_its_audio_type_and_duration_when_saved(db):
    page = PodcastPageFactory(audio_file=document("Aflevering", "aflevering.m4a", media("m4a")))

    page.refresh_from_db()
    assert page.audio_type == "audio/mp4"
    assert abs(page.duration.total_seconds() - SECONDS) < 0.1


def test_a_podcast_episode_with_a_document_that_is_not_audio_is_refused_on_its_audio_file(db):
    page = PodcastPageFactory()
    page.audio_file = document("Verslag", "verslag.mp3", PDF)

    with pytest.raises(ValidationError) as raised:
        page.full_clean()

    assert raised.value.message_dict["audio_file"] == [
        "Dit bestand is geen geluidsbestand (MP3, M4A of Ogg). Het lijkt een PDF-document."
    ]


def test_a_vlog_with_a_damaged_video_is_refused_on_its_video_file(db):
    page = VlogPageFactory()
    page.video_file = document("Vlog", "vlog.webm", truncated(media("webm")))

    with pytest.raises(ValidationError) as raised:
        page.full_clean()

    assert raised.value.message_dict["video_file"][0].startswith(DAMAGED_VIDEO)


# --- The admin's document upload --------------------------------------------------------------


def admin_upload(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": upload(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize("file_format", AUDIO_FORMATS + VIDEO_FORMATS)
def test_an_editor_can_upload_real_audio_and_video(editor_client, file_format):
    response = admin_upload(editor_client, f"opname.{file_format}", media(file_format))

    assert response.status_code == 302
    assert get_document_model().objects.get().file.size == len(media(file_format))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "liedje.mp3",
            image_bytes("PNG"),
            "Dit bestand is geen geluidsbestand (MP3, M4A of Ogg). Het lijkt een PNG-afbeelding.",
        ),
        (
            "webinar.mp4",
            PDF,
            "Dit bestand is geen video (MP4 of WebM). Het lijkt een PDF-document.",
        ),
        ("rapport.pdf", image_bytes("JPEG"), "Dit bestand is geen PDF-document."),
        (
            "ondertitels.vtt",
            b"1\n00:00:00,000 --> 00:00:02,500\nWelkom.\n",
            "Dit lijkt een SRT-bestand. Zet het om naar WebVTT (.vtt).",
        ),
    ],
)
def test_the_admin_refuses_a_document_that_is_not_what_its_name_says(
    editor_client, name, content, message
):
    response = admin_upload(editor_client, name, content)

    assert response.status_code == 200
    assert response.context["form"].errors["file"][0].startswith(message)
    assert response.context["form"]["title"].value() == name
    assert not get_document_model().objects.exists()


def test_the_admin_refuses_a_truncated_video(editor_client):
    response = admin_upload(editor_client, "webinar.mp4", truncated(media("mp4")))

    assert response.status_code == 200
    assert response.context["form"].errors["file"][0].startswith(DAMAGED_VIDEO)
    assert not get_document_model().objects.exists()


def test_the_admin_accepts_webvtt_captions_and_other_office_files_unchecked(editor_client):
    captions = make_captions(["Welkom.", "Tot de volgende keer."])
    assert check_upload(upload("ondertitels.vtt", captions), CAPTIONS) == "text/vtt"

    assert admin_upload(editor_client, "ondertitels.vtt", captions).status_code == 302
    assert admin_upload(editor_client, "lijst.csv", b"naam;regio\n").status_code == 302
    assert get_document_model().objects.count() == 2


def test_the_admins_multiple_upload_reports_a_damaged_file_in_dutch(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload("aflevering.ogg", garbage_after_header(media("ogg")))},
    )

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert response.json()["error_message"].startswith(DAMAGED_AUDIO)
    assert not get_document_model().objects.exists()


def test_the_admins_multiple_upload_accepts_a_real_podcast(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload("aflevering.ogg", media("ogg"))},
    )

    assert response.json()["success"] is True
    assert get_document_model().objects.get().file.size == len(media("ogg"))
