"""The site's own name and address: every e-mail and feed links to the configured site.

The site is configured as `load_demo` does under `make run PORT=8123` (SITE_URL), with a name
of its own, so that a link to example.com, localhost, port 8000 or the test client's
"testserver", or a mail that names another site, fails.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from allauth.account.models import EmailAddress
from django.contrib.sites.models import Site as DjangoSite
from django.test import Client
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import Site

from core.site_address import absolute_url, set_site_address, site_name
from dialogues.moderation import approve_reply, remove_reply, report_reply
from dialogues.replies import post_reply
from stories.moderation import notify_redactie_of_submission
from tests.factories import (
    ArticlePageFactory,
    ContributorFactory,
    DialogueThreadPageFactory,
    PodcastIndexPageFactory,
    PodcastPageFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)
from tests.utils import run_command
from webinars.registrations import cancel, register

SITE_URL = "http://hart.test:8123"
HOST = "hart.test:8123"
NAME = "Hart voor de Jeugd Proef"
WRONG = ("example.com", "localhost", ":8000", "testserver", "127.0.0.1")
LINK = re.compile(r"https?://[^\s<>\"']+")
XML_NAMESPACE = re.compile(r'xmlns(:\w+)?="[^"]*"')
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def site(db):
    """The site at SITE_URL with NAME, as `load_demo` sets it."""
    set_site_address(url=SITE_URL, name=NAME)
    yield Site.objects.get(is_default_site=True)
    DjangoSite.objects.clear_cache()  # its cache outlives the test's rollback


@pytest.fixture
def visitor(site):
    """A browser on the configured site's own address."""
    return Client(HTTP_HOST=HOST)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def verified(member):
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


def assert_on_the_site(text, *, links=True):
    text = XML_NAMESPACE.sub("", text)
    found = LINK.findall(text)
    if links:
        assert found, text
    assert [url for url in found if not url.startswith(f"{SITE_URL}/")] == []
    assert [wrong for wrong in WRONG if wrong in text] == []


# --- Every e-mail -----------------------------------------------------------------------------


def sign_up(*, visitor, **_):
    visitor.post(
        "/account/signup/",
        {
            "email": "nieuw@example.org",
            "display_name": "Sanne",
            "role": "ouder",
            "accept_rules": "on",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
        },
    )


def reset_password(*, visitor, **_):
    member = verified(ContributorFactory(email="vergeten@example.org"))
    visitor.post("/account/password/reset/", {"email": member.email})


def submitted_story(member):
    page = ArticlePageFactory(live=False, owner=member, contributor=member)
    page.save_revision(user=member)
    page.get_workflow().start(page, member)
    page.refresh_from_db()
    return page


def judge_story(action, comment=""):
    def judge(*, editor, committed, **_):
        story = submitted_story(ContributorFactory())
        client = Client(HTTP_HOST=HOST)
        client.force_login(editor)
        task_state = story.current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, action, task_state.pk])
        with committed():
            client.post(url, {"comment": comment})

    return judge


def submit_story(*, editor, committed, **_):
    with committed():
        notify_redactie_of_submission(page=submitted_story(ContributorFactory()))


def confirm_visitors_reply(*, visitor, thread, committed, **_):
    with committed():
        visitor.post(
            reverse("reply", args=[thread.pk]),
            {"comment": "Herkenbaar verhaal.", "name": "Sam", "email": "sam@example.org"},
        )


def tell_a_follower(*, thread, editor, committed, **_):
    follower = verified(ContributorFactory())
    approve_reply(
        reply=post_reply(thread=thread, member=follower, text="Ik volg dit.", followup=True),
        editor=editor,
    )
    writer = verified(ContributorFactory())
    with committed():
        approve_reply(reply=post_reply(thread=thread, member=writer, text="Nieuw."), editor=editor)


def remove_a_reply(*, thread, editor, committed, **_):
    reply = post_reply(thread=thread, member=verified(ContributorFactory()), text="Weg ermee.")
    with committed():
        remove_reply(reply=reply, editor=editor, reason="Dit hoort hier niet.")


def report_child_safety(*, thread, editor, committed, **_):
    writer = verified(ContributorFactory())
    reply = approve_reply(
        reply=post_reply(thread=thread, member=writer, text="Hm."), editor=editor
    )
    with committed():
        report_reply(reply=reply, reason="child_safety", ip_address="10.0.0.1")


def register_for_webinar(*, webinar, committed, **_):
    with committed():
        register(webinar=webinar, name="Sanne", email="sanne@example.org")


def join_the_waiting_list(*, webinar, committed, **_):
    register(webinar=webinar, name="Eerste", email="eerste@example.org")
    with committed():
        register(webinar=webinar, name="Sanne", email="sanne@example.org")


def move_up_from_the_waiting_list(*, webinar, committed, **_):
    first = register(webinar=webinar, name="Eerste", email="eerste@example.org")
    register(webinar=webinar, name="Sanne", email="sanne@example.org")
    with committed():
        cancel(registration=first)


MAILS = {
    "sign-up verification": (sign_up, "nieuw@example.org"),
    "password reset": (reset_password, "vergeten@example.org"),
    "story approved": (judge_story("approve"), None),
    "story changes requested": (judge_story("reject", "Graag korter."), None),
    "redactie: story submitted": (submit_story, "redactie"),
    "reply confirmation": (confirm_visitors_reply, "sam@example.org"),
    "reply notification": (tell_a_follower, None),
    "reply removed": (remove_a_reply, None),
    "redactie: child safety report": (report_child_safety, "redactie"),
    "webinar registration": (register_for_webinar, "sanne@example.org"),
    "webinar waiting list": (join_the_waiting_list, "sanne@example.org"),
    "webinar seat from the waiting list": (move_up_from_the_waiting_list, "sanne@example.org"),
}


@pytest.mark.parametrize("kind", MAILS)
def test_every_email_links_to_the_configured_site_and_carries_its_name(
    kind, site, visitor, editor, home, committed, mailoutbox
):
    action, recipient = MAILS[kind]
    thread = DialogueThreadPageFactory(title="Praten over pleegzorg")
    webinar = WebinarPageFactory(title="Samen leren", capacity=1, online_link="")
    mailoutbox.clear()

    action(visitor=visitor, editor=editor, thread=thread, webinar=webinar, committed=committed)

    recipient = editor.email if recipient == "redactie" else recipient
    messages = [m for m in mailoutbox if recipient is None or recipient in m.to]
    assert messages, [m.subject for m in mailoutbox]
    for message in messages:
        assert message.subject.startswith(f"[{NAME}] ")
        assert_on_the_site(message.body)


def test_account_emails_greet_with_the_sites_name_not_example_com(visitor, mailoutbox):
    sign_up(visitor=visitor)

    [message] = mailoutbox
    assert NAME in message.body
    assert HOST in message.body


# --- Every feed -------------------------------------------------------------------------------


def test_the_search_feed_links_every_item_to_the_site(visitor, home):
    article = ArticlePageFactory(title="Pleegzorg in de wijk")

    feed = feedparser.parse(visitor.get("/zoeken/feed/", {"q": "pleegzorg"}).content)

    assert [entry.link for entry in feed.entries] == [f"{SITE_URL}{article.url}"]
    assert feed.feed.link.startswith(f"{SITE_URL}/zoeken/")
    assert_on_the_site(visitor.get("/zoeken/feed/").content.decode())


def test_the_podcast_feed_links_to_the_site(visitor, home):
    PodcastPageFactory()
    index = PodcastIndexPageFactory.section()

    assert_on_the_site(visitor.get(f"{index.url}feed/").content.decode().replace("\r\n ", ""))


def test_the_webinar_calendars_link_to_the_site(visitor, home):
    webinar = WebinarPageFactory(online_link="")
    index = WebinarIndexPageFactory.section()

    for url in (f"{index.url}agenda.ics", f"{webinar.url}agenda.ics"):
        calendar = Calendar.from_ical(visitor.get(url).content)
        for event in calendar.events:
            assert str(event["URL"]) == f"{SITE_URL}{webinar.url}"
            assert str(event["UID"]).endswith("@hart.test")


# --- One source of truth ----------------------------------------------------------------------


def test_saving_the_wagtail_site_keeps_djangos_sites_record_in_step(site):
    site.site_name = "Hart voor de Jeugd Utrecht"
    site.hostname = "utrecht.hart.test"
    site.port = 443
    site.save()

    django_site = DjangoSite.objects.get_current()
    assert (django_site.name, django_site.domain) == (
        "Hart voor de Jeugd Utrecht",
        "utrecht.hart.test",
    )
    assert site_name() == "Hart voor de Jeugd Utrecht"
    assert absolute_url("/over-ons/") == "https://utrecht.hart.test/over-ons/"


def test_a_request_uses_its_own_host(site, rf):
    request = rf.get("/", HTTP_HOST="www.hart.test")

    assert absolute_url("/podcasts/", request) == "http://www.hart.test/podcasts/"


def test_a_fresh_database_has_the_site_name_and_address_of_site_url(db):
    wagtail_site = Site.objects.get(is_default_site=True)
    django_site = DjangoSite.objects.get_current()

    assert wagtail_site.root_url == "http://testserver"  # SITE_URL in the test settings
    assert (django_site.name, django_site.domain) == ("Hart voor de Jeugd", "testserver")


def test_load_demo_sets_the_site_to_site_url_and_prints_its_admin_address(
    db, settings, monkeypatch
):
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)  # no audio and video: faster
    settings.SITE_URL = "http://127.0.0.1:8123"

    output = run_command("load_demo")

    assert "http://127.0.0.1:8123/admin/" in output
    assert ":8000" not in output
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8123"
    assert DjangoSite.objects.get_current().domain == "127.0.0.1:8123"
    DjangoSite.objects.clear_cache()


def test_make_run_hands_its_port_to_the_site_address():
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    commands = subprocess.run(  # noqa: S603 (our own Makefile, fixed arguments)
        [make, "--dry-run", "--always-make", "run", "PORT=8123", "VENV=.venv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    for command in ("migrate", "load_demo", "runserver"):
        [line] = [line for line in commands.splitlines() if f"manage.py {command}" in line]
        assert "SITE_URL=http://127.0.0.1:8123" in line


def test_the_readme_says_where_make_run_prints_its_emails():
    two_commands = (ROOT / "README.md").read_text().split("## Two commands")[1].split("\n## ")[0]

    assert "console" in two_commands
    assert "sign-up" in two_commands or "verification link" in two_commands
