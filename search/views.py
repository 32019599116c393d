import re

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from stories.models import StoryPage, card_queryset, paginate

MAX_QUERY_LENGTH = 200
# Characters that full-text query parsers read as syntax (SQLite FTS5 refuses an unpaired
# quote) or that no text contains (control characters); visitors meant none of them.
QUERY_NOISE = re.compile(r'["\x00-\x1f\x7f]')


def clean_query(value):
    """The visitor's words, without query syntax or control characters, at most 200 long."""
    return " ".join(QUERY_NOISE.sub(" ", value).split())[:MAX_QUERY_LENGTH]


def search(request):
    """Full-text search over every published story, at /zoeken/?q=."""
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        stories = card_queryset(StoryPage.objects.live().public())
        results = paginate(request, stories.search(query, operator="and"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": results, "page_title": _("Zoeken")},
    )
