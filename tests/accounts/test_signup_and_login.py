import gettext
import json
import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import cache

from tests.factories import PASSWORD, RegionFactory

SIGNUP_URL = "/account/signup/"
LOGIN_URL = "/account/login/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def signup_data(**overrides):
    return {
        "email": "moeder@example.org",
        "display_name": "Sanne",
        "role": "ouder",
        "region": "",
        "accept_rules": "on",
        "password1": "een-lang-wachtwoord-42",
        "password2": "een-lang-wachtwoord-42",
        "website": "",
        **overrides,
    }


def confirmation_link(mail):
    return re.search(r"https?://[^/\s]+(/account/confirm-email/[^\s]+/)", mail.body).group(1)


@pytest.mark.django_db
def test_a_new_member_signs_up_verifies_by_the_mailed_link_and_is_logged_in(client, mailoutbox):
    region = RegionFactory(name="Twente")
    response = client.post(SIGNUP_URL, signup_data(region=region.pk))

    assert response.status_code == 302
    member = get_user_model().objects.get(email="moeder@example.org")
    assert (member.display_name, member.role, member.region) == ("Sanne", "ouder", region)
    assert list(member.groups.values_list("name", flat=True)) == ["Bijdragers"]
    assert not EmailAddress.objects.get(user=member).verified
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["moeder@example.org"]
    assert "Hart voor de Jeugd" in mailoutbox[0].subject

    link = confirmation_link(mailoutbox[0])
    assert client.get(link).status_code == 200
    response = client.post(link)

    assert response.status_code == 302
    assert EmailAddress.objects.get(user=member).verified
    assert client.get("/mijn-account/").status_code == 200


@pytest.mark.django_db
def test_a_member_cannot_log_in_before_verifying_the_address(client, mailoutbox):
    client.post(SIGNUP_URL, signup_data())
    client.logout()

    response = client.post(
        LOGIN_URL, {"login": "moeder@example.org", "password": "een-lang-wachtwoord-42"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/account/confirm-email/"
    assert client.get("/mijn-account/").status_code == 302


@pytest.mark.django_db
def test_a_verified_member_logs_in_with_email_and_password_and_out_again(client, contributor):
    EmailAddress.objects.create(
        user=contributor, email=contributor.email, verified=True, primary=True
    )

    response = client.post(LOGIN_URL, {"login": contributor.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/mijn-account/"
    assert client.get("/mijn-account/").status_code == 200
    client.post("/account/logout/")
    assert client.get("/mijn-account/").status_code == 302


@pytest.mark.django_db
def test_a_member_never_gets_into_the_wagtail_admin(client, mailoutbox):
    client.post(SIGNUP_URL, signup_data())
    client.post(confirmation_link(mailoutbox[0]))

    response = client.get("/admin/")

    assert response.status_code in (302, 403)
    assert "/admin/login/" in response.get("Location", "/admin/login/")


@pytest.mark.django_db
def test_sign_up_keeps_what_was_typed_and_explains_each_problem_in_dutch(client):
    response = client.post(
        SIGNUP_URL,
        signup_data(display_name="  ", accept_rules="", password2="iets-anders-123"),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="moeder@example.org"' in html
    assert "Vul een weergavenaam in." in html
    assert "Je moet hetzelfde wachtwoord twee keer intoetsen." in html
    assert "Je kunt pas meedoen als je de spelregels accepteert." in html
    assert not get_user_model().objects.filter(email="moeder@example.org").exists()


@pytest.mark.django_db
def test_a_bot_that_fills_the_honeypot_gets_no_account(client, mailoutbox):
    response = client.post(SIGNUP_URL, signup_data(website="https://spam.example"))

    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="moeder@example.org").exists()
    assert mailoutbox == []


@pytest.mark.django_db
def test_signups_from_one_address_are_rate_limited(client):
    statuses = [
        client.post(SIGNUP_URL, signup_data(email=f"lid{n}@example.org")).status_code
        for n in range(7)
    ]

    assert statuses[:5] == [302] * 5
    assert 429 in statuses[5:]
    assert get_user_model().objects.count() == 5


@pytest.mark.django_db
def test_repeated_failed_logins_for_one_account_are_stopped(client, contributor):
    EmailAddress.objects.create(
        user=contributor, email=contributor.email, verified=True, primary=True
    )
    for _attempt in range(5):
        client.post(LOGIN_URL, {"login": contributor.email, "password": "fout"})

    response = client.post(LOGIN_URL, {"login": contributor.email, "password": PASSWORD})

    assert response.status_code in (200, 429)
    assert client.get("/mijn-account/").status_code == 302


@pytest.mark.django_db
def test_password_reset_mails_a_working_link(client, contributor, mailoutbox):
    EmailAddress.objects.create(
        user=contributor, email=contributor.email, verified=True, primary=True
    )

    client.post("/account/password/reset/", {"email": contributor.email})

    assert len(mailoutbox) == 1
    link = re.search(r"https?://[^/\s]+(/account/password/reset/key/[^\s]+/)", mailoutbox[0].body)
    response = client.get(link.group(1), follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(
        form_url, {"password1": "nieuw-wachtwoord-77", "password2": "nieuw-wachtwoord-77"}
    )
    assert response.status_code == 302
    contributor.refresh_from_db()
    assert contributor.check_password("nieuw-wachtwoord-77")


@pytest.mark.django_db
def test_the_account_pages_say_inloggen_and_uitloggen_not_aanmelden(client, contributor):
    """allauth's Dutch says "aanmelden", the site's word for signing up to a webinar."""
    login_page = client.get(LOGIN_URL).content.decode()
    signup_page = client.get(SIGNUP_URL).content.decode()
    client.force_login(contributor)
    logout_page = client.get("/account/logout/").content.decode()

    login = BeautifulSoup(login_page, "html.parser")
    assert login.h1.get_text(strip=True) == "Inloggen"
    assert login.select_one("main form button[type=submit]").get_text(strip=True) == "Inloggen"
    assert "Log dan in" in signup_page
    assert "Weet je zeker dat je wilt uitloggen?" in logout_page
    assert "Aanmelden" not in login_page + signup_page + logout_page
    assert "afmelden" not in logout_page


def test_the_compiled_catalog_holds_every_translation_of_the_po_file():
    """hartvoordejeugd/locale: the committed .mo file was compiled from the current .po file."""
    folder = Path(__file__).resolve().parents[2] / "hartvoordejeugd/locale/nl/LC_MESSAGES"
    entries = re.findall(
        r'^msgid "(.+)"\nmsgstr "(.*)"$', (folder / "django.po").read_text(), re.M
    )
    with (folder / "django.mo").open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)

    # PO strings escape quotes, backslashes and newlines as JSON strings do.
    entries = [(json.loads(f'"{msgid}"'), json.loads(f'"{msgstr}"')) for msgid, msgstr in entries]

    assert entries
    assert {msgid: catalog.gettext(msgid) for msgid, _ in entries} == dict(entries)
