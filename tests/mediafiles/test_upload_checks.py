import functools
import io
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image, ImageFile

from demo.media import make_audio, make_video
from mediafiles.signatures import detect_file_type
from mediafiles.uploads import (
    AUDIO,
    CAPTIONS,
    DOCUMENT,
    IMAGE,
    MB,
    VIDEO,
    check_upload,
    format_size,
    hero_image_min_width,
)
from tests.samples import (
    PDF,
    VTT,
    box,
    ebml_bytes,
    ftyp,
    image_bytes,
    m4a_bytes,
    mp3_bytes,
    mp4_bytes,
    ogg_opus_bytes,
    png_claiming_size,
    track,
)

ORIENTATION = 0x0112


@functools.cache
def real_media(file_format):
    """A short real audio or video file, made once per test run by the demo's ffmpeg."""
    if file_format in {"mp4", "webm"}:
        return make_video(2, file_format)
    return make_audio(2, file_format)


def upload(name, content):
    return SimpleUploadedFile(name, content)


def refusal(file, kind, **options):
    with pytest.raises(ValidationError) as raised:
        check_upload(file, kind, **options)
    return raised.value.code, raised.value.messages[0]


@pytest.fixture
def no_decoding(monkeypatch):
    """Makes decoding pixels fail the test, to prove a check refuses from the header alone."""

    def load(self):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)


# --- Detecting the real type ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (image_bytes("JPEG"), "image/jpeg"),
        (image_bytes("PNG"), "image/png"),
        (image_bytes("WEBP"), "image/webp"),
        (image_bytes("GIF"), "image/gif"),
        (mp3_bytes(), "audio/mpeg"),
        (mp3_bytes(id3=False), "audio/mpeg"),
        (m4a_bytes(), "audio/mp4"),
        (ogg_opus_bytes(), "audio/ogg"),
        (mp4_bytes(), "video/mp4"),
        (ebml_bytes(), "video/webm"),
        (PDF, "application/pdf"),
        (VTT.encode(), "text/vtt"),
        (b"\xef\xbb\xbf" + VTT.encode(), "text/vtt"),
        (b"WEBVTT", "text/vtt"),
        (b"WEBVTT\tKop\n", "text/vtt"),
        (ebml_bytes(b"matroska"), "video/x-matroska"),
        (ftyp(b"qt  ", b"qt  ") + box(b"mdat"), "video/quicktime"),
        (ftyp(b"heic", b"mif1", b"heic"), "image/heif"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "audio/wav"),
        (b"RIFF\x24\x00\x00\x00AVI LIST", "video/x-msvideo"),
        (b"fLaC\x00\x00\x00\x22" + bytes(34), "audio/flac"),
        (b"\xff\xf1\x50\x80\x02\x1f\xfc", "audio/aac"),
        (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "image/svg+xml"),
        (b"<!DOCTYPE html><html><body>Hallo</body></html>", "text/html"),
        (b"Gewoon een briefje, geen foto.\n", "text/plain"),
        (bytes(range(256)), None),
        (b"", None),
    ],
)
def test_the_type_is_read_from_the_first_bytes(content, expected):
    assert detect_file_type(upload("bestand.bin", content)) == expected


def test_the_type_does_not_depend_on_the_name():
    assert detect_file_type(upload("verslag.pdf", image_bytes("PNG"))) == "image/png"
    assert detect_file_type(upload("foto.jpg", PDF)) == "application/pdf"


def test_webvtt_must_be_followed_by_a_space_or_line_break():
    assert detect_file_type(upload("x.vtt", b"WEBVTTX\n")) == "text/plain"


def test_a_reserved_mpeg_layer_is_not_taken_for_an_mp3():
    not_mp3 = b"\xff\xf9\x90\x64" + bytes(100)  # layer bits 00: reserved for MPEG audio
    assert detect_file_type(upload("x.mp3", not_mp3)) != "audio/mpeg"
    assert detect_file_type(upload("x.mp3", b"\xff\xfb\xf0\x64" + bytes(100))) is None


def test_an_mp4_with_a_generic_brand_and_only_a_sound_track_is_audio():
    # How phones often save voice recordings: brand mp42, the media first, the index last.
    content = (
        ftyp(b"mp42", b"isom", b"mp42")
        + box(b"mdat", bytes(5000))
        + box(b"moov", box(b"mvhd", bytes(100)) + track(b"soun"))
    )
    assert detect_file_type(upload("opname.m4a", content)) == "audio/mp4"


def test_an_mp4_with_a_video_track_after_its_sound_track_is_video():
    content = ftyp(b"isom", b"isom", b"M4A ") + box(
        b"moov", box(b"mvhd", bytes(100)) + track(b"soun") + track(b"vide")
    )
    assert detect_file_type(upload("film.mp4", content)) == "video/mp4"


def test_an_mp4_without_tracks_is_audio_when_it_lists_an_audio_brand():
    assert detect_file_type(upload("x.m4a", ftyp(b"mp42", b"isom", b"M4A "))) == "audio/mp4"
    assert detect_file_type(upload("x.mp4", ftyp(b"mp42", b"isom", b"mp42"))) == "video/mp4"


class ReadCounter(io.BytesIO):
    """A file that remembers how many bytes were read from it."""

    bytes_read = 0

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read += len(data)
        return data


def test_detection_reads_only_a_few_kilobytes_even_past_a_large_media_box():
    content = ftyp(b"mp42", b"isom") + box(b"mdat", bytes(4 * MB)) + box(b"moov", track(b"soun"))
    file = ReadCounter(content)

    assert detect_file_type(file) == "audio/mp4"
    assert file.bytes_read < 16 * 1024


def test_detection_puts_the_file_back_where_it_was():
    file = upload("foto.png", image_bytes("PNG"))
    file.seek(7)

    detect_file_type(file)

    assert file.tell() == 7


# --- Accepting good files ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind", "expected"),
    [
        ("foto.jpg", image_bytes("JPEG"), IMAGE, "image/jpeg"),
        ("foto.png", image_bytes("PNG"), IMAGE, "image/png"),
        ("foto.webp", image_bytes("WEBP"), IMAGE, "image/webp"),
        ("foto.gif", image_bytes("GIF"), IMAGE, "image/gif"),
        ("IMG_0042.HEIC", image_bytes("HEIF"), IMAGE, "image/heif"),
        ("podcast.mp3", mp3_bytes(), AUDIO, "audio/mpeg"),
        ("vlog.mp4", mp4_bytes(), VIDEO, "video/mp4"),
        ("verslag.pdf", PDF, DOCUMENT, "application/pdf"),
        ("ondertitels.vtt", VTT.encode(), CAPTIONS, "text/vtt"),
        ("ondertitels.vtt", b"\xef\xbb\xbf" + VTT.encode(), CAPTIONS, "text/vtt"),
    ],
)
def test_a_good_file_is_accepted_with_its_real_type(name, content, kind, expected):
    assert check_upload(upload(name, content), kind) == expected


@pytest.mark.parametrize(
    ("file_format", "kind", "expected"),
    [
        ("mp3", AUDIO, "audio/mpeg"),
        ("m4a", AUDIO, "audio/mp4"),
        ("ogg", AUDIO, "audio/ogg"),
        ("mp4", VIDEO, "video/mp4"),
        ("webm", VIDEO, "video/webm"),
    ],
)
def test_real_audio_and_video_are_accepted_with_their_real_type(file_format, kind, expected):
    content = real_media(file_format)

    assert check_upload(upload(f"bestand.{file_format}", content), kind) == expected


def test_a_wide_enough_hero_image_is_accepted():
    assert check_upload(upload("hero.jpg", image_bytes("JPEG")), IMAGE, min_width=1200)


def test_checking_puts_the_file_back_where_it_was_after_success_and_refusal():
    good = upload("foto.png", image_bytes("PNG"))
    bad = upload("liedje.mp3", image_bytes("PNG"))
    good.seek(5)
    bad.seek(9)

    check_upload(good, IMAGE)
    with pytest.raises(ValidationError):
        check_upload(bad, AUDIO)

    assert (good.tell(), bad.tell()) == (5, 9)


# --- Refusing files of the wrong type ---------------------------------------------------------


def test_an_mp3_that_is_really_a_png_is_refused_saying_what_it_is():
    code, message = refusal(upload("liedje.mp3", image_bytes("PNG")), AUDIO)

    assert code == "wrong_type"
    assert message == (
        "Dit bestand is geen geluidsbestand (MP3, M4A of Ogg). Het lijkt een PNG-afbeelding."
    )


def test_a_jpg_that_is_really_text_is_refused():
    content = b"Dit is geen foto maar een boodschappenlijst.\n"
    code, message = refusal(upload("foto.jpg", content), IMAGE)

    assert code == "wrong_type"
    assert message == (
        "Dit bestand is geen afbeelding (JPEG, PNG, WebP, GIF of HEIC). "
        "Het lijkt een tekstbestand."
    )


@pytest.mark.parametrize(
    ("content", "kind", "looks_like"),
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", IMAGE, "SVG"),
        (ftyp(b"avif", b"mif1", b"avif"), IMAGE, "AVIF"),
        (m4a_bytes(), VIDEO, "M4A-geluidsbestand"),
        (ftyp(b"qt  ", b"qt  "), VIDEO, "QuickTime"),
        (ebml_bytes(b"matroska"), VIDEO, "MKV"),
        (mp4_bytes(), AUDIO, "MP4-video"),
        (b"PK\x03\x04" + bytes(30), DOCUMENT, "Word"),
        (image_bytes("PNG"), CAPTIONS, "PNG-afbeelding"),
        (PDF, IMAGE, "PDF-document"),
    ],
)
def test_a_file_of_another_type_is_refused_naming_what_it_looks_like(content, kind, looks_like):
    code, message = refusal(upload("bestand", content), kind)

    assert code == "wrong_type"
    assert str(kind.not_accepted) in message
    assert looks_like in message.partition(" Het lijkt ")[2]


def test_a_file_of_unknown_type_is_refused_without_guessing():
    code, message = refusal(upload("film.mp4", bytes(range(256)) * 4), VIDEO)

    assert code == "wrong_type"
    assert message == "Dit bestand is geen video (MP4 of WebM)."


def test_an_empty_file_is_refused():
    assert refusal(upload("leeg.pdf", b""), DOCUMENT) == ("empty", "Dit bestand is leeg.")


# --- Sizes ------------------------------------------------------------------------------------


def test_a_file_over_the_limit_is_refused_with_both_sizes_in_megabytes():
    file = upload("vlog.mp4", mp4_bytes())
    file.size = 612 * MB

    code, message = refusal(file, VIDEO)

    assert code == "too_large"
    assert message == "Dit bestand is 612 MB; het maximum voor video is 500 MB."


def test_the_limits_come_from_the_settings(settings):
    settings.HVDJ_MAX_UPLOAD_SIZES = {**settings.HVDJ_MAX_UPLOAD_SIZES, "image": 1000}

    code, message = refusal(upload("foto.png", image_bytes("PNG")), IMAGE)

    assert code == "too_large"
    assert message.endswith("het maximum voor afbeeldingen is 1.000 bytes.")
    assert (IMAGE.max_size, VIDEO.max_size, AUDIO.max_size) == (1000, 500 * MB, 200 * MB)
    assert (DOCUMENT.max_size, CAPTIONS.max_size) == (20 * MB, 1 * MB)


def test_a_file_exactly_at_the_limit_is_accepted():
    with override_settings(HVDJ_MAX_UPLOAD_SIZES={"document": len(PDF)}):
        assert check_upload(upload("verslag.pdf", PDF), DOCUMENT) == "application/pdf"
    with override_settings(HVDJ_MAX_UPLOAD_SIZES={"document": len(PDF) - 1}):
        assert refusal(upload("verslag.pdf", PDF), DOCUMENT)[0] == "too_large"


@pytest.mark.parametrize(
    ("size", "round_up", "expected"),
    [
        (612 * MB, False, "612 MB"),
        (500 * MB + 1, True, "501 MB"),
        (10 * MB + 1, True, "10,1 MB"),
        (10 * MB + 1, False, "10 MB"),
        (1536 * MB, False, "1,5 GB"),
        (1536, False, "1,5 KB"),
        (999, False, "999 bytes"),
        (1000, False, "1.000 bytes"),
    ],
)
def test_sizes_read_as_people_read_them_with_a_decimal_comma(size, round_up, expected):
    assert format_size(size, round_up=round_up) == expected


# --- Images: damage, decompression bombs, width -----------------------------------------------


def test_a_truncated_jpeg_is_refused_as_damaged():
    content = image_bytes("JPEG", size=(800, 600))
    code, message = refusal(upload("foto.jpg", content[: len(content) // 2]), IMAGE)

    assert code == "corrupt_image"
    assert message == "Deze afbeelding is beschadigd of onvolledig."


def test_a_png_with_a_broken_checksum_is_refused_as_damaged():
    content = bytearray(image_bytes("PNG", size=(64, 64)))
    content[-20] ^= 0xFF  # inside the image data, covered by its chunk's CRC

    assert refusal(upload("foto.png", bytes(content)), IMAGE)[0] == "corrupt_image"


def test_an_image_with_only_a_signature_is_refused_as_damaged():
    assert refusal(upload("foto.jpg", b"\xff\xd8\xff\xe0rommel"), IMAGE)[0] == "corrupt_image"


def test_the_bomb_recipe_changes_the_size_the_header_claims():
    with Image.open(io.BytesIO(png_claiming_size(1200, 1000))) as image:
        assert image.size == (1200, 1000)
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(png_claiming_size(50_000, 50_000)))


def test_without_decoding_a_good_image_cannot_be_checked(no_decoding):
    with pytest.raises(AssertionError, match="decoded"):
        check_upload(upload("foto.png", image_bytes("PNG")), IMAGE)


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (50_000, 50_000),  # beyond Pillow's own hard limit: Image.open raises
        (10_000, 10_000),  # beyond Pillow's warning limit
        (8_000, 6_000),  # only beyond ours (40 million)
    ],
)
def test_a_decompression_bomb_is_refused_from_its_header_without_decoding(
    no_decoding, width, height
):
    started = time.perf_counter()

    code, message = refusal(upload("bom.png", png_claiming_size(width, height)), IMAGE)

    assert code == "too_many_pixels"
    assert message == "Deze afbeelding heeft meer dan 40.000.000 pixels. Maak haar kleiner."
    assert time.perf_counter() - started < 2


@override_settings(HVDJ_MAX_IMAGE_PIXELS=1_000_000)
def test_the_pixel_limit_comes_from_the_settings():
    code, message = refusal(upload("foto.png", image_bytes("PNG", size=(1600, 900))), IMAGE)

    assert code == "too_many_pixels"
    assert "1.000.000 pixels" in message


def test_a_hero_image_that_is_too_narrow_is_refused_with_both_widths():
    code, message = refusal(
        upload("hero.jpg", image_bytes("JPEG", size=(640, 480))), IMAGE, min_width=1200
    )

    assert code == "too_narrow"
    assert message == (
        "Deze afbeelding is 640 pixels breed; gebruik er een van minstens 1200 pixels breed."
    )


def test_the_width_of_a_sideways_photo_is_its_width_as_shown():
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # stored landscape, shown portrait
    content = image_bytes("JPEG", size=(1600, 900), exif=exif.tobytes())

    code, message = refusal(upload("staand.jpg", content), IMAGE, min_width=1200)

    assert code == "too_narrow"
    assert "is 900 pixels breed" in message


def test_the_hero_width_comes_from_the_settings(settings):
    assert hero_image_min_width() == settings.HVDJ_MIN_HERO_WIDTH
    with override_settings(HVDJ_MIN_HERO_WIDTH=600):
        assert hero_image_min_width() == 600


# --- Captions ---------------------------------------------------------------------------------


def test_captions_without_the_webvtt_header_are_refused():
    content = b"00:00:00.000 --> 00:00:02.500\nWelkom.\n"
    code, message = refusal(upload("ondertitels.vtt", content), CAPTIONS)

    assert code == "captions_header"
    assert message == ("Een ondertitelbestand (WebVTT) begint met de regel WEBVTT; die ontbreekt.")


def test_srt_captions_are_refused_with_advice_to_convert_them():
    content = b"1\n00:00:00,000 --> 00:00:02,500\nWelkom.\n"
    code, message = refusal(upload("ondertitels.srt", content), CAPTIONS)

    assert code == "captions_header"
    assert "SRT" in message


def test_latin_1_captions_are_refused_even_with_the_header():
    content = VTT.encode("latin-1")
    assert detect_file_type(upload("ondertitels.vtt", content)) == "text/vtt"

    code, message = refusal(upload("ondertitels.vtt", content), CAPTIONS)

    assert code == "captions_encoding"
    assert "UTF-8" in message
