"""{% similar_stories page as stories %}: the "Vergelijkbare praktijkvoorbeelden" of a story
(stories/similar.py), for stories/includes/similar_stories.html."""

from django import template

from stories import similar

register = template.Library()


@register.simple_tag(takes_context=True)
def similar_stories(context, page):
    """Up to four similar live, public stories; a preview keeps the terms of its revision."""
    request = context.get("request")
    return similar.similar_stories(page, prefetch_terms=not getattr(request, "is_preview", False))
