"""A dialogue comes from the page cache although it has a reply form: the form's tokens are
fetched by the browser, and a reply sent without them (no JavaScript) gets its form back,
filled in, to send once more."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from dialogues.models import Reply

TEXT = "Bij ons hielp een vaste mentor op school."
VISITOR = {"comment": TEXT, "name": "Sam", "email": "sam@example.org", "followup": "on"}


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.HVDJ_PAGE_CACHE_SECONDS = 300


def hidden_value(html, name):
    field = BeautifulSoup(html, "html.parser").select_one(f"form.reply-form__form [name={name}]")
    return field["value"]


def test_a_visitor_gets_a_dialogue_from_the_cache_without_a_cookie(thread):
    client = Client()

    first = client.get(thread.url)
    second = client.get(thread.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert not first.cookies
    assert hidden_value(first.text, "csrfmiddlewaretoken") == ""
    assert hidden_value(first.text, "form_token") == ""


def test_a_member_gets_the_tokens_in_the_page(client, thread, member):
    client.force_login(member)

    response = client.get(thread.url)

    assert "X-Page-Cache" not in response
    assert len(hidden_value(response.text, "csrfmiddlewaretoken")) > 20
    assert len(hidden_value(response.text, "form_token")) > 20


def test_the_tokens_come_fresh_for_each_browser_and_are_never_cached(db):
    first, second = Client(), Client()

    tokens = first.get(reverse("form_tokens"))
    other = second.get(reverse("form_tokens"))

    assert "no-store" in tokens["Cache-Control"]
    assert "X-Page-Cache" not in tokens
    assert tokens.cookies["csrftoken"].value
    assert tokens.json()["form_token"] != other.json()["form_token"]


def test_a_reply_with_the_fetched_tokens_goes_through(thread, mailoutbox, committed):
    browser = Client(enforce_csrf_checks=True)
    browser.get(thread.url)
    tokens = browser.get(reverse("form_tokens")).json()

    with committed():
        response = browser.post(reverse("reply", args=[thread.pk]), {**VISITOR, **tokens})

    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [["sam@example.org"]]


def test_a_reply_sent_without_javascript_comes_back_filled_in_and_goes_through_the_second_time(
    thread, mailoutbox, committed
):
    browser = Client(enforce_csrf_checks=True)
    browser.get(thread.url)

    refused = browser.post(reverse("reply", args=[thread.pk]), {**VISITOR, "form_token": ""})

    assert refused.status_code == 400
    assert "Je reactie is nog niet geplaatst" in refused.text
    page = BeautifulSoup(refused.text, "html.parser")
    assert page.select_one("form.reply-form__form textarea[name=comment]").text.strip() == TEXT
    assert page.select_one("form.reply-form__form [name=email]")["value"] == "sam@example.org"
    assert not Reply.objects.exists()
    assert not mailoutbox

    again = {
        **VISITOR,
        "csrfmiddlewaretoken": hidden_value(refused.text, "csrfmiddlewaretoken"),
        "form_token": hidden_value(refused.text, "form_token"),
    }
    with committed():
        response = browser.post(reverse("reply", args=[thread.pk]), again)

    assert response.status_code == 302
    assert len(mailoutbox) == 1


def test_a_members_reply_with_a_stale_token_is_not_posted_but_shown_again(thread, member):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)

    response = browser.post(
        reverse("reply", args=[thread.pk]), {"comment": TEXT, "csrfmiddlewaretoken": "oud-123"}
    )

    assert response.status_code == 400
    assert "Je reactie is nog niet geplaatst" in response.text
    assert TEXT in response.text
    assert "oud-123" not in response.text
    assert not Reply.objects.exists()
