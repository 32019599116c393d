"""Which backend answers the public search, and whether it can.

The setting HVDJ_PUBLIC_SEARCH_BACKEND names a WAGTAILSEARCH_BACKENDS entry (the admin keeps
"default"). `engine()` gives the backends that answer a whole results page themselves (the
embedded index, after checking that it is built, and Elasticsearch or OpenSearch through
`public_search`); None means the database backend, whose matches search.engine pages and counts
in the database.
"""

from dataclasses import dataclass

from django.conf import settings
from wagtail.search.backends import get_search_backend

from .tantivy.availability import ensure_available


def public_backend_alias():
    """The WAGTAILSEARCH_BACKENDS entry of the public search (setting
    HVDJ_PUBLIC_SEARCH_BACKEND; the admin keeps using "default")."""
    return getattr(settings, "HVDJ_PUBLIC_SEARCH_BACKEND", "default")


_backends = {}


def public_backend():
    """The backend instance of the public search, one per configuration and process: an
    Elasticsearch backend then keeps its client and its connections from search to search.
    (The embedded engine's default directory is part of its configuration.)"""
    alias = public_backend_alias()
    key = (
        alias,
        repr(settings.WAGTAILSEARCH_BACKENDS.get(alias)),
        str(getattr(settings, "HVDJ_SEARCH_INDEX_DIR", "")),
    )
    if key not in _backends:
        _backends[key] = get_search_backend(alias)
    return _backends[key]


def is_embedded(backend):
    """Whether `backend` is the embedded engine (search/tantivy/backend.py)."""
    return hasattr(backend, "search_stories")


def embedded_backend():
    """The embedded engine when it serves the public search and can answer, else None.
    Raises SearchUnavailable (and starts a rebuild) when its index is missing or damaged."""
    backend = public_backend()
    if not is_embedded(backend):
        return None
    ensure_available(public_backend_alias(), backend.path)
    return backend


@dataclass
class Engine:
    """A backend that answers a whole results page itself: the page of ids, the total, every
    facet's counts, the "most words" fallback (`search`) and typo corrections (`suggest`)."""

    search: object
    suggest: object


def engine():
    """The Engine of the public search: the embedded index (checked as embedded_backend does)
    or Elasticsearch's `public_search`, with the same arguments and answers; None for a
    backend that only finds matches (the database backend), whose facets the database counts."""
    backend = embedded_backend()
    if backend is not None:
        return Engine(backend.search_stories, backend.suggest)
    backend = public_backend()
    if hasattr(backend, "public_search"):  # search/backends/ (Elasticsearch, OpenSearch)
        return Engine(backend.public_search, backend.suggest)
    return None
