"""What a search result shows whatever the query, as HTML kept in the fragment cache.

A result (search/includes/results.html) shows its title and link, and a snippet or a moment
that depend on the query; around the snippet are parts that are the same for every search and
every visitor: the story's type, date and regions before it, its themes after it
(search/includes/result_parts.html). Rendering those took most of the results' share of the
page. They are kept per story and language under the page cache's generation
(core.fragments), which every publish, taxonomy change and the like starts anew; the whole
page's parts are read with one `get_many`, and only the missing ones get their themes and
regions fetched and are rendered, as the story cards are (stories.cards).

Results are live, public stories only: the parts are never rendered for a page a visitor may
not see, and their key is the story's id.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.fragments import cached_fragments
from stories.models import Theme

PARTS_TEMPLATE = "search/includes/result_parts.html"
# Where the snippet goes: an HTML comment, which no escaped name or label can contain.
SNIPPET_MARKER = "<!-- snippet -->"


def add_result_parts(pages):
    """Give each of `pages` its `result_meta` (type, date, regions) and `result_themes` as
    HTML."""
    template = get_template(PARTS_TEMPLATE)
    language = get_language()

    def render(missing):
        prefetch_related_objects(
            missing, Prefetch("themes", queryset=Theme.objects.order_by("name")), "regions"
        )
        return [template.render({"story": story}) for story in missing]

    fragments = cached_fragments(
        "search-result", pages, key_of=lambda story: f"{story.pk}:{language}", render=render
    )
    for page, html in zip(pages, fragments, strict=True):
        meta, _marker, themes = html.partition(SNIPPET_MARKER)
        # Both halves of HTML our template rendered.
        page.result_meta, page.result_themes = mark_safe(meta), mark_safe(themes)  # noqa: S308
