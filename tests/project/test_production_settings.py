"""The production settings come from the environment only, and refuse to start half-set."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PROBE = """
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
default_storage = storages["default"]
print(type(default_storage).__name__)
print(default_storage.url("documents/verslag.pdf"))
print(settings.CACHES["default"]["BACKEND"], settings.SESSION_ENGINE)
print(settings.HVDJ_REQUIRE_2FA_FOR_EDITORS, settings.DEBUG)
"""


PRODUCTION_SETTINGS = "hartvoordejeugd.settings.production"


def run_with(probe=PROBE, **environment):
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("S3_", "MEDIA_", "REDIS", "SECRET", "DATABASE"))
    }
    return subprocess.run(  # noqa: S603 - our own settings, in a fresh interpreter
        [sys.executable, "-W", "ignore::UserWarning", "-c", probe],
        cwd=Path(settings.BASE_DIR),
        env={
            **base,
            "DJANGO_SETTINGS_MODULE": "hartvoordejeugd.settings.production",
            **environment,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "SECRET_KEY": "k" * 50,
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/hartvoordejeugd",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def test_production_uses_redis_for_the_cache_and_sessions_in_the_database_too():
    result = run_with(**PRODUCTION)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "FileSystemStorage"
    assert lines[2] == "core.cache.RedisCache django.contrib.sessions.backends.cached_db"
    assert lines[3] == "True False"  # 2FA required for editors, never DEBUG


def test_media_in_s3_is_handed_out_through_signed_links():
    result = run_with(
        **PRODUCTION,
        MEDIA_STORAGE="s3",
        S3_BUCKET="hvdj-media",
        S3_ENDPOINT_URL="https://s3.example.nl",
        S3_REGION="nl-ams",
        S3_ACCESS_KEY_ID="sleutel",
        S3_SECRET_ACCESS_KEY="geheim",
    )

    assert result.returncode == 0, result.stderr
    storage, url = result.stdout.splitlines()[:2]
    assert storage == "S3Storage"
    assert url.startswith("https://s3.example.nl/hvdj-media/documents/verslag.pdf?")
    assert "Signature=" in url or "X-Amz-Signature=" in url


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with(DATABASE_URL=PRODUCTION["DATABASE_URL"])

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_malformed_api_rate_stops_the_start_with_what_to_write():
    result = run_with(**PRODUCTION, HVDJ_API_RATE="60 per minute")

    assert result.returncode != 0
    assert "HVDJ_API_RATE must be a number of requests per" in result.stderr


def test_production_refuses_sqlite():
    result = run_with(SECRET_KEY="k" * 50, DATABASE_URL="sqlite:///db.sqlite3")

    assert "DATABASE_URL must point at PostgreSQL" in result.stderr


def test_production_refuses_s3_without_a_bucket():
    result = run_with(**PRODUCTION, MEDIA_STORAGE="s3")

    assert "MEDIA_STORAGE=s3 needs S3_BUCKET" in result.stderr


UNKNOWN_HOST_PROBE = """
import django
django.setup()
from django.test import Client
visitor = Client(HTTP_X_FORWARDED_PROTO="https")
print(visitor.get("/", HTTP_HOST="kwaad.example.com").status_code)
"""


def test_a_request_for_an_unknown_host_is_one_line_in_the_production_log():
    result = run_with(
        UNKNOWN_HOST_PROBE,
        SECRET_KEY=PRODUCTION["SECRET_KEY"],
        DATABASE_URL=PRODUCTION["DATABASE_URL"],
        ALLOWED_HOSTS="www.example.nl",
    )

    assert result.stdout.strip() == "400", result.stderr
    assert result.stderr.splitlines() == [
        "Invalid HTTP_HOST header: 'kwaad.example.com'. "
        "You may need to add 'kwaad.example.com' to ALLOWED_HOSTS."
    ]
