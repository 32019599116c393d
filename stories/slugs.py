"""Slugs for pages members start, free among their siblings in the page tree."""

import uuid

from django.utils.text import slugify
from wagtail.models import Page


def unique_slug(parent: Page, title: str) -> str:
    """A slug from the title, with a short random suffix if a sibling already has it."""
    base = slugify(title)[:60].strip("-") or "verhaal"
    slug = base
    while parent.get_children().filter(slug=slug).exists():
        slug = f"{base}-{uuid.uuid4().hex[:6]}"
    return slug
