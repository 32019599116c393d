"""The search engine's answer to the "similar_stories" hook that stories declares
(stories/similar.py): {id: score} of the stories most like a page.

The embedded index answers (search/tantivy/similar.py) when it is built; a story page never
starts a rebuild (the search pages do that). Elasticsearch and OpenSearch answer with their
more_like_this (search/backends/query.py), None when they cannot be reached. The database
backend gives None: stories then ranks by shared taxonomy alone.
"""

from django.contrib.contenttypes.models import ContentType

from stories.similar import TAXONOMY_WEIGHTS

from .public_backend import is_embedded, public_backend
from .tantivy import availability
from .tantivy import similar as tantivy_similar


def similar_scores(page, *, terms, models, limit):
    """{id: score} of up to `limit` live, public stories of `models` like `page`, or None
    when the public search's engine cannot say."""
    if page.pk is None:
        return None
    backend = public_backend()
    types = [kind.pk for kind in ContentType.objects.get_for_models(*models).values()]
    options = {"terms": terms, "weights": TAXONOMY_WEIGHTS, "types": types, "limit": limit}
    if is_embedded(backend):
        if not availability.is_built(backend.path):
            return None
        return tantivy_similar.similar(backend.index, page, **options)
    if hasattr(backend, "similar_stories"):  # search/backends/ (Elasticsearch, OpenSearch)
        try:
            return backend.similar_stories(page, **options)
        except availability.SearchUnavailable:
            return None  # logged by the backend
    return None
