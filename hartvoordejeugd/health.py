"""Liveness and readiness endpoints for load balancers and orchestrators."""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.search.backends import get_search_backend

from search.public_backend import embedded_backend
from search.tantivy.availability import SearchUnavailable

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def health(request):
    """The process is up and answering. Touches nothing else, so it stays cheap and honest."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def ready(request):
    """Whether this app server can do its work: database, cache and search reachable.

    Answers 503 with the failing part named, so a load balancer takes the server out of rotation
    until it recovers. With the embedded search index, `search_index` says whether it can
    answer ("ok") or is being (re)built ("building", which this check starts when needed);
    the rest of the site works meanwhile, so it does not make the server unready.
    """
    checks = {"database": _database, "cache": _cache, "search": _search}
    results = {}
    for name, check in checks.items():
        try:
            check()
            results[name] = "ok"
        except Exception:  # any failure means "not ready"; logged, not shown
            logger.exception("Readiness check %s failed", name)
            results[name] = "unavailable"
    healthy = all(result == "ok" for result in results.values())
    payload = {"status": "ok" if healthy else "unavailable", "checks": results}
    index_state = _search_index()
    if index_state is not None:
        payload["search_index"] = index_state
    return JsonResponse(payload, status=200 if healthy else 503)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise DatabaseError("SELECT 1 gave an unexpected answer")


def _cache():
    # A round trip through the real cache: a cache that swallows errors would answer None.
    key = f"hvdj:ready:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    value = cache.get(key)
    cache.delete(key)
    if value != "ok":
        raise ConnectionError("the cache did not return what was stored")


def _search():
    backend = get_search_backend()
    # The database backend lives in the database, checked above; Elasticsearch and OpenSearch
    # have a client, whose ping() says whether the server answers.
    if hasattr(backend, "es") and not backend.es.ping():
        raise ConnectionError("the search server did not answer")


def _search_index():
    """None without the embedded index; "ok" when it answers, else "building"."""
    try:
        return None if embedded_backend() is None else "ok"
    except SearchUnavailable:
        return "building"
