"""Fixtures for the fault tests: a real Redis behind a TCP proxy that a test can cut."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from tests.project.proxy import TcpProxy
from tests.project.test_health import UNREACHABLE_REDIS


def redis_through(proxy):
    """CACHES for the Redis on 127.0.0.1:6379, reached through `proxy` (database 14)."""
    return {
        **UNREACHABLE_REDIS,
        "default": {
            **UNREACHABLE_REDIS["default"],
            "LOCATION": f"redis://127.0.0.1:{proxy.port}/14",
        },
    }


@pytest.fixture
def redis_proxy():
    """A TCP proxy in front of the local Redis, which the site uses as its cache and session
    store (cached_db, as in production) while the test runs; skips when Redis is not running."""
    redis = pytest.importorskip("redis")
    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis not running on 127.0.0.1:6379: install and start redis-server")
    proxy = TcpProxy(("127.0.0.1", 6379))
    proxy.start()
    sessions = {"SESSION_ENGINE": "django.contrib.sessions.backends.cached_db"}
    try:
        with override_settings(CACHES=redis_through(proxy), **sessions):
            cache.clear()
            cache.get("hvdj:probe")  # the cache answers: no outage left over from before
            yield proxy
    finally:
        proxy.stop()
