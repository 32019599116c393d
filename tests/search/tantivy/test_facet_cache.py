"""Facet counts kept per query until the index changes (search/tantivy/facet_cache.py)."""

from search.tantivy import index as index_module
from search.tantivy.documents import make_document
from search.tantivy.facet_cache import FacetCache
from search.tantivy.query import search


def add(index, pk, title, theme):
    with index_module.writer(index) as writer:
        writer.add_document(
            make_document(pk, {"title": title}, {"themes": [theme]}, type=1, published=None)
        )


def test_the_counts_of_a_query_are_kept_until_the_index_changes(tmp_path):
    index = index_module.open_index(tmp_path)
    kept = FacetCache(tmp_path)
    add(index, 1, "Pleegzorg in de wijk", 7)

    first = search(index, "pleegzorg", facets=("themes",), facet_cache=kept)
    next_page = search(index, "pleegzorg", facets=("themes",), facet_cache=kept, offset=12)
    other_filter = search(
        index, "pleegzorg", facets=("themes",), filters={"themes": [8]}, facet_cache=kept
    )
    add(index, 2, "Pleegzorg op school", 7)
    after_a_change = search(index, "pleegzorg", facets=("themes",), facet_cache=kept)

    assert first.facets == {"themes": {7: 1}}
    assert next_page.facets is first.facets  # kept, not counted again
    assert other_filter.facets is not first.facets
    assert (after_a_change.total, after_a_change.facets) == (2, {"themes": {7: 2}})
    index_module.forget(tmp_path)
