"""Requests no browser would send get a 4xx answer, never a 500."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.dialogues.conftest import verified
from tests.factories import ContributorFactory, DialogueThreadPageFactory


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


def test_a_cut_off_multipart_body_stores_nothing_and_gets_no_500(visitor, home):
    member = verified(ContributorFactory())
    visitor.force_login(member)

    response = visitor.generic(
        "POST",
        "/deel-je-verhaal/artikel/",
        b'--grens\r\nContent-Disposition: form-data; name="titel"\r\n\r\nzonder einde',
        content_type="multipart/form-data; boundary=grens",
    )

    # Django reads what arrived; the form then says what is missing.
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not member.stories.exists()


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
