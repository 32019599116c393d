"""Every form that creates something does so once per rendered form (core.once):
Back-then-send-again, a double click or a retry with the same token creates nothing more and
leads to where the first POST went."""

import datetime
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone

from core import once
from core.once.models import SubmittedForm
from core.once.tokens import KEPT_FOR, SAME_FORM_WITHIN, forget_old_tokens
from dialogues.models import DialogueThreadPage, Reply
from stories.models import ArticlePage, PodcastPage, StoryPage, VlogPage, WebinarRegistration
from tests.factories import (
    ArticleIndexPageFactory,
    ContributorFactory,
    DialogueIndexPageFactory,
    DialogueThreadPageFactory,
    PodcastIndexPageFactory,
    VlogIndexPageFactory,
    WebinarPageFactory,
)
from tests.samples import mp3_bytes
from tests.utils import CONSENT, imported_top_level_packages

TOKEN_FIELD = re.compile(r'<input type="hidden" name="form_token" value="([\w-]+)"')
STORY_KINDS = {
    "artikel": (ArticlePage, {"body": "Wat ons hielp, in een paar zinnen."}),
    "link": (ArticlePage, {"source_url": "https://www.nji.nl/pleegzorg"}),
    "vlog": (VlogPage, {"video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"}),
    "podcast": (PodcastPage, {}),
}
SIGNUP = {
    "email": "nieuw@example.org",
    "display_name": "Sanne",
    "role": "ouder",
    "region": "",
    "accept_rules": "on",
    "password1": "een-lang-wachtwoord-42",
    "password2": "een-lang-wachtwoord-42",
}


def verified(member):
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


@pytest.fixture
def member(db):
    return verified(ContributorFactory(display_name="Marloes"))


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def sections(home):
    ArticleIndexPageFactory()
    VlogIndexPageFactory()
    PodcastIndexPageFactory()
    DialogueIndexPageFactory()


def token_on(client, url):
    """The one-time token of the form on the page at `url`, as a browser would send it back:
    from the page, or, on a page the page cache shares, fetched as its script does."""
    response = client.get(url)
    assert response.status_code == 200
    if "data-form-tokens=" in response.text:
        return client.get("/formulier-sleutels/").json()["form_token"]
    tokens = TOKEN_FIELD.findall(response.text)
    assert len(tokens) == 1, "the page has one form with a token"
    return tokens[0]


def post_twice(client, url, data):
    """POST the same filled-in form twice, as Back then send again does."""
    first = client.post(url, {**data, "website": ""})
    second = client.post(url, {**data, "website": ""})
    return first, second


def assert_second_leads_to_the_first_result(first, second):
    assert first.status_code == 302
    assert second.status_code == 302
    assert second["Location"] == first["Location"]


def story_data(kind, token):
    data = {
        **CONSENT,
        "title": "Wat ons hielp",
        "intro": "Een kort verhaal over hulp die werkte.",
        "form_token": token,
        **STORY_KINDS[kind][1],
    }
    if kind == "podcast":
        data["audio_file"] = SimpleUploadedFile("aflevering.mp3", mp3_bytes())
    return data


# --- Each creating form ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(STORY_KINDS))
def test_a_story_sent_twice_with_the_same_form_is_shared_once(
    logged_in, sections, settings, tmp_path, kind
):
    settings.MEDIA_ROOT = tmp_path
    url = f"/deel-je-verhaal/{kind}/"
    data = story_data(kind, token_on(logged_in, url))

    first = logged_in.post(url, data)
    if kind == "podcast":  # the browser sends the file again
        data["audio_file"] = SimpleUploadedFile("aflevering.mp3", mp3_bytes())
    second = logged_in.post(url, data)

    assert_second_leads_to_the_first_result(first, second)
    assert first["Location"] == "/mijn-bijdragen/"
    assert STORY_KINDS[kind][0].objects.count() == 1
    assert "al verstuurd" in logged_in.get(second["Location"]).text


def test_a_dialogue_started_twice_with_the_same_form_is_started_once(logged_in, sections):
    url = "/start-een-dialoog/"
    data = {
        "question": "Wat heb jij nodig van het wijkteam?",
        "form_token": token_on(logged_in, url),
    }

    first, second = post_twice(logged_in, url, data)

    assert_second_leads_to_the_first_result(first, second)
    assert DialogueThreadPage.objects.count() == 1


def test_a_members_reply_sent_twice_with_the_same_form_is_placed_once(logged_in, home):
    thread = DialogueThreadPageFactory()
    data = {"comment": "Bij ons hielp een vaste contactpersoon.", "form_token": ""}
    data["form_token"] = token_on(logged_in, thread.url)

    first, second = post_twice(logged_in, f"/dialogen/reageren/{thread.pk}/", data)

    assert_second_leads_to_the_first_result(first, second)
    assert Reply.objects.count() == 1


def test_a_visitors_reply_sent_twice_with_the_same_form_mails_one_confirmation(
    client, home, mailoutbox, django_capture_on_commit_callbacks
):
    thread = DialogueThreadPageFactory()
    data = {
        "comment": "Ons hielp een buurtgezin.",
        "name": "Ahmed",
        "email": "ahmed@example.org",
        "form_token": token_on(client, thread.url),
    }

    with django_capture_on_commit_callbacks(execute=True):
        first, second = post_twice(client, f"/dialogen/reageren/{thread.pk}/", data)

    assert_second_leads_to_the_first_result(first, second)
    assert len(mailoutbox) == 1


def test_a_webinar_registration_sent_twice_with_the_same_form_leads_to_the_first_thank_you(
    client, home
):
    webinar = WebinarPageFactory(capacity=10)
    data = {
        "name": "Sanne",
        "email": "sanne@example.org",
        "form_token": token_on(client, webinar.url),
    }

    first, second = post_twice(client, f"{webinar.url}aanmelden/", data)

    assert_second_leads_to_the_first_result(first, second)
    assert WebinarRegistration.objects.count() == 1
    assert client.get(second["Location"]).status_code == 200


def test_a_sign_up_sent_twice_with_the_same_form_makes_one_account_and_one_mail(
    client, db, mailoutbox
):
    data = {**SIGNUP, "form_token": token_on(client, "/account/signup/"), "website": ""}

    first = client.post("/account/signup/", data)
    cache.clear()  # minutes later: allauth's limit of one mail per address has passed
    second = client.post("/account/signup/", data)

    assert_second_leads_to_the_first_result(first, second)
    assert get_user_model().objects.filter(email="nieuw@example.org").count() == 1
    assert len(mailoutbox) == 1


# --- What the token does not change ----------------------------------------------------------


def test_each_rendering_of_a_form_gets_its_own_token(client, home):
    webinar = WebinarPageFactory()

    assert token_on(client, webinar.url) != token_on(Client(), webinar.url)


def test_a_form_sent_without_a_token_from_a_stale_page_still_works(logged_in, sections):
    url = "/deel-je-verhaal/artikel/"
    data = story_data("artikel", token="")

    first, second = post_twice(logged_in, url, data)

    assert (first.status_code, second.status_code) == (302, 302)
    assert ArticlePage.objects.count() == 2  # as before tokens: nothing to recognise it by
    assert not SubmittedForm.objects.exists()


def test_a_refused_form_keeps_its_token_and_is_accepted_once_corrected(logged_in, sections):
    url = "/deel-je-verhaal/artikel/"
    token = token_on(logged_in, url)

    refused = logged_in.post(url, {**story_data("artikel", token), "intro": ""})
    accepted = logged_in.post(url, story_data("artikel", token))
    again = logged_in.post(url, story_data("artikel", token))

    assert refused.status_code == 400
    assert f'value="{token}"' in refused.text
    assert accepted.status_code == 302
    assert again["Location"] == accepted["Location"]
    assert StoryPage.objects.count() == 1


def test_the_same_story_sent_from_a_reloaded_form_is_recognised_by_what_was_sent(
    logged_in, sections
):
    # Chromium loads the page anew on Back: the typed text comes back, with the new page's token.
    url = "/deel-je-verhaal/artikel/"
    first = logged_in.post(url, story_data("artikel", token_on(logged_in, url)))
    again = logged_in.post(url, story_data("artikel", token_on(logged_in, url)))

    assert_second_leads_to_the_first_result(first, again)
    assert StoryPage.objects.count() == 1


def test_the_same_story_sent_again_from_a_new_form_after_an_hour_is_shared_again(
    logged_in, sections
):
    url = "/deel-je-verhaal/artikel/"
    logged_in.post(url, story_data("artikel", token_on(logged_in, url)))
    SubmittedForm.objects.update(created_at=timezone.now() - SAME_FORM_WITHIN)

    logged_in.post(url, story_data("artikel", token_on(logged_in, url)))

    assert StoryPage.objects.count() == 2


def test_a_different_story_or_another_member_sending_the_same_text_is_shared(
    logged_in, sections, client
):
    url = "/deel-je-verhaal/artikel/"
    logged_in.post(url, story_data("artikel", token_on(logged_in, url)))
    other = {**story_data("artikel", token_on(logged_in, url)), "title": "Een ander verhaal"}
    logged_in.post(url, other)
    someone_else = Client()
    someone_else.force_login(verified(ContributorFactory()))
    someone_else.post(url, story_data("artikel", token_on(someone_else, url)))

    assert StoryPage.objects.count() == 3


def test_a_mangled_token_is_ignored_and_the_form_gets_a_fresh_one(logged_in, sections):
    url = "/deel-je-verhaal/artikel/"

    refused = logged_in.post(url, {**story_data("artikel", '"><script>'), "intro": ""})

    assert refused.status_code == 400
    assert len(TOKEN_FIELD.findall(refused.text)) == 1
    assert "<script>" not in refused.text


def test_tokens_older_than_a_week_are_forgotten(db):
    old = SubmittedForm.objects.create(
        token="o" * 32,
        result_url="/",
        created_at=timezone.now() - KEPT_FOR - datetime.timedelta(1),
    )
    recent = SubmittedForm.objects.create(token="r" * 32, result_url="/")

    assert forget_old_tokens() == 1
    assert list(SubmittedForm.objects.all()) == [recent]
    assert not SubmittedForm.objects.filter(pk=old.pk).exists()


def test_the_token_mechanism_imports_no_app_so_every_app_can_use_it():
    sources = sorted(Path(once.__file__).parent.rglob("*.py"))
    apps = {"home", "stories", "dialogues", "search", "tests"}
    imported = {
        package
        for path in sources
        for package, _line in imported_top_level_packages(path)
        if package in apps
    }
    nested = [path for path in sources if "accounts" in path.read_text("utf-8")]

    assert len(sources) >= 4
    assert imported == set()
    assert nested == []


# --- Two at the same moment ------------------------------------------------------------------


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: run with DATABASE_URL=postgres://...",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_story_form_sent_twice_at_the_same_moment_creates_one_story():
    ArticleIndexPageFactory()
    member = verified(ContributorFactory())
    url = "/deel-je-verhaal/artikel/"
    browsers = [Client(), Client()]
    for browser in browsers:
        browser.force_login(member)
    data = story_data("artikel", token_on(browsers[0], url))
    start_together = threading.Barrier(2)

    def send(browser):
        try:
            start_together.wait()
            return browser.post(url, data)
        finally:
            connection.close()  # each thread has its own connection

    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(send, browsers))

    assert [answer.status_code for answer in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]
    assert ArticlePage.objects.count() == 1
