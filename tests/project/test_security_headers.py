"""Security headers on every response, `check --deploy`, and the cookies' flags."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.dialogues.conftest import verified
from tests.factories import ArticlePageFactory, ContributorFactory

PROJECT = Path(django_settings.BASE_DIR)


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in policy.split(";"))
        if part
    }


def test_check_deploy_gives_no_warnings_with_the_production_settings():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hartvoordejeugd.settings.production",
        "SECRET_KEY": "een-lange-willekeurige-sleutel-" + "x" * 40,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/hartvoordejeugd",
        "ALLOWED_HOSTS": "www.example.nl",
    }
    environment.pop("SECURE_SSL_REDIRECT", None)
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' conftest

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_public_page_has_the_strict_policy(client, home):
    page = ArticlePageFactory()

    policy = directives(client.get(page.url))

    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["frame-src"] == [
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]


def test_no_public_response_allows_inline_or_eval_scripts(client, home):
    page = ArticlePageFactory()
    for url in ("/", page.url, "/zoeken/?q=gezin", "/account/login/", "/bestaat-niet/"):
        policy = directives(client.get(url))
        assert "'unsafe-inline'" not in policy["script-src"], url
        assert "'unsafe-eval'" not in policy["script-src"], url


def test_the_admin_has_its_own_looser_policy(editor_client):
    response = editor_client.get("/admin/")

    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_permissions_policy_switches_off_unused_features_but_not_the_video_players(
    client, home
):
    header = client.get(ArticlePageFactory().url)["Permissions-Policy"]

    features = dict(part.split("=", 1) for part in header.split(", "))
    assert set(features.values()) == {"()"}
    assert {"camera", "microphone", "geolocation", "payment", "browsing-topics"} <= set(features)
    assert "autoplay" not in features
    assert "fullscreen" not in features


def cut_off_upload(client):
    return client.generic(
        "POST",
        "/deel-je-verhaal/artikel/",
        b'--grens\r\nContent-Disposition: form-data; name="title"\r\n\r\nzonder einde',
        content_type="multipart/form-data; boundary=grens",
    )


def expired_form(client):
    return Client(enforce_csrf_checks=True).post("/account/login/", {"login": "a@example.org"})


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        (lambda client: client.get("/"), 200),
        (lambda client: client.get("/bestaat-niet/"), 404),
        (lambda client: client.get("/mijn-account/"), 302),
        (lambda client: client.get("/health/"), 200),
        (lambda client: client.get("/", HTTP_HOST="kwaad.example.com"), 400),
        (cut_off_upload, 400),
        (expired_form, 403),
    ],
    ids=["page", "not-found", "redirect", "health", "unknown-host", "cut-off-upload", "csrf"],
)
def test_every_response_has_the_security_headers(client, home, settings, answer, status):
    settings.ALLOWED_HOSTS = ["testserver"]
    client.raise_request_exception = False
    response = answer(client)

    assert response.status_code == status
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert directives(response)["default-src"] == ["'none'"]


def test_hsts_is_sent_over_https_in_production(client, home, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    response = client.get("/", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_httponly_and_samesite(client, home):
    member = verified(ContributorFactory())
    client.get("/account/login/")
    client.post("/account/login/", {"login": member.email, "password": "wachtwoord-voor-tests"})

    session = client.cookies[django_settings.SESSION_COOKIE_NAME]
    csrf = client.cookies[django_settings.CSRF_COOKIE_NAME]
    assert session["httponly"] and csrf["httponly"]
    assert session["samesite"] == csrf["samesite"] == "Lax"
