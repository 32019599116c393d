"""The read API's limits: read-only, JSON, and a rate limit that never breaks the API when the
cache is away."""

import pytest
from django.test import override_settings

from tests.factories import ArticlePageFactory

# What a browser asks for: HTML first, anything else after.
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ENDPOINTS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"]
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "core.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
    }
}


@pytest.mark.parametrize("url", ENDPOINTS)
def test_the_api_answers_in_json_and_refuses_writes(client, home, url):
    response = client.get(url, HTTP_ACCEPT=BROWSER_ACCEPT)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert client.post(url, {"title": "Nieuw"}).status_code == 405
    assert client.put(url, "{}", content_type="application/json").status_code == 405
    assert client.delete(url).status_code == 405


def test_a_page_cannot_be_changed_or_deleted_through_the_api(client, home):
    page = ArticlePageFactory(title="Blijft staan")
    url = f"/api/v2/pages/{page.pk}/"

    assert (
        client.patch(url, '{"title": "Weg"}', content_type="application/json").status_code == 405
    )
    assert client.delete(url).status_code == 405
    assert client.get(url).json()["title"] == "Blijft staan"


def test_too_many_requests_get_a_dutch_429(client, home, settings):
    settings.HVDJ_API_RATE = "3/minute"

    statuses = [client.get("/api/v2/pages/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v2/images/")
    assert response.status_code == 429
    assert "te veel verzoeken" in response.json()["detail"]
    assert int(response["Retry-After"]) > 0


def test_the_limit_counts_each_address_on_its_own(client, home, settings):
    settings.HVDJ_API_RATE = "1/minute"

    first = client.get("/api/v2/pages/", REMOTE_ADDR="192.0.2.1")
    other = client.get("/api/v2/pages/", REMOTE_ADDR="192.0.2.2")
    again = client.get("/api/v2/pages/", REMOTE_ADDR="192.0.2.1")

    assert (first.status_code, other.status_code, again.status_code) == (200, 200, 429)


def test_the_api_answers_while_the_cache_is_away(client, home, settings):
    settings.HVDJ_API_RATE = "1/minute"
    ArticlePageFactory(title="Nog steeds te lezen")

    with override_settings(CACHES=UNREACHABLE_REDIS):
        responses = [client.get("/api/v2/pages/") for _ in range(3)]

    assert [response.status_code for response in responses] == [200, 200, 200]
    assert "Nog steeds te lezen" in responses[-1].text
