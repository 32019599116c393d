import functools
import importlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponseForbidden
from django.test import RequestFactory, override_settings
from django.urls import clear_url_caches, resolve, reverse
from django.utils.http import http_date
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import hartvoordejeugd.urls
from core.ranges import serve_media_file
from demo.media import make_audio, make_captions, make_video
from tests.factories import ImageFactory

# Long enough that a range spans several of the chunks a part is streamed in.
AUDIO_SECONDS = 30


@functools.cache
def podcast_audio():
    return make_audio(AUDIO_SECONDS, "mp3")


@functools.cache
def vlog_video():
    return make_video(2, "webm")


def admin_upload(client, name, content, collection=None):
    collection = collection or Collection.get_first_root_node()
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": collection.pk},
    )
    assert response.status_code == 302
    return get_document_model().objects.get(title=name)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def podcast(editor_client):
    """A real MP3 uploaded through the admin by an editor, who then logs out: the tests' client
    asks for it as an anonymous visitor."""
    document = admin_upload(editor_client, "aflevering.mp3", podcast_audio())
    editor_client.logout()
    return document


def get(client, document, range_header=None, **headers):
    if range_header is not None:
        headers["Range"] = range_header
    return client.get(document.url, headers=headers)


# --- Parts of the file ------------------------------------------------------------------------


def test_the_document_url_is_served_by_the_ranged_view(podcast):
    assert podcast.url == f"/documenten/{podcast.pk}/{podcast.filename}"
    assert resolve(podcast.url).func.__name__ == "serve_document"


@pytest.mark.parametrize(
    ("range_header", "first", "last"),
    [
        ("bytes=100-199", 100, 199),
        ("bytes=0-0", 0, 0),
        ("bytes=1000-150000", 1000, 150000),
        ("bytes=150000-", 150000, None),
        ("bytes=-500", -500, None),
        ("bytes=5000-99999999", 5000, None),
    ],
)
def test_a_range_request_returns_206_with_exactly_those_bytes(
    client, podcast, range_header, first, last
):
    data = podcast_audio()
    size = len(data)
    expected = data[first : None if last is None else last + 1]
    start = first % size
    end = start + len(expected) - 1

    response = get(client, podcast, range_header)

    assert response.status_code == 206
    assert body(response) == expected
    assert response["Content-Range"] == f"bytes {start}-{end}/{size}"
    assert response["Content-Length"] == str(len(expected))
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "audio/mpeg"


def test_a_suffix_longer_than_the_file_returns_the_whole_file_as_a_part(client, podcast):
    size = len(podcast_audio())

    response = get(client, podcast, f"bytes=-{size + 1000}")

    assert response.status_code == 206
    assert body(response) == podcast_audio()
    assert response["Content-Range"] == f"bytes 0-{size - 1}/{size}"


@pytest.mark.parametrize("range_header", ["bytes={size}-", "bytes={size}-{size}", "bytes=-0"])
def test_a_range_outside_the_file_is_refused_with_416_and_the_size(client, podcast, range_header):
    size = len(podcast_audio())

    response = get(client, podcast, range_header.format(size=size))

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"
    assert response.content == b""


@pytest.mark.parametrize(
    "range_header",
    ["bytes=abc", "items=0-10", "bytes=500-100", "bytes=0-10,20-30", "bytes=-", ""],
)
def test_an_unusable_range_header_gets_the_whole_file(client, podcast, range_header):
    response = get(client, podcast, range_header)

    assert response.status_code == 200
    assert body(response) == podcast_audio()
    assert response["Accept-Ranges"] == "bytes"


def test_without_a_range_the_whole_file_is_sent_to_be_played_inline(client, podcast):
    response = get(client, podcast)

    assert response.status_code == 200
    assert body(response) == podcast_audio()
    assert response["Content-Length"] == str(len(podcast_audio()))
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "audio/mpeg"
    assert response["Content-Disposition"] == f'inline; filename="{podcast.filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_video_and_captions_get_their_type_from_their_content(editor_client):
    video = admin_upload(editor_client, "vlog.webm", vlog_video())
    captions = admin_upload(editor_client, "ondertitels.vtt", make_captions(["Welkom."]))

    video_response = get(editor_client, video, "bytes=0-99")
    captions_response = get(editor_client, captions)

    assert video_response.status_code == 206
    assert body(video_response) == vlog_video()[:100]
    assert video_response["Content-Type"] == "video/webm"
    assert video_response["Content-Disposition"].startswith("inline")
    assert body(captions_response).startswith(b"WEBVTT")
    assert captions_response["Content-Type"] == "text/vtt; charset=utf-8"
    assert captions_response["Content-Disposition"].startswith("inline")


# --- If-Range ---------------------------------------------------------------------------------


def test_if_range_with_the_current_etag_returns_the_part(client, podcast):
    etag = get(client, podcast)["ETag"]
    assert etag == f'"{podcast.file_hash}"'

    response = get(client, podcast, "bytes=10-19", **{"If-Range": etag})

    assert response.status_code == 206
    assert body(response) == podcast_audio()[10:20]


@pytest.mark.parametrize("if_range", ['"een-oudere-versie"', 'W/"{hash}"'])
def test_if_range_with_another_or_a_weak_etag_returns_the_whole_file(client, podcast, if_range):
    response = get(
        client, podcast, "bytes=10-19", **{"If-Range": if_range.format(hash=podcast.file_hash)}
    )

    assert response.status_code == 200
    assert body(response) == podcast_audio()


def test_if_range_with_the_last_modified_date_returns_the_part(client, podcast):
    last_modified = get(client, podcast)["Last-Modified"]

    response = get(client, podcast, "bytes=10-19", **{"If-Range": last_modified})

    assert response.status_code == 206
    assert body(response) == podcast_audio()[10:20]


def test_if_range_with_an_older_date_returns_the_whole_file(client, podcast):
    response = get(client, podcast, "bytes=10-19", **{"If-Range": http_date(0)})

    assert response.status_code == 200
    assert body(response) == podcast_audio()


# --- Wagtail's checks still apply -------------------------------------------------------------


def test_a_document_in_a_collection_for_logged_in_users_is_not_sent_to_anonymous_visitors(
    client, editor_client
):
    collection = Collection.get_first_root_node().add_child(name="Alleen voor leden")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = admin_upload(editor_client, "besloten.mp3", podcast_audio(), collection)
    editor_client.logout()

    response = get(client, document, "bytes=0-99")

    assert response.status_code == 302
    assert response["Location"].endswith(f"login/?next={document.url}")


def test_a_before_serve_document_hook_can_still_refuse_a_range_request(client, podcast):
    def refuse(document, request):
        return HttpResponseForbidden("Nee")

    with hooks.register_temporarily("before_serve_document", refuse):
        response = get(client, podcast, "bytes=0-99")

    assert response.status_code == 403


def test_a_document_url_with_another_filename_is_not_found(client, podcast):
    response = client.get(
        f"/documenten/{podcast.pk}/iets-anders.mp3", headers={"Range": "bytes=0-9"}
    )

    assert response.status_code == 404


def test_an_unchanged_file_is_not_sent_again(client, podcast):
    etag = get(client, podcast)["ETag"]

    response = get(client, podcast, "bytes=0-9", **{"If-None-Match": etag})

    assert response.status_code == 304


# --- MEDIA_URL under `make run` ---------------------------------------------------------------


def test_image_renditions_under_debug_answer_range_requests(settings, db):
    rendition = ImageFactory().get_rendition("fill-160x90")
    content = rendition.file.open("rb").read()
    request = RequestFactory().get(
        f"/media/{rendition.file.name}", headers={"Range": "bytes=20-29"}
    )

    response = serve_media_file(request, rendition.file.name, document_root=settings.MEDIA_ROOT)

    assert response.status_code == 206
    assert body(response) == content[20:30]
    assert response["Content-Range"] == f"bytes 20-29/{len(content)}"


def test_media_files_under_debug_are_routed_to_the_ranged_view():
    try:
        with override_settings(DEBUG=True):
            importlib.reload(hartvoordejeugd.urls)
            clear_url_caches()
            match = resolve("/media/images/foto.fill-160x90.png")
    finally:
        importlib.reload(hartvoordejeugd.urls)
        clear_url_caches()

    assert match.func is serve_media_file
