"""The admin's search backend: Wagtail's database backend, with stories indexed by their title
and summary.

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.database_backend", ...}}

The public search runs on the embedded index (search/tantivy/); this index serves the admin's
search of pages, images and documents, where an editor finds a story by the start of words of
its title or summary (the page search autocompletes; Wagtail's entry autocompletes the title
only). Wagtail's entry for a story holds every search field (body, transcript, show notes,
replies, themes, tags), read page by page with a query for the replies of each dialogue: about
55 stories a second on PostgreSQL, half an hour for 100,000. With title and summary only, read
by `update_index` BATCH stories at a time with one query per story type, a rebuild of 100,000
stories takes well under a minute (README, "Search performance"). The other indexed models
(images, documents, snippets, the other pages) are indexed as Wagtail does.

Wagtail picks its backend class by database (PostgreSQL, SQLite, MySQL, a fallback);
`SearchBackend` wraps whichever it picks, so its own SQL writes the entries.
"""

import functools

from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, SearchField, get_indexed_models
from wagtail.models import Page
from wagtail.search.backends import database

from search.tantivy import bulk
from search.tantivy.documents import is_story_model
from stories.models import StoryPage

# The search fields of a story that its admin entry holds.
STORY_FIELDS = ("title", "intro")
CHUNK = 1000


def story_fields(model):
    """`model`'s search fields for STORY_FIELDS (with their boosts), and an autocomplete field
    for each: the admin's page search autocompletes, so it finds a story by the start of a
    word of its title or of its summary."""
    return [
        *(
            field
            for field in model.get_search_fields()
            if isinstance(field, SearchField) and field.field_name in STORY_FIELDS
        ),
        *(AutocompleteField(name) for name in STORY_FIELDS),
    ]


def admin_entry(page):
    """A bare copy of the story `page` that shows Wagtail's indexer only its STORY_FIELDS."""
    model = type(page)
    entry = bulk.bare(
        model,
        bulk.pk_names(model),
        page.pk,
        ((name, getattr(page, name)) for name in STORY_FIELDS),
    )
    fields = story_fields(model)
    entry.get_search_fields = lambda: fields
    return entry


class StoryEntries:
    """Index mixin: a story's entry holds its STORY_FIELDS (publish, update_index alike)."""

    def add_items(self, model, objs):
        if is_story_model(model):
            objs = [admin_entry(obj) for obj in objs]
        super().add_items(model, objs)


class BulkRebuild:
    """Rebuilder mixin: `rebuild()` reads the stories BATCH at a time (search/tantivy/bulk.py)
    and everything else as Wagtail's update_index does."""

    def rebuild(self, progress=None):
        index = self.start()
        count = 0
        stories = bulk.story_models()
        write = STORY_SQL.get(index.write_connection.vendor)
        for span in bulk.spans():
            if write is not None:
                count += write(index, span)
            else:
                for model in stories:
                    pages = bulk.bare_pages(model, span, names=STORY_FIELDS)
                    if pages:
                        index.add_items(model, pages)
                        count += len(pages)
            if progress is not None:
                progress(count)
        for model in get_indexed_models():
            index.add_model(model)
            if model in stories:
                continue
            # Page models' own pages only (Page.get_indexed_objects): no story among them.
            for chunk in chunks(model.get_indexed_objects().order_by("pk")):
                index.add_items(model, chunk)
                count += len(chunk)
        self.finish()
        return count


def postgres_entries(index, span):
    """Write the entries of the stories in `span` with one INSERT … SELECT: the vectors made
    as Wagtail's ObjectIndexer makes them (setweight(to_tsvector(…)) per field, joined)."""
    fields = story_fields(StoryPage)

    def vector(kinds, config, *, title=None):
        parts = [
            f"setweight(to_tsvector(%s::regconfig, btrim(COALESCE({column(field)}, ''))), "
            f"'{'D' if isinstance(field, AutocompleteField) else get_weight(field.boost)}')"
            for field in fields
            if isinstance(field, kinds)
            and (title is None or (field.field_name == "title") == title)
        ]
        return " || ".join(parts) or "to_tsvector('')", [config] * len(parts)

    config = index.backend.config
    title, title_params = vector(SearchField, config, title=True)
    body, body_params = vector(SearchField, config, title=False)
    autocomplete, autocomplete_params = vector(
        AutocompleteField, index.backend.autocomplete_config
    )
    sql = f"""
        INSERT INTO {index.entries.model._meta.db_table} (content_type_id, object_id,
            title, autocomplete, body, title_norm, title_text, body_text)
        SELECT page.content_type_id, page.id::text, {title}, {autocomplete}, {body}, 1.0,
            {plain(fields, title=True)}, {plain(fields, title=False)}
        {STORY_ROWS}
        ON CONFLICT (content_type_id, object_id)
        DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
            autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
            title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
    """
    params = [*title_params, *autocomplete_params, *body_params, span.start, span.stop]
    with index.write_connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def sqlite_entries(index, span):
    """Write the entries of the stories in `span` with one INSERT … SELECT, the texts joined
    as Wagtail's SQLite ObjectIndexer joins them (its triggers fill the FTS table)."""
    fields = story_fields(StoryPage)

    def joined(kinds, *, title=None):
        columns = [
            f"COALESCE({column(field)}, '')"
            for field in fields
            if isinstance(field, kinds)
            and (title is None or (field.field_name == "title") == title)
        ]
        return " || ' ' || ".join(columns) or "''"

    sql = f"""
        INSERT INTO {index.entries.model._meta.db_table}
            (content_type_id, object_id, title, autocomplete, body, title_norm)
        SELECT page.content_type_id, CAST(page.id AS TEXT), {joined(SearchField, title=True)},
            {joined(AutocompleteField)}, {joined(SearchField, title=False)}, 1.0
        {STORY_ROWS}
        ON CONFLICT (content_type_id, object_id)
        DO UPDATE SET title = excluded.title, title_norm = 1.0,
            autocomplete = excluded.autocomplete, body = excluded.body
    """
    with index.write_connection.cursor() as cursor:
        cursor.execute(sql, [span.start, span.stop])
        return cursor.rowcount


def column(field):
    model_field = StoryPage._meta.get_field(field.field_name)
    table = "page" if model_field.model is Page else "story"
    return f"{table}.{model_field.column}"


def plain(fields, *, title):
    """PostgreSQL's title_text or body_text: the texts stripped (of any white space, as
    Python's strip) and joined by spaces."""
    columns = [
        f"NULLIF(regexp_replace(COALESCE({column(field)}, ''), '^\\s+|\\s+$', '', 'g'), '')"
        for field in fields
        if isinstance(field, SearchField) and (field.field_name == "title") == title
    ]
    return f"COALESCE(concat_ws(' ', {', '.join(columns)}), '')" if columns else "''"


STORY_ROWS = f"""
    FROM {Page._meta.db_table} AS page
    JOIN {StoryPage._meta.db_table} AS story ON story.{StoryPage._meta.pk.column} = page.id
    WHERE page.id >= %s AND page.id < %s
"""
STORY_SQL = {"postgresql": postgres_entries, "sqlite": sqlite_entries}


def chunks(queryset, size=CHUNK):
    after = None
    while True:
        page = queryset if after is None else queryset.filter(pk__gt=after)
        items = list(page[:size])
        if not items:
            return
        yield items
        after = items[-1].pk


@functools.cache
def with_mixin(mixin, base):
    return type(base.__name__, (mixin, base), {"__module__": __name__})


def SearchBackend(params):
    backend = database.SearchBackend(params)
    backend.index_class = with_mixin(StoryEntries, backend.index_class)
    backend.rebuilder_class = with_mixin(BulkRebuild, backend.rebuilder_class)
    return backend
