"""What visitors see when PostgreSQL or Redis stops while the site serves, and the recovery.

PostgreSQL is "stopped" by cutting the network between the app and the server: the test's
connection goes through a small TCP proxy that the test closes and reopens.
"""

import time
import urllib.error
import urllib.request

import pytest
from django.db import close_old_connections, connection
from django.test import Client, override_settings
from django.urls import reverse

from dialogues.models import Reply
from tests.dialogues.conftest import verified
from tests.factories import ContributorFactory, DialogueThreadPageFactory
from tests.project.proxy import TcpProxy
from tests.project.test_health import UNREACHABLE_REDIS

NEEDS_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/...",
)


# Transactional: the proxy must carry real connections; the migrations' data is put back after.
OUTAGE = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def proxied_database():
    settings = connection.settings_dict
    original = settings["HOST"], settings["PORT"]
    proxy = TcpProxy((settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432)))
    proxy.start()
    connection.close()
    settings["HOST"], settings["PORT"] = "127.0.0.1", proxy.port
    yield proxy
    proxy.stop()
    connection.close()
    settings["HOST"], settings["PORT"] = original


def fetch(url):
    """(status, headers, text) of a GET, as a browser would see it, 5xx included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our live server
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@NEEDS_POSTGRESQL
@OUTAGE
def test_a_database_outage_gives_a_dutch_503_quickly_and_the_site_recovers(
    proxied_database, live_server
):
    # A page the database must answer: the home page, its Site and its lists are kept in the
    # cache per generation (core.sites, core.fragments) and may still show during an outage.
    missing = f"{live_server.url}/bestaat-niet/"
    assert fetch(live_server.url)[0] == 200
    assert fetch(missing)[0] == 404

    proxied_database.stop()
    started = time.monotonic()
    status, headers, text = fetch(missing)
    waited = time.monotonic() - started

    assert status == 503
    assert waited < 5
    assert headers["Retry-After"] == "30"
    assert "Even niet beschikbaar" in text
    assert "Traceback" not in text

    proxied_database.start()
    assert fetch(live_server.url)[0] == 200


@NEEDS_POSTGRESQL
@OUTAGE
def test_a_database_that_accepts_and_never_answers_gives_the_503_within_3_5_seconds(
    proxied_database, live_server
):
    # Two addresses for the server, as "localhost" has (::1 and 127.0.0.1): psycopg gives
    # each address its own connect_timeout unless the request's budget is shared.
    connection.settings_dict["HOST"] = "127.0.0.1,127.0.0.1"
    missing = f"{live_server.url}/bestaat-niet/"  # the database must answer (see above)
    assert fetch(live_server.url)[0] == 200

    proxied_database.silence()
    attempts_before = proxied_database.accepted
    started = time.monotonic()
    status, _, text = fetch(missing)
    waited = time.monotonic() - started

    assert status == 503
    assert "Even niet beschikbaar" in text
    assert waited < 3.5
    assert proxied_database.accepted - attempts_before == 1
    proxied_database.start()
    assert fetch(live_server.url)[0] == 200


@NEEDS_POSTGRESQL
@OUTAGE
def test_a_reply_sent_during_an_outage_is_shown_back_and_not_half_saved(proxied_database):
    thread = DialogueThreadPageFactory(title="Praten met school")
    member = verified(ContributorFactory())
    visitor = Client(raise_request_exception=False)
    visitor.force_login(member)
    assert visitor.get(thread.url).status_code == 200
    typed = "Wij hebben dit ook meegemaakt en het hielp om samen met school te praten."

    proxied_database.stop()
    response = visitor.post(reverse("reply", args=[thread.pk]), {"comment": typed})

    assert response.status_code == 503
    assert typed in response.text
    assert "Je bericht is niet verstuurd" in response.text
    proxied_database.start()
    close_old_connections()  # what Django does when the next request starts
    assert not Reply.objects.filter(comment=typed).exists()


def test_a_redis_outage_keeps_the_site_serving_for_visitors_and_members(client, home):
    member = verified(ContributorFactory())
    sessions = {"SESSION_ENGINE": "django.contrib.sessions.backends.cached_db"}
    with override_settings(CACHES=UNREACHABLE_REDIS, **sessions):
        assert client.get("/").status_code == 200
        client.force_login(member)
        response = client.get("/mijn-account/")

    assert response.status_code == 200
    assert response.context["user"] == member


def test_the_site_keeps_serving_while_redis_is_away_and_uses_it_again_after(
    client, home, redis_proxy
):
    assert client.get("/ready/").json()["checks"]["cache"] == "ok"

    redis_proxy.stop()
    assert client.get("/").status_code == 200
    assert client.get("/ready/").json()["checks"]["cache"] == "unavailable"

    redis_proxy.start()
    assert client.get("/ready/").json()["checks"]["cache"] == "ok"
