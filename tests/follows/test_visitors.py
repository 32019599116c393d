"""A visitor without an account follows by e-mail: double opt-in, the link asks before it acts,
the form is rate-limited and has the honeypot, and the page it sits on still comes from the
page cache."""

import re
import time

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.test import Client
from django.urls import reverse

from follows.models import Follow, Follower
from follows.services import CONFIRMATION_SALT, VISITOR_REQUESTS_PER_HOUR
from tests.follows.factories import FollowerFactory
from tests.utils import link_path_in_mail

CONFIRM_LINK = re.compile(r"https?://\S+/volgen/bevestigen/\S+/")
FORM = {"kind": "theme", "value": "pleegzorg", "email": "Sam@Example.org", "period": "daily"}


def ask(client, committed, **changes):
    with committed():
        return client.post(reverse("follow"), {**FORM, **changes})


def test_a_visitor_follows_after_confirming_with_a_button(client, theme, mailoutbox, committed):
    asked = ask(client, committed)

    assert asked.status_code == 302
    assert asked["Location"] == "/thema/pleegzorg/"
    assert not Follower.objects.exists()
    (message,) = mailoutbox
    assert message.to == ["sam@example.org"]
    assert "Pleegzorg" in message.subject
    link = link_path_in_mail(mailoutbox, to="sam@example.org", pattern=CONFIRM_LINK)

    opened = client.get(link)

    assert opened.status_code == 200
    assert "Ja, bevestig" in opened.text
    assert "no-store" in opened["Cache-Control"]
    assert not Follower.objects.exists()

    confirmed = client.post(link)
    client.post(link)

    assert confirmed.status_code == 200
    assert "Je volgt nu “Pleegzorg”" in confirmed.text
    follower = Follower.objects.get()
    assert (follower.email, follower.period, follower.user) == ("sam@example.org", "daily", None)
    assert follower.confirmed_at is not None
    assert [(f.kind, f.theme) for f in follower.follows.all()] == [("theme", theme)]


@pytest.mark.parametrize("key", ["onzin", "a" * 300, "eyJ:abc:def"])
def test_a_damaged_confirmation_link_is_a_dutch_404(client, db, key):
    opened = client.get(reverse("confirm_follow", args=[key]))
    sent = client.post(reverse("confirm_follow", args=[key]))

    assert opened.status_code == sent.status_code == 404
    assert "Deze bevestigingslink klopt niet" in opened.text
    assert not Follower.objects.exists()


def test_an_expired_confirmation_link_says_so(client, theme):
    class EightDaysAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 8 * 24 * 3600)

    key = EightDaysAgo(salt=CONFIRMATION_SALT).sign_object(
        {"email": "sam@example.org", "period": "weekly", "kind": "theme", "value": "pleegzorg"},
        compress=True,
    )

    response = client.post(reverse("confirm_follow", args=[key]))

    assert response.status_code == 404
    assert "verlopen" in response.text
    assert not Follower.objects.exists()


def test_an_address_that_already_follows_gets_the_same_answer_and_a_link(
    client, theme, mailoutbox, committed
):
    FollowerFactory(email="sam@example.org")

    response = ask(client, committed)

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert not Follow.objects.exists()


def test_the_honeypot_sends_nothing(client, theme, mailoutbox, committed):
    response = ask(client, committed, website="https://spam.example")

    assert response.status_code == 400
    assert not mailoutbox


def test_a_wrong_address_comes_back_with_a_dutch_error_and_the_input_kept(
    client, theme, mailoutbox, committed
):
    response = ask(client, committed, email="geen-adres<script>")

    assert response.status_code == 400
    assert "Dit e-mailadres klopt niet" in response.text
    page = BeautifulSoup(response.text, "html.parser")
    assert page.select_one("form.follow-form [name=email]")["value"] == "geen-adres<script>"
    assert not page.select("main script")
    assert not mailoutbox


def test_one_address_gets_a_handful_of_links_per_hour(client, theme, mailoutbox, committed):
    for _ in range(VISITOR_REQUESTS_PER_HOUR):
        assert ask(client, committed).status_code == 302

    refused = ask(client, committed)

    assert refused.status_code == 400
    assert "Probeer het later opnieuw" in refused.text
    assert len(mailoutbox) == VISITOR_REQUESTS_PER_HOUR


def test_every_button_shows_the_empty_form_for_its_own_target(client, theme, region):
    for path, value in (("/thema/pleegzorg/", "pleegzorg"), ("/regio/twente/", "twente")):
        page = BeautifulSoup(client.get(path).text, "html.parser")
        form = page.select_one(".follow form.follow-form")

        assert form.select_one("[name=value]")["value"] == value
        assert form.select_one("#volgen-email")["name"] == "email"
        assert form.select_one("label[for=volgen-email]").text.strip().startswith("E-mailadres")
        assert form.select_one("[name=period][checked]")["value"] == "weekly"
        assert form.select_one("[name=website]")["class"] == ["form-trap"]
        assert not form.select(".form-field--error")


@pytest.fixture
def _page_cache_on(settings):
    settings.HVDJ_PAGE_CACHE_SECONDS = 300


@pytest.mark.usefixtures("_page_cache_on")
def test_the_theme_page_with_its_follow_form_still_comes_from_the_page_cache(theme):
    browser = Client()

    first = browser.get("/thema/pleegzorg/")
    second = browser.get("/thema/pleegzorg/")

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert not first.cookies
    form = BeautifulSoup(first.text, "html.parser").select_one(".follow form.follow-form")
    assert form.select_one("[name=csrfmiddlewaretoken]")["value"] == ""
    assert form.select_one("[name=form_token]")["value"] == ""
    assert form.select_one("[name=email]") is not None


@pytest.mark.usefixtures("_page_cache_on")
def test_a_follow_sent_without_javascript_comes_back_filled_in_and_goes_through(
    theme, mailoutbox, committed
):
    browser = Client(enforce_csrf_checks=True)
    browser.get("/thema/pleegzorg/")

    refused = browser.post(reverse("follow"), {**FORM, "form_token": ""})

    assert refused.status_code == 400
    assert "nog een keer versturen" in refused.text
    page = BeautifulSoup(refused.text, "html.parser")
    assert page.select_one("form.follow-form [name=email]")["value"] == "Sam@Example.org"
    assert not mailoutbox

    again = {
        **FORM,
        "csrfmiddlewaretoken": page.select_one("[name=csrfmiddlewaretoken]")["value"],
        "form_token": page.select_one("form.follow-form [name=form_token]")["value"],
    }
    with committed():
        response = browser.post(reverse("follow"), again)

    assert response.status_code == 302
    assert len(mailoutbox) == 1
