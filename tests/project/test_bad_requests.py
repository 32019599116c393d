"""Requests no browser would send get a 4xx answer, never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from dialogues.models import Reply
from tests.dialogues.conftest import verified
from tests.factories import ArticleIndexPageFactory, ContributorFactory, DialogueThreadPageFactory
from tests.samples import PDF


@pytest.fixture
def visitor():
    """A client that returns the server's answer instead of raising what went wrong."""
    return Client(raise_request_exception=False)


@pytest.fixture
def thread(home):
    return DialogueThreadPageFactory(title="Hoe praat je met school?")


def test_an_unknown_host_header_gets_400(visitor, home, settings):
    settings.ALLOWED_HOSTS = ["www.example.nl"]

    assert visitor.get("/", HTTP_HOST="www.example.nl").status_code == 200
    assert visitor.get("/", HTTP_HOST="kwaad.example.com").status_code == 400


def test_an_oversized_form_gets_400(visitor, thread):
    visitor.force_login(verified(ContributorFactory()))

    response = visitor.post(reverse("reply", args=[thread.pk]), {"comment": "x" * 3_000_000})

    assert response.status_code == 400


def test_a_form_with_too_many_fields_gets_400(visitor, thread, settings):
    visitor.force_login(verified(ContributorFactory()))
    fields = {f"veld{number}": "x" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    response = visitor.post(reverse("reply", args=[thread.pk]), fields)

    assert response.status_code == 400


def test_a_cut_off_multipart_body_gets_400_and_stores_nothing(visitor, home):
    member = verified(ContributorFactory())
    visitor.force_login(member)

    response = visitor.generic(
        "POST",
        "/deel-je-verhaal/artikel/",
        b'--grens\r\nContent-Disposition: form-data; name="title"\r\n\r\nzonder einde',
        content_type="multipart/form-data; boundary=grens",
    )

    assert response.status_code == 400
    assert "Dit verzoek begrijpen we niet" in response.content.decode()
    assert not member.stories.exists()


def link_with_a_pdf():
    """The fields of a shared link to research with its PDF, the file last."""
    return {
        "recognisable_people_agreed": "on",
        "no_identifying_details": "on",
        "house_rules_accepted": "on",
        "title": "Onderzoek naar wijkteams",
        "intro": "Een rapport dat laat zien wat werkt.",
        "source_url": "https://example.org/rapport",
        "attachment": SimpleUploadedFile("rapport.pdf", PDF),
    }


def shared_link_with_a_pdf():
    """The body a browser sends for that link: every field complete."""
    return encode_multipart(BOUNDARY, link_with_a_pdf())


@pytest.fixture
def member_with_media(visitor, home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ArticleIndexPageFactory()
    member = verified(ContributorFactory())
    visitor.force_login(member)
    return member


@pytest.mark.parametrize(
    "cut",
    [
        pytest.param(lambda body: body[: body.index(b"%PDF") + 40], id="halfway-the-file"),
        pytest.param(lambda body: body[: body.rindex(b"\r\n--")], id="without-closing-boundary"),
    ],
)
def test_an_upload_cut_off_on_the_way_gets_400_and_nothing_is_stored(
    visitor, member_with_media, settings, cut
):
    body = cut(shared_link_with_a_pdf())

    response = visitor.generic(
        "POST", "/deel-je-verhaal/link/", body, content_type=MULTIPART_CONTENT
    )

    assert response.status_code == 400
    assert not member_with_media.stories.exists()
    assert not any(path.is_file() for path in settings.MEDIA_ROOT.rglob("*"))


def test_the_same_upload_arriving_whole_is_shared(visitor, member_with_media):
    body = shared_link_with_a_pdf()

    response = visitor.generic(
        "POST", "/deel-je-verhaal/link/", body, content_type=MULTIPART_CONTENT
    )

    assert response.status_code == 302
    assert member_with_media.stories.get().title == "Onderzoek naar wijkteams"


def test_a_short_epilogue_after_the_closing_boundary_is_allowed(visitor, member_with_media):
    body = shared_link_with_a_pdf() + b"epiloog die browsers nooit sturen, maar die mag\r\n"

    response = visitor.generic(
        "POST", "/deel-je-verhaal/link/", body, content_type=MULTIPART_CONTENT
    )

    assert response.status_code == 302


def test_an_upload_over_the_limit_gets_400_with_the_text_kept_and_nothing_stored(
    visitor, member_with_media, settings
):
    settings.HVDJ_MAX_UPLOAD_SIZES = {**settings.HVDJ_MAX_UPLOAD_SIZES, "document": len(PDF) - 1}

    response = visitor.post("/deel-je-verhaal/link/", link_with_a_pdf())

    assert response.status_code == 400
    page = response.content.decode()
    assert "het maximum voor" in page
    assert 'value="Onderzoek naar wijkteams"' in page
    assert not member_with_media.stories.exists()
    assert not any(path.is_file() for path in settings.MEDIA_ROOT.rglob("*"))


def test_a_multipart_body_without_a_boundary_gets_400(visitor, home):
    visitor.force_login(verified(ContributorFactory()))

    response = visitor.generic(
        "POST", "/deel-je-verhaal/artikel/", b"x", content_type="multipart/form-data"
    )

    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    "path",
    [
        "/zoeken/?q=%ff%fe%fd",
        "/zoeken/?q=gezin%00",
        "/zoeken/suggesties/?q=%c3%28",
        "/%ff%fe/",
        "/verhalen/%c3%28/",
        "/thema/%ff/",
        "/dialogen/?thema=%ff&pagina=%ff",
    ],
)
def test_bad_utf8_and_null_bytes_in_the_url_get_an_answer_below_500(visitor, home, path):
    response = visitor.get(path)

    assert response.status_code < 500


def test_bad_utf8_in_a_posted_form_gets_an_answer_below_500(visitor, thread):
    visitor.force_login(verified(ContributorFactory()))

    response = visitor.generic(
        "POST",
        reverse("reply", args=[thread.pk]),
        b"comment=%ff%fe%fd+hallo&website=",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code < 500


def test_a_json_body_where_a_form_is_expected_gets_an_answer_below_500(visitor, thread):
    visitor.force_login(verified(ContributorFactory()))

    response = visitor.post(
        reverse("reply", args=[thread.pk]), b'{"comment": 1', content_type="application/json"
    )

    assert response.status_code < 500


def test_a_form_sent_without_a_valid_csrf_token_gets_a_dutch_403_that_keeps_the_text(thread):
    member = verified(ContributorFactory())
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    # Starting a dialogue has no form to show again (a reply does: see
    # tests/dialogues/test_replies_from_a_shared_page.py).
    response = client.post(
        reverse("start_dialogue"),
        {"comment": "Bij ons hielp een vaste mentor.", "csrfmiddlewaretoken": "oude-code-123"},
    )

    assert response.status_code == 403
    page = response.content.decode()
    assert "Dit formulier kon niet worden verstuurd" in page
    assert "Bij ons hielp een vaste mentor." in page
    assert "oude-code-123" not in page
    assert not Reply.objects.exists()


def test_the_400_page_is_dutch(visitor, home, settings):
    settings.ALLOWED_HOSTS = ["www.example.nl"]

    response = visitor.get("/", HTTP_HOST="kwaad.example.com")

    assert response.status_code == 400
    assert '<html lang="nl">' in response.content.decode()
