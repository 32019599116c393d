"""What a story card shows besides the story's own fields, read for many cards at once: the
hero image with its renditions and the themes (stories/cards.py renders the cards)."""

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model

from core.compiled import compiled_rows, give_prefetched
from stories.renditions import CARD_SPECS

from .base import CARD_RENDITION, StoryPage
from .images import prefetch_kept_renditions
from .taxonomy import Theme


def card_themes():
    return Prefetch("themes", queryset=Theme.objects.order_by("name"))


# Up to this many stories, the cards' themes are read through SQL compiled once per number.
COMPILED_THEMES = 24
THEME_COLUMNS = [field.attname for field in Theme._meta.concrete_fields]


def read_card_themes(stories):
    """Give each of `stories` its themes by name, as card_themes() prefetches them: building
    and compiling that prefetch took more time than running it."""
    through = StoryPage._meta.get_field("themes").remote_field.through
    ids = sorted({story.pk for story in stories})

    def build(*pks):
        columns = [f"theme__{column}" for column in THEME_COLUMNS]
        return (
            through.objects.filter(storypage_id__in=pks)
            .order_by("theme__name", "theme_id")
            .values_list("storypage_id", *columns)
        )

    database = stories[0]._state.db or "default"
    by_story = {pk: [] for pk in ids}
    rows = compiled_rows(f"card-themes:{len(ids)}", build, *ids, using=database)
    for story_id, *values in rows:
        by_story[story_id].append(Theme.from_db(database, THEME_COLUMNS, values))
    for story in stories:
        give_prefetched(story, "themes", Theme.objects.all(), by_story[story.pk])


def card_prefetches():
    # CARD_SPECS for the cards' <picture>, CARD_RENDITION for the API's pages.
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION, *CARD_SPECS)
    return [Prefetch("hero_image", queryset=images), card_themes()]


def card_queryset(queryset):
    """Prefetch what a story card shows, so a listing costs the same queries for any length."""
    return queryset.select_related("contributor").prefetch_related(*card_prefetches())


def prefetch_cards(stories):
    """What card_queryset prefetches, for stories of several types and lists at once: one set
    of queries for every card on a page (the home page shows six lists). The renditions come
    from the cache where it has them (prefetch_kept_renditions), the themes of up to
    COMPILED_THEMES stories through SQL compiled once (core.compiled)."""
    prefetch_related_objects(stories, "hero_image")
    if 0 < len(stories) <= COMPILED_THEMES:
        read_card_themes(stories)
    else:
        prefetch_related_objects(stories, card_themes())
    images = [story.hero_image for story in stories if story.hero_image_id]
    prefetch_kept_renditions(images, CARD_SPECS)
    return stories
