"""Story cards as HTML, each kept in the fragment cache (core.fragments) until content changes.

A card (includes/story_card.html) shows only the story's own public fields, its hero image,
its themes and, for a dialogue, its replies' count and last activity: nothing of the visitor,
so one rendering serves everyone. It is kept per story and per way of showing it (heading
level, compact, eager image, the site's host) under the page cache's generation; a
dialogue's activity is part of the key as well. The cards of a whole page are read with one
`get_many`; only the missing ones get their images, renditions and themes fetched
(prefetch_cards) and are rendered, so a page whose cards are all kept makes none of those
queries.

Lists show only live, public stories (`.live().public()` or the private sections left out):
a card is never rendered for a page a visitor may not see, and its key is its id.
"""

from typing import NamedTuple

from django.template.loader import get_template
from django.utils.translation import get_language

from core.fragments import cached_fragments

from .models import prefetch_cards

CARD_TEMPLATE = "includes/story_card.html"


class CardStyle(NamedTuple):
    """How a list shows its cards: the heading level, the compact grid, the first image eager."""

    heading_level: int = 2
    compact: bool = False
    eager_first: bool = False


class Card(NamedTuple):
    story: object
    heading_level: int
    compact: bool
    eager: bool


def card_key(card, host):
    story = card.story
    # A dialogue's activity comes from ThreadActivity, annotated: kept with the card's key.
    activity = getattr(story, "last_activity", None)
    replies = getattr(story, "reply_count", None)
    flags = f"h{card.heading_level}{'c' if card.compact else ''}{'e' if card.eager else ''}"
    return f"{story.pk}:{flags}:{host}:{activity.isoformat() if activity else ''}:{replies}"


def render_card_lists(request, lists):
    """[[HTML of each card]] for `lists` of (stories, CardStyle), with one read of the cache
    for all of them: a page's cards, whatever lists it has."""
    cards = [
        Card(story, style.heading_level, style.compact, style.eager_first and index == 0)
        for stories, style in lists
        for index, story in enumerate(stories)
    ]
    host = request.get_host() if request is not None else ""
    host = f"{host}:{get_language()}"
    template = get_template(CARD_TEMPLATE)

    def render(missing):
        prefetch_cards(list({id(card.story): card.story for card in missing}.values()))
        return [
            template.render(
                {
                    "story": card.story,
                    "heading_level": card.heading_level,
                    "compact": card.compact,
                    "eager": card.eager,
                    # For {% pageurl %}: relative links on the request's own site.
                    "request": request,
                }
            )
            for card in missing
        ]

    html = cached_fragments(
        "story-card", cards, key_of=lambda card: card_key(card, host), render=render
    )
    result, start = [], 0
    for stories, _style in lists:
        result.append(html[start : start + len(stories)])
        start += len(stories)
    return result


DEFAULT_STYLE = CardStyle()


def render_cards(request, stories, style=DEFAULT_STYLE):
    """The HTML of each card of one list of stories."""
    return render_card_lists(request, [(list(stories), style)])[0]
