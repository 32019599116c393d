from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.text import capfirst
from django.views.decorators.http import require_safe

from search.engine import clean_query
from stories.models import StoryPage

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
        stories = StoryPage.objects.live().public().autocomplete(query, operator="and")
        suggestions = [
            {
                "title": story.title,
                # Without the request: no Site lookup. With one site the URL is relative.
                "url": story.get_url(),
                "type": str(capfirst(story.type_label)),
            }
            for story in stories[:MAX_SUGGESTIONS]
        ]
    response = JsonResponse({"query": query, "suggestions": suggestions})
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
