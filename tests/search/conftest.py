"""Fixtures of the search tests that put a search server's backend behind the pages."""

import socket

import pytest

from search import public_backend
from search.tantivy.index import forget


@pytest.fixture
def public_search_on(settings, monkeypatch):
    """Makes a search server's backend the default and the public search's, made afresh."""

    def use(backend_path, urls=("http://search.invalid:9200",)):
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {"BACKEND": backend_path, "URLS": list(urls)}
        }
        settings.HVDJ_PUBLIC_SEARCH_BACKEND = "default"
        # A backend made with the client of now, not one kept from an earlier test.
        monkeypatch.setattr(public_backend, "_backends", {})

    return use


@pytest.fixture
def closed_port():
    """A port on this machine that nothing listens on."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        return closed.getsockname()[1]


@pytest.fixture
def index_dir(settings, tmp_path):
    """An embedded index of the test's own, used by the `tantivy` backend of this process and of
    any process or thread it starts; forgotten afterwards."""
    path = tmp_path / "search-index"
    settings.HVDJ_SEARCH_INDEX_DIR = path
    yield path
    forget(path)
