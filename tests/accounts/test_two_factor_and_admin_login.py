"""The admin has no login of its own: the site's login, with its limits and a second factor."""

import time

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)

from tests.dialogues.conftest import verified
from tests.factories import PASSWORD, ContributorFactory, EditorFactory

LOGIN_URL = "/account/login/"


@pytest.fixture
def editor_with_email(db):
    return verified(EditorFactory(email="redacteur@example.org"))


def current_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(client, email, password=PASSWORD):
    return client.post(LOGIN_URL, {"login": email, "password": password})


def test_the_admin_login_page_sends_people_to_the_site_login(client):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=%2Fadmin%2Fpages%2F"


def test_the_admin_login_redirect_refuses_to_send_people_elsewhere(client):
    response = client.get("/admin/login/?next=https://kwaad.example.com/")

    assert response["Location"] == "/account/login/?next=%2Fadmin%2F"


TOO_MANY = "Te veel inlogpogingen"


def test_failed_logins_for_one_account_are_limited(client, editor_with_email):
    answers = [log_in(client, "redacteur@example.org", "fout") for _ in range(6)]

    assert [TOO_MANY in answer.text for answer in answers] == [False] * 5 + [True]
    # Even the right password does not get through the limit, for now.
    response = log_in(client, "redacteur@example.org")
    assert TOO_MANY in response.text
    assert "_auth_user_id" not in client.session


def test_failed_logins_from_one_address_are_limited_across_accounts(client, db):
    answers = [log_in(client, f"iemand{number}@example.org", "fout") for number in range(11)]

    assert not any(TOO_MANY in answer.text for answer in answers[:10])
    assert TOO_MANY in answers[10].text


def test_with_2fa_required_an_editor_without_it_is_sent_to_set_it_up(
    client, editor_with_email, settings
):
    settings.HVDJ_REQUIRE_2FA_FOR_EDITORS = True
    log_in(client, "redacteur@example.org")

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/account/2fa/totp/activate/"
    # allauth asks for the password once more before an authenticator is added.
    page = client.get(response["Location"], follow=True)
    assert page.redirect_chain[-1][0].startswith("/account/reauthenticate/")
    assert "tweestapsverificatie verplicht" in page.text
    assert client.get("/admin/").status_code == 302  # still not in


def test_with_2fa_required_an_editor_with_an_authenticator_enters_the_admin(
    client, editor_with_email, settings
):
    settings.HVDJ_REQUIRE_2FA_FOR_EDITORS = True
    TOTP.activate(editor_with_email, generate_totp_secret())
    client.force_login(editor_with_email)

    assert client.get("/admin/").status_code == 200


def test_members_are_not_asked_for_2fa(client, settings, db):
    settings.HVDJ_REQUIRE_2FA_FOR_EDITORS = True
    member = verified(ContributorFactory())
    client.force_login(member)

    assert client.get("/mijn-account/").status_code == 200


def test_an_editor_with_2fa_logs_in_with_password_and_code(client, editor_with_email):
    secret = generate_totp_secret()
    TOTP.activate(editor_with_email, secret)

    response = log_in(client, "redacteur@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/account/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # not in yet

    wrong = client.post("/account/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert client.get("/admin/").status_code == 302

    right = client.post("/account/2fa/authenticate/", {"code": current_code(secret)})
    assert right.status_code == 302
    assert client.get("/admin/").status_code == 200
