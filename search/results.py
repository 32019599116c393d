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

The snippet of a result depends on the query: it is kept per story and query
(add_snippets), so a search asked again reads no text.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from modelsearch.index import SearchField

from core.fragments import cached_fragments, cached_values
from mediafiles.transcripts import format_time, passage_anchor
from stories.models import StoryPage, Theme

from .engine import story_types, timed_story_types
from .snippets import first_matching_passage, highlight, matcher
from .synonyms import synonym_groups
from .tantivy.documents import as_text

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


# What a card shows itself; a snippet from the rest is read by stored_texts.
CARD_TEXT = {"title", "intro"}


def add_snippets(pages, query):
    """Give each result a `snippet`: its text around the matched words, marked; and a podcast
    or vlog whose timed transcript matches a `moment`: a link to the passage, which is then
    the snippet. Kept per result and query for the generation (core.fragments.cached_values:
    a synonym change starts a new one), so a search that is asked again reads no text; at most
    one query for the results that are not kept."""
    pages = list(pages)
    for page in pages:
        page.snippet, page.moment = "", None
    if not query or not pages:
        return
    digest = hashlib.blake2b(query.encode(), digest_size=12).hexdigest()
    by_key = {f"{page.pk}:{digest}": page for page in pages}

    def make(keys):
        made = make_snippets([by_key[key] for key in keys], query)
        return {key: made[by_key[key].pk] for key in keys}

    kept = cached_values("snippet", list(by_key), make)
    for key, page in by_key.items():
        snippet, page.moment = kept[key]
        page.snippet = mark_safe(snippet)  # noqa: S308 - escaped and marked by highlight()


def make_snippets(pages, query):
    """{pk: (snippet HTML, moment or None)} of `pages` for `query`, in one query at most; see
    add_snippets."""
    groups = synonym_groups()
    is_match = matcher(query, groups)
    snippets = {page.pk: highlight(page.intro, is_match) for page in pages}
    moments = {}
    timed = {
        content_type.pk
        for content_type in ContentType.objects.get_for_models(*timed_story_types()).values()
    }
    # The rest of the text only of results whose intro does not match; the passages of every
    # podcast and vlog on the page.
    unmatched = {page.pk for page in pages if not snippets[page.pk]}
    stored = stored_texts(
        [page.pk for page in pages if page.pk in unmatched or page.content_type_id in timed],
        text_of=unmatched,
    )
    for page in pages:
        text, cues = stored.get(page.pk, ("", None))
        if not snippets[page.pk]:
            snippets[page.pk] = highlight(text, is_match)
        passage = first_matching_passage(cues, query, groups)
        if passage is None:
            continue
        number, cue = passage
        second = int(cue["start"])
        moments[page.pk] = {
            "time": format_time(cue["start"]),
            "query": f"?t={second}#{passage_anchor(number)}",
        }
        snippets[page.pk] = highlight(cue["text"], is_match)
    return {page.pk: (str(snippets[page.pk]), moments.get(page.pk)) for page in pages}


def snippet_fields():
    """(lookup from StoryPage, model field) of every text field the stories search beyond the
    title and intro (practice fields, body, transcripts, descriptions...), so that one query
    reads them for a page of results of any types."""
    found = {}
    base = {field.name: field for field in StoryPage._meta.concrete_fields}
    for search_field in StoryPage.get_search_fields():
        name = search_field.field_name
        if isinstance(search_field, SearchField) and name in base and name not in CARD_TEXT:
            found[name] = base[name]
    for model in story_types().values():
        own = {field.name: field for field in model._meta.local_concrete_fields}
        for search_field in model.get_search_fields():
            name = search_field.field_name
            if isinstance(search_field, SearchField) and name in own:
                found[f"{model._meta.model_name}__{name}"] = own[name]
    return list(found.items())


def stored_texts(pks, *, text_of):
    """{pk: (the searchable text beyond the intro, the timed transcript's passages or None)}
    of the stories `pks`, whatever their types, in one query (none for no pks). The text is
    made only for the pks in `text_of`, "" for the others."""
    if not pks:
        return {}
    fields = snippet_fields()
    cue_lookups = [f"{model._meta.model_name}__transcript_cues" for model in timed_story_types()]
    rows = (
        StoryPage.objects.filter(pk__in=pks)
        .order_by()  # not by the tree's path: no join with wagtailcore_page
        .values_list("pk", *(lookup for lookup, _field in fields), *cue_lookups)
    )
    found = {}
    for pk, *values in rows:
        texts, cues = values[: len(fields)], values[len(fields) :]
        parts = []
        if pk in text_of:
            for (_lookup, field), value in zip(fields, texts, strict=True):
                if value:
                    content = getattr(field, "get_searchable_content", None)
                    parts.append(as_text(content(value) if content else value))
        found[pk] = ("\n".join(parts), next((passages for passages in cues if passages), None))
    return found
