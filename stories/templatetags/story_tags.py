"""Tags and filters for stories: the effectladder, play times and lists of cards."""

from django import template

from stories.cards import CardStyle, render_cards
from stories.models import EvidenceLevel

register = template.Library()


@register.simple_tag
def evidence_ladder(current):
    """Every rung of the effectladder, lowest first, marking the one a practice example is on."""
    return [
        {"number": number, "label": level.label, "is_current": level.value == current}
        for number, level in enumerate(EvidenceLevel, start=1)
    ]


@register.filter
def clock(duration):
    """A play time as a media player shows it: "0:14", "12:34", "1:02:03"."""
    if not duration:
        return ""
    minutes, seconds = divmod(round(duration.total_seconds()), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


@register.filter
def iso_duration(duration):
    """A play time for a <time datetime>: "PT14S"."""
    return f"PT{round(duration.total_seconds())}S" if duration else ""


@register.simple_tag(takes_context=True)
def story_cards(context, stories, heading_level=2, compact=False, eager_first=False):
    """The HTML of each card of `stories` (a list, or a page of a listing), kept in the
    fragment cache (stories.cards): `{% story_cards items as cards %}`."""
    style = CardStyle(heading_level, compact, eager_first)
    return render_cards(context.get("request"), stories, style)
