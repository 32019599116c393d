"""No input, however strange, makes the dialogue pages answer 500."""

import pytest
from django.urls import NoReverseMatch, reverse

from dialogues.replies import post_reply

pytestmark = pytest.mark.django_db

STRANGE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "²",
    "٣",
    "9" * 40,
    "-1",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    "%",
    "😀" * 1000,
    "\u202e\u200b",
    "x" * 10_000,
]


@pytest.mark.parametrize("value", STRANGE)
def test_strange_query_parameters_give_a_normal_page(client, thread, editor, value):
    post_reply(thread=thread, member=editor, text="Hallo")

    for url, parameter in (
        (thread.url, "antwoord"),
        (thread.url, "pagina"),
        (thread.get_parent().url, "thema"),
        (thread.get_parent().url, "pagina"),
    ):
        assert client.get(url, {parameter: value}).status_code == 200


@pytest.mark.parametrize("value", STRANGE)
def test_strange_form_input_gives_a_form_with_a_message(client, thread, editor, value):
    target = post_reply(thread=thread, member=editor, text="Hallo")

    replied = client.post(
        reverse("reply", args=[thread.pk]),
        {"comment": value, "name": value, "email": value, "parent": value, "followup": value},
    )
    reported = client.post(
        reverse("report_reply", args=[target.pk]), {"reason": value, "note": value}
    )

    assert replied.status_code in (302, 400)
    assert reported.status_code in (302, 400)


@pytest.mark.parametrize("key", ["", "x", "\x00", ".eJx", "a.b.c", "😀" * 50, "x" * 5000])
def test_strange_confirmation_and_unsubscribe_keys_get_a_dutch_message(client, db, key):
    for name in ("confirm_reply", "unsubscribe_replies"):
        try:
            url = reverse(name, args=[key])
        except NoReverseMatch:  # a key the URL pattern cannot hold is no page at all
            continue
        response = client.get(url)
        assert response.status_code in (400, 404)
        if response.status_code == 400:
            assert "klopt niet" in response.content.decode()
