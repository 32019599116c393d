"""Limits per IP address count the visitor behind the reverse proxy, not the proxy."""

import pytest
from django.test import RequestFactory

from core.rate_limits import client_ip
from tests.factories import WebinarPageFactory

PROXY = "10.0.0.2"


def request_through(forwarded_for=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    return RequestFactory().get("/", REMOTE_ADDR=PROXY, **headers)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0

    assert client_ip(request_through("203.0.113.7")) == PROXY


def test_behind_one_proxy_the_address_it_added_counts_and_a_forged_one_does_not(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    # A visitor who sends "X-Forwarded-For: 198.51.100.1" arrives with the proxy's addition.
    assert client_ip(request_through("198.51.100.1, 203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_through("203.0.113.7")) == "203.0.113.7"


def test_a_request_that_skipped_a_proxy_counts_by_the_address_it_came_from(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2

    assert client_ip(request_through("203.0.113.7")) == PROXY
    assert client_ip(request_through()) == PROXY


@pytest.fixture
def webinar(home):
    return WebinarPageFactory(capacity=None)


def register(client, webinar, name, visitor_address):
    return client.post(
        f"{webinar.url}aanmelden/",
        {"name": name, "email": f"{name.lower()}@example.org"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=visitor_address,
    )


def test_visitors_behind_the_same_proxy_have_their_own_allowance(client, webinar, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.HVDJ_REGISTRATIONS_PER_HOUR_PER_IP = 1

    first = register(client, webinar, "Anna", "203.0.113.7")
    other_visitor = register(client, webinar, "Bram", "203.0.113.8")
    first_again = register(client, webinar, "Cor", "203.0.113.7")

    assert (first.status_code, other_visitor.status_code) == (302, 302)
    assert first_again.status_code == 429
