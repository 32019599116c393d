"""Every page type, listing and form state is valid HTML for the Nu HTML Checker (vnu).

The checker is the npm package vnu-jar (package.json, installed by `make pytest`), run with the
machine's Java in one invocation over all pages: starting the JVM is the slow part.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django.test import Client, RequestFactory
from django.views import defaults

from accounts.models import User
from core import errors
from dialogues.models import DialogueThreadPage, Reply
from follows.models import Follow
from home.models import ContentPage
from stories.models import ArticlePage, PodcastPage, Region, Theme, VlogPage, WebinarPage
from tests.utils import NEW_MEMBER, post_form, run_command

# Marked so that pytest-django sets up the test database, which the module's fixture fills.
pytestmark = pytest.mark.django_db

# "u" and "uw" as words, and the "a.u.b." of formal Dutch: the site says "je".
FORMAL = re.compile(r"\b(?:[Uu]w?|a\.u\.b)\b")
VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"


def error_pages():
    """The error pages as their handlers render them for a visitor."""
    request = RequestFactory().post("/account/signup/", {"email": "iemand@example.org"})
    return {
        "400": defaults.bad_request(request, Exception("kapot")),
        "403": defaults.permission_denied(request, Exception("nee")),
        "500": errors.server_error(request),
        "503": errors.database_unavailable(request),
    }


def visitor_pages(client):
    """Everything a visitor who is not logged in can open or be refused."""
    stories = [
        model.objects.live().order_by("path").first()
        for model in (ArticlePage, VlogPage, PodcastPage, WebinarPage, DialogueThreadPage)
    ]
    webinar = WebinarPage.objects.live().filter(registration_open=True).order_by("start").last()
    thread = stories[-1]
    pages = {
        path: client.get(path)
        for path in [
            "/",
            "/verhalen/",
            "/vlogs/",
            "/podcasts/",
            "/webinars/",
            "/dialogen/",
            *[story.url for story in stories],
            *[page.url for page in ContentPage.objects.live()],
            f"/thema/{Theme.objects.order_by('pk').first().slug}/",
            f"/regio/{Region.objects.order_by('pk').first().slug}/",
            "/regio/rijnmond/",
            "/regio/rijnmond/vraag/",
            "/zoeken/",
            "/zoeken/?q=pleegzorg",
            "/zoeken/?q=pleegzorg&sort=datum&page=1",
            "/zoeken/?q=qwxzvbnm",
            "/account/signup/",
            "/account/login/",
            "/account/password/reset/",
            "/deze-pagina-bestaat-niet/",
        ]
    }
    pages["signup refused"] = post_form(
        client, "/account/signup/", {"email": "geen-adres", "password1": "kort", "password2": "x"}
    )
    pages["login refused"] = post_form(
        client, "/account/login/", {"login": "niemand@example.org", "password": "fout"}
    )
    pages["password reset refused"] = post_form(
        client, "/account/password/reset/", {"email": "geen-adres"}
    )
    pages["webinar registration refused"] = post_form(
        client, webinar.url, {"name": "", "email": "geen-adres"}, action=f"{webinar.url}aanmelden/"
    )
    pages["reply refused"] = post_form(
        client, thread.url, {"comment": ""}, action=f"/dialogen/reageren/{thread.pk}/"
    )
    pages["question to an ambassador refused"] = post_form(
        client,
        "/regio/rijnmond/vraag/",
        {"email": "geen-adres", "question": "Bel me op 06-12345678.", "name": ""},
    )
    follow = Follow.objects.filter(follower__user__isnull=False).order_by("pk").first()
    pages["follow"] = client.get("/volgen/?kind=theme&value=pleegzorg")
    pages["follow refused"] = client.post(
        "/volgen/", {"kind": "theme", "value": "pleegzorg", "email": "geen-adres"}
    )
    pages["follow link broken"] = client.get("/volgen/bevestigen/kapot/")
    pages["unsubscribe"] = client.get(f"/volgen/afmelden/{follow.token}/")
    pages["unsubscribe from all"] = client.get(f"/volgen/alles-afmelden/{follow.follower.token}/")
    pages["what you follow, by link"] = client.get(f"/volgen/beheren/{follow.follower.token}/")
    pages["verification sent"] = post_form(
        client,
        "/account/signup/",
        NEW_MEMBER,
        follow=True,
    )
    pages["csrf failure"] = Client(enforce_csrf_checks=True).post(
        "/account/signup/", {"email": "iemand@example.org"}
    )
    return pages


def member_pages(client):
    """Everything a logged-in member can open or be refused."""
    member = User.objects.get(username="marloes")
    client.force_login(member)
    pages = {
        f"member {path}": client.get(path)
        for path in [
            "/",
            "/mijn-account/",
            "/mijn-account/volgen/",
            "/mijn-bijdragen/",
            "/deel-je-verhaal/",
            "/deel-je-verhaal/artikel/",
            "/deel-je-verhaal/vlog/",
            "/deel-je-verhaal/podcast/",
            "/deel-je-verhaal/link/",
            "/start-een-dialoog/",
            "/account/email/",
            "/account/password/set/",
            "/account/2fa/",
        ]
    }
    pages["share refused"] = post_form(client, "/deel-je-verhaal/artikel/", {"title": ""})
    pages["start a dialogue refused"] = post_form(client, "/start-een-dialoog/", {"question": ""})
    shared = post_form(
        client,
        "/deel-je-verhaal/artikel/",
        {
            "title": "Bel me gerust",
            "intro": "Mijn nummer is 06-12345678.",
            "body": "Ons adres is 1234 AB 12.",
            "recognisable_people_agreed": "on",
            "no_identifying_details": "on",
            "house_rules_accepted": "on",
        },
    )
    pages["privacy check"] = client.get(shared["Location"], follow=True)
    story = ArticlePage.objects.get(title="Bel me gerust")
    pages["revise a story"] = client.get(f"/mijn-bijdragen/{story.pk}/aanpassen/", follow=True)
    reply = Reply.objects.filter(is_public=True, is_removed=False).order_by("pk").first()
    report = f"/dialogen/reactie/{reply.pk}/melden/"
    pages["report a reply"] = client.get(report)
    pages["report a reply refused"] = post_form(client, report, {"reason": ""})
    practice = ArticlePage.objects.live().order_by("path").first()
    pages["member on a practice example"] = client.get(practice.url)
    pages["adoption refused"] = post_form(
        client,
        practice.url,
        {"organisation": "", "note": "Bel me op 06-12345678."},
        action=f"/toepassen/{practice.pk}/",
    )
    return pages


@pytest.fixture(scope="module")
def rendered_pages(django_db_setup, django_db_blocker):
    """Every page type, listing and form state on the demo site, by name, rendered once for
    the module's tests; the demo content is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        run_command("load_demo")
        pages = {**visitor_pages(Client()), **error_pages(), **member_pages(Client())}
        transaction.set_rollback(True)
    for name, response in pages.items():
        assert response.status_code < 500 or name in {"500", "503"}, name
    return {name: response.content.decode() for name, response in pages.items()}


@pytest.fixture(scope="session")
def checker_command():
    """The command line of the Nu HTML Checker; skips (before any page is rendered) without
    Java or vnu.jar."""
    java = shutil.which("java")
    if not java:
        pytest.skip(
            "Java not found: install a Java runtime (apt-get install default-jre-headless)"
        )
    if not VNU_JAR.exists():
        pytest.skip("vnu.jar not found: run `make pytest` or `npm ci` (package.json: vnu-jar)")
    return [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always"]


def test_every_page_type_and_form_state_is_valid_html(checker_command, rendered_pages, tmp_path):
    files = {}
    for number, (name, html) in enumerate(rendered_pages.items()):
        path = tmp_path / f"{number:03}-{re.sub(r'[^a-z0-9]+', '-', name.lower())}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name

    result = subprocess.run(  # noqa: S603 (our own command line)
        [*checker_command, *(str(path) for path in sorted(tmp_path.glob("*.html")))],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )

    messages = json.loads(result.stdout)["messages"]
    problems = [
        f"{files.get(message.get('url', '').rpartition('/')[2])} "
        f"line {message.get('lastLine')}: {message['message']} {message.get('extract', '')!r}"
        for message in messages
        if message["type"] in {"error", "non-document-error"}
    ]
    assert len(files) == len(rendered_pages)
    assert problems == [], "\n".join(problems)


def test_time_elements_give_times_to_the_second_without_a_fraction(rendered_pages):
    datetimes = [
        value
        for html in rendered_pages.values()
        for value in re.findall(r'<time[^>]* datetime="(\d{4}-[^"]*)"', html)
    ]

    assert datetimes
    assert [value for value in datetimes if "." in value] == []


def test_the_password_rules_on_the_sign_up_page_are_not_a_list_inside_a_span(rendered_pages):
    html = rendered_pages["/account/signup/"]

    assert 'id="id_password1_helptext"><ul>' in html
    assert not re.search(r"<span[^>]*>\s*<ul", html)


def test_no_page_says_u_or_uw(rendered_pages):
    formal = {}
    for name, html in rendered_pages.items():
        soup = BeautifulSoup(html, "html.parser")
        for hidden in soup(["script", "style", "template"]):
            hidden.decompose()
        if words := FORMAL.findall(soup.get_text(" ")):
            formal[name] = words

    assert formal == {}
