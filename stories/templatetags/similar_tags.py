"""{% similar_cards page as cards %}: the cards of the "Vergelijkbare praktijkvoorbeelden" of a
story (stories/similar.py), for stories/includes/similar_stories.html.

The cards are kept per story and page-cache generation (core.fragments.cached_value), as the
home page keeps its lists: what is similar changes only when content does, and finding it
(the engine's more-like-this and one ranking query) is most of what an uncached story page
costs. A preview, whose terms come from its revision, is never kept.
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.fragments import cached_value
from stories import similar
from stories.cards import CardStyle, render_cards

register = template.Library()

STYLE = CardStyle(heading_level=3, compact=True)


@register.simple_tag(takes_context=True)
def similar_cards(context, page):
    """The HTML of the cards of up to four similar live, public stories."""
    request = context.get("request")
    preview = getattr(request, "is_preview", False)

    def cards():
        stories = similar.similar_stories(page, prefetch_terms=not preview)
        return [str(card) for card in render_cards(request, stories, STYLE)]

    if preview or page.pk is None:
        html = cards()
    else:
        host = request.get_host() if request is not None else ""
        html = cached_value("similar", f"{page.pk}:{host}:{get_language()}", cards)
    return [mark_safe(card) for card in html]  # noqa: S308 - HTML our templates rendered
