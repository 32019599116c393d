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

An entry's title_norm is the average title length divided by its own (the ranking's length
normalisation). Wagtail's rebuild sets it with an UPDATE of every row at the end, and after
each chunk of a thousand objects of the rows still at 1.0: at 100,000 stories those rewrote
every story's row and its four GIN indexes twice and read the table sixteen times, more than
half of a rebuild. Here the average is worked out before the stories are written, their
INSERT sets their title_norm, and the update at the end writes only the rows whose title_norm
is not yet the one Wagtail's would give them.

Wagtail picks its backend class by database (PostgreSQL, SQLite, MySQL, a fallback);
`SearchBackend` wraps whichever it picks, so its own SQL writes the entries.
"""

import functools

from django.db.models import Avg, F
from django.db.models.functions import Length
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

    # Set during BulkRebuild.rebuild(): its finish() sets every title_norm once.
    title_norms_deferred = False

    def add_items(self, model, objs):
        if is_story_model(model):
            objs = [admin_entry(obj) for obj in objs]
        super().add_items(model, objs)

    def _refresh_title_norms(self, full=False):
        """Wagtail's, but `full` writes only the rows whose title_norm changes: the table ends
        as after Wagtail's rewrite of every row, without rewriting those already right."""
        if self.title_norms_deferred:
            return
        if not full:
            super()._refresh_title_norms()
            return
        entries = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        average = entries.aggregate(Avg("title_length"))["title_length__avg"]
        norm = average / F("title_length")
        entries.exclude(title_norm=norm).update(title_norm=norm)


class BulkRebuild:
    """Rebuilder mixin: `rebuild()` reads the stories BATCH at a time (search/tantivy/bulk.py)
    and everything else as Wagtail's update_index does."""

    def rebuild(self, progress=None):
        index = self.start()
        index.title_norms_deferred = True
        try:
            count = self.add_everything(index, progress)
        finally:
            index.title_norms_deferred = False
        self.finish()
        return count

    def add_everything(self, index, progress):
        count = 0
        stories = bulk.story_models()
        for model in get_indexed_models():
            index.add_model(model)
            if model in stories:
                continue
            # Page models' own pages only (Page.get_indexed_objects): no story among them.
            for chunk in chunks(model.get_indexed_objects().order_by("pk")):
                index.add_items(model, chunk)
                count += len(chunk)
        sql_columns = STORY_SQL.get(index.write_connection.vendor)
        if sql_columns is not None:
            columns = sql_columns(index)
            average = average_title_length(index, columns)
        for span in bulk.spans():
            if sql_columns is not None:
                count += write_stories(index, columns, span, average)
            else:
                for model in stories:
                    pages = bulk.bare_pages(model, span, names=STORY_FIELDS)
                    if pages:
                        index.add_items(model, pages)
                        count += len(pages)
            if progress is not None:
                progress(count)
        return count


def postgres_columns(index):
    """A story's entry as PostgreSQL expressions over STORY_ROWS: the vectors made as Wagtail's
    ObjectIndexer makes them (setweight(to_tsvector(…)) per field, joined) and the plain texts
    of its fuzzy search. (column, (sql, params)) pairs."""
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
    return {
        "title": vector(SearchField, config, title=True),
        "autocomplete": vector(AutocompleteField, index.backend.autocomplete_config),
        "body": vector(SearchField, config, title=False),
        "title_text": (plain(fields, title=True), []),
        "body_text": (plain(fields, title=False), []),
    }


def sqlite_columns(index):
    """A story's entry as SQLite expressions over STORY_ROWS: the texts joined as Wagtail's
    SQLite ObjectIndexer joins them (its triggers fill the FTS table)."""
    fields = story_fields(StoryPage)

    def joined(kinds, *, title=None):
        columns = [
            f"COALESCE({column(field)}, '')"
            for field in fields
            if isinstance(field, kinds)
            and (title is None or (field.field_name == "title") == title)
        ]
        return " || ' ' || ".join(columns) or "''", []

    return {
        "title": joined(SearchField, title=True),
        "autocomplete": joined(AutocompleteField),
        "body": joined(SearchField, title=False),
    }


def average_title_length(index, columns):
    """The average length of the titles (those not empty) the entries will have once the
    stories are written: those of the entries of other types, and the stories' own. It is the
    average Wagtail's full refresh of title_norm works out at the end, as long as nothing else
    changes meanwhile (when something does, the refresh writes the rows it changes)."""
    title, params = columns["title"]
    sql = f"""
        SELECT AVG(length) FROM (
            SELECT LENGTH(title) AS length FROM {index.entries.model._meta.db_table}
            WHERE content_type_id NOT IN (SELECT page.content_type_id {STORY_ROWS})
            UNION ALL
            SELECT LENGTH({title}) {STORY_ROWS}
        ) AS lengths
        WHERE length > 0
    """  # noqa: S608 (tables and columns of the models; the values are parameters)
    with index.write_connection.cursor() as cursor:
        cursor.execute(sql, params)
        [average] = cursor.fetchone()
    # A float, as Django's Avg gives it: the refresh divides a float, and a numeric average
    # would round some quotients differently.
    return None if average is None else float(average)


def write_stories(index, columns, span, average):
    """Write the entries of the stories in `span` with one INSERT … SELECT, each with the
    title_norm Wagtail's full refresh gives it when `average` is the average title length.
    An entry that holds these values already is left as it is: rewriting it would cost a new
    row and an entry in each of the table's indexes, for nothing. Returns the number of stories
    in `span`."""
    table = index.entries.model._meta.db_table
    names = [*columns, "title_norm"]
    values = ", ".join(f"{sql} AS {name}" for name, (sql, _params) in columns.items())
    # OFFSET 0 keeps PostgreSQL from pulling the subquery up, which would make the title's
    # vector three times for each row.
    fence = "OFFSET 0" if index.write_connection.vendor == "postgresql" else ""
    sql = f"""
        INSERT INTO {table} (content_type_id, object_id, {", ".join(names)})
        SELECT content_type_id, object_id, {", ".join(columns)},
            COALESCE(%s / NULLIF(LENGTH(title), 0), 1.0)
        FROM (
            SELECT page.content_type_id, CAST(page.id AS TEXT) AS object_id, {values}
            {STORY_ROWS} AND {IN_SPAN}
            {fence}
        ) AS entry
        WHERE 1 = 1
        ON CONFLICT (content_type_id, object_id)
        DO UPDATE SET {", ".join(f"{name} = excluded.{name}" for name in names)}
        WHERE {" OR ".join(f"{table}.{name} <> excluded.{name}" for name in names)}
    """  # noqa: S608 (tables and columns of the models; the values are parameters)
    params = [average, *(param for _sql, params in columns.values() for param in params)]
    with index.write_connection.cursor() as cursor:
        cursor.execute(sql, [*params, *(span.start, span.stop) * 2])
    return StoryPage.objects.filter(pk__gte=span.start, pk__lt=span.stop).count()


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


# Ends in a WHERE, so that a span's bounds can follow.
STORY_ROWS = f"""
    FROM {Page._meta.db_table} AS page
    JOIN {StoryPage._meta.db_table} AS story ON story.{StoryPage._meta.pk.column} = page.id
    WHERE 1 = 1
"""
# A span's bounds on both keys: PostgreSQL does not carry a range over a join, and with the
# page's key alone it read the whole story table for each span (bulk.in_span).
IN_SPAN = " AND ".join(
    f"{key} >= %s AND {key} < %s" for key in ("page.id", f"story.{StoryPage._meta.pk.column}")
)
STORY_SQL = {"postgresql": postgres_columns, "sqlite": sqlite_columns}


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
