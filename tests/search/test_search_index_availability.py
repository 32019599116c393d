"""The search index is derived: when it is missing or damaged, the first search starts a
rebuild and visitors get a Dutch "zoeken is zo weer beschikbaar" page (503, never a 500)."""

import shutil

import pytest

from search.tantivy import availability
from search.tantivy.index import default_path, forget
from tests.factories import ArticlePageFactory

# The rebuild runs in a thread with its own database connection: it must see the content.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def found(response):
    return [story.pk for story in response.context["results"]]


def wait_for_rebuild():
    for thread in list(availability._rebuilds.values()):
        thread.join(timeout=60)


def remove_index():
    path = default_path()
    forget(path)
    shutil.rmtree(path)


def damage_index():
    path = default_path()
    forget(path)
    (path / "meta.json").write_text("{ not json")


@pytest.mark.parametrize("harm", [remove_index, damage_index], ids=["missing", "damaged"])
def test_a_broken_index_gives_a_dutch_503_page_until_its_rebuild_is_done(
    client, home, embedded_search, harm
):
    story = ArticlePageFactory(title="Pleegzorg in de wijk")
    harm()

    response = client.get("/zoeken/", {"q": "pleegzorg"})

    assert response.status_code == 503
    assert response["Retry-After"] == str(availability.RETRY_AFTER)
    assert "Zoeken is zo weer beschikbaar" in response.content.decode()
    wait_for_rebuild()
    response = client.get("/zoeken/", {"q": "pleegzorg"})
    assert response.status_code == 200
    assert found(response) == [story.pk]


def test_the_feed_and_autocomplete_do_not_fail_while_the_index_is_rebuilt(
    client, home, embedded_search
):
    remove_index()

    feed = client.get("/zoeken/feed/", {"q": "pleegzorg"})
    suggestions = client.get("/zoeken/suggesties/", {"q": "pleeg"})

    assert feed.status_code == 503
    assert suggestions.status_code == 200
    assert suggestions.json()["suggestions"] == []
    wait_for_rebuild()


def test_the_ready_check_reports_the_index_and_starts_its_rebuild(client, home, embedded_search):
    assert client.get("/ready/").json()["search_index"] == "ok"
    remove_index()

    building = client.get("/ready/")

    assert building.status_code == 200
    assert building.json()["search_index"] == "building"
    wait_for_rebuild()
    assert client.get("/ready/").json()["search_index"] == "ok"
