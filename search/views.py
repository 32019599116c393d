from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from stories.models import StoryPage, card_queryset, paginate

MAX_QUERY_LENGTH = 200


def search(request):
    """Full-text search over every published story, at /zoeken/?q=."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        stories = card_queryset(StoryPage.objects.live().public())
        results = paginate(request, stories.search(query, operator="and"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": results, "page_title": _("Zoeken")},
    )
