"""The Redis cache, forgiving while Redis is away, and the one warning that says so.

django-redis with IGNORE_EXCEPTIONS answers a failed read as a miss, but a failed `add` as
"the key is taken" and a failed `incr` as None; it logs a traceback for every failed
operation. A store that is away should instead behave as an empty one that keeps nothing:
locks (allauth's rate limits take one with `add`) and allowances let the request through,
and the log says once that the cache is away, and once that it is back.
"""

import logging
import sys
import threading

from django_redis.cache import CONNECTION_INTERRUPTED, omit_exception
from django_redis.cache import RedisCache as DjangoRedisCache

logger = logging.getLogger(__name__)


class CacheOutage:
    """Whether the cache answered: one warning when it stops, one line when it is back."""

    def __init__(self):
        self._lock = threading.Lock()
        self.away = False

    def unreachable(self, error=None):
        with self._lock:
            if self.away:
                return
            self.away = True
        reason = f"{type(error).__name__}: {error}" if error else "no answer"
        logger.warning(
            "The cache is unreachable (%s): nothing is cached and rate limits let requests "
            "through until it answers again.",
            reason,
        )

    def reachable(self):
        if not self.away:  # the common case, without taking the lock
            return
        with self._lock:
            if not self.away:
                return
            self.away = False
        logger.info("The cache answers again.")


outage = CacheOutage()


class _OutageLog:
    """Stands in for django-redis's logger of ignored errors: reports the outage once."""

    def exception(self, *args, **kwargs):
        error = sys.exc_info()[1]
        outage.unreachable(error.__cause__ or error if error else None)


class RedisCache(DjangoRedisCache):
    """django-redis as an empty cache while Redis is away (IGNORE_EXCEPTIONS is implied)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._ignore_exceptions = True
        self._log_ignored_exceptions = True
        self.logger = _OutageLog()

    @omit_exception(return_value=True)
    def add(self, *args, **kwargs):
        """True when Redis is away, as an empty cache would: whoever takes a lock goes ahead."""
        return self.client.add(*args, **kwargs)

    def get(self, key, default=None, version=None, client=None):
        value = self._get(key, default, version, client)
        if value is CONNECTION_INTERRUPTED:
            return default
        outage.reachable()
        return value
