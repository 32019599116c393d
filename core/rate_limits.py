"""Hourly allowances per person or per IP address, kept in the cache.

Behind a reverse proxy every request comes from the proxy's address; `client_ip` then reads
X-Forwarded-For, trusting as many proxies as TRUSTED_PROXY_COUNT says (the same setting
allauth uses for its login limits).
"""

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from core.cache import outage


def client_ip(request: HttpRequest) -> str | None:
    """The visitor's IP address, or None when it cannot be told."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None
    except ImproperlyConfigured:
        # Fewer addresses in X-Forwarded-For than TRUSTED_PROXY_COUNT: a request that did not
        # pass every proxy. Count it by the address it came from.
        return request.META.get("REMOTE_ADDR") or None


def hashed_ip(ip_address: str | None) -> str:
    """A keyed hash of an IP address: it can be counted and compared, not read back."""
    return salted_hmac("hartvoordejeugd.dialogues.ip", ip_address or "").hexdigest()[:32]


def within_allowance(key: str, limit: int) -> bool:
    """Count one more action for `key` in the current hour; False once the limit is passed.

    A limit whose store is unreachable lets the action through: the site keeps serving while
    Redis is away, and `outage` says so once in the log.
    """
    cache_key = f"hvdj:allowance:{key}"
    try:
        cache.add(cache_key, 0, timeout=3600)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=3600)
            count = 1
    except Exception as error:  # noqa: BLE001 - each cache backend raises its own errors
        outage.unreachable(error)
        return True
    if count is None:  # a backend that swallows its errors (django-redis IGNORE_EXCEPTIONS)
        outage.unreachable()
        return True
    return count <= limit
