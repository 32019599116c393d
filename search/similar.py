"""The search engine's answer to the "similar_stories" hook that stories declares
(stories/similar.py): {id: score} of the stories most like a page.

The embedded index answers with tantivy's more-like-this (search/tantivy/similar.py) when it is
built; it never starts a rebuild from a story page (the search pages do that). Elasticsearch
and the database backend give None: stories then ranks by shared taxonomy alone.
"""

from django.contrib.contenttypes.models import ContentType

from stories.similar import TAXONOMY_WEIGHTS

from .public_backend import is_embedded, public_backend
from .tantivy import availability
from .tantivy import similar as tantivy_similar


def similar_ids(page, *, terms, models, limit):
    """{id: score} of up to `limit` live, public stories of `models` like `page`, or None
    when the public search's engine cannot say."""
    if page.pk is None:
        return None
    backend = public_backend()
    if not is_embedded(backend) or not availability.is_built(backend.path):
        return None
    types = [kind.pk for kind in ContentType.objects.get_for_models(*models).values()]
    return tantivy_similar.similar(
        backend.index,
        page,
        terms=terms,
        weights=TAXONOMY_WEIGHTS,
        types=types,
        limit=limit,
    )
