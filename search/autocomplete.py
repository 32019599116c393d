import logging

from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.text import capfirst
from django.views.decorators.http import require_safe

from search.engine import clean_query
from search.public_backend import embedded_backend
from search.tantivy.availability import SearchUnavailable
from search.tantivy.prefix import autocomplete
from stories.models import StoryPage

logger = logging.getLogger(__name__)

MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 100
MAX_SUGGESTIONS = 8
# Browsers and a CDN may reuse an answer for a minute: suggestions need not be fresher.
MAX_AGE = 60


@require_safe
def suggest(request):
    """Titles of published stories that match what the visitor is typing, as JSON, at
    /zoeken/suggesties/?q=; the header search box shows them as a list to choose from."""
    query = clean_query(request.GET.get("q", ""))[:MAX_QUERY_LENGTH].strip()
    suggestions = []
    if len(query) >= MIN_QUERY_LENGTH:
        suggestions = [
            {
                "title": story.title,
                # Without the request: no Site lookup. With one site the URL is relative.
                "url": story.get_url(),
                "type": str(capfirst(story.type_label)),
            }
            for story in matching_stories(query)
        ]
    response = JsonResponse({"query": query, "suggestions": suggestions})
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def matching_stories(query):
    """The best MAX_SUGGESTIONS live, public stories whose title starts like `query`: from
    the embedded engine (search/tantivy/prefix.py) when it serves the public search, else from
    the backend's autocomplete. Nothing while the index is being rebuilt."""
    try:
        backend = embedded_backend()
    except SearchUnavailable:
        return []
    if backend is None:
        stories = StoryPage.objects.live().public().autocomplete(query, operator="and")
        try:
            return list(stories[:MAX_SUGGESTIONS])
        except Exception as error:  # noqa: BLE001 - an index that does not answer (Elasticsearch
            # down): suggestions are a help, the search box works without them.
            logger.warning("Autocomplete: the search backend did not answer: %s", error)
            return []
    ids = autocomplete(backend.index, query, limit=MAX_SUGGESTIONS)
    by_id = StoryPage.objects.live().public().in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]
