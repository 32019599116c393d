from django import template

from stories.models import EvidenceLevel

register = template.Library()


@register.simple_tag
def evidence_ladder(current):
    """Every rung of the effectladder, lowest first, marking the one a practice example is on."""
    return [
        {"number": number, "label": level.label, "is_current": level.value == current}
        for number, level in enumerate(EvidenceLevel, start=1)
    ]
