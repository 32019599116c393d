"""/health/ and /ready/: what a load balancer asks before sending visitors."""

import pytest
from django.conf import settings
from django.test import override_settings

# Redis where nothing answers, beside the process's own cache as the settings have it.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "core.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.2,
            "IGNORE_EXCEPTIONS": True,
        },
    },
    "process": settings.CACHES["process"],
}


def test_health_answers_without_touching_the_database(client):
    # Without the `db` fixture pytest-django refuses every query, so this fails if one is made.
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_ready_reports_database_cache_search_and_the_search_index(client, db, embedded_search):
    response = client.get("/ready/")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "search": "ok"},
        "search_index": "ok",
    }


def test_ready_answers_503_and_names_the_cache_when_redis_is_unreachable(client, db):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = client.get("/ready/")

    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "ok",
        "cache": "unavailable",
        "search": "ok",
    }


def test_ready_is_ok_with_a_real_redis(client, db):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis not running on 127.0.0.1:6379: install and start redis-server")
    real_redis = {
        **UNREACHABLE_REDIS,
        "default": {**UNREACHABLE_REDIS["default"], "LOCATION": "redis://127.0.0.1:6379/15"},
    }
    with override_settings(CACHES=real_redis):
        response = client.get("/ready/")

    assert response.status_code == 200
    assert response.json()["checks"]["cache"] == "ok"


def test_health_refuses_other_methods(client):
    assert client.post("/health/").status_code == 405
