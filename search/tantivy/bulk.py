"""Every story as an index document, read from the database in large batches: the full
rebuild (`update_index`, search/management/commands/update_index.py) and `generate_content
--index`.

Wagtail's update_index loads each model's pages as model instances with their tags, themes and
regions prefetched, a thousand at a time: 85% of a rebuild went there and into modelcluster's
`__init__`, for about 900 pages a second. Here a batch of BATCH stories (a range of pks) costs a
fixed number of queries: one for its pks, one `values_list` per story type, and those of
documents.documents (taxonomy and tags by pk range). A row becomes a bare instance of its model
(`__dict__` filled, no `__init__`), which the same documents.documents reads through the
models' search fields, so both paths make the same document for a page.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connection
from django.db.models import BooleanField, ExpressionWrapper, F, JSONField
from django.db.models.base import ModelState
from django.db.models.expressions import RawSQL
from modelsearch.index import SearchField
from wagtail.fields import StreamField

from stories.models import StoryPage

from .documents import BATCHED, documents, is_story_model

BATCH = 5000
# The Page columns documents.documents reads besides the search fields.
PAGE_COLUMNS = ("content_type_id", "first_published_at", "live", "path")
STREAM_JSON = JSONField(encoder=DjangoJSONEncoder)
# The columns read by the methods among the search fields (mediafiles/transcripts.py).
METHOD_COLUMNS = {"transcript_text": ("transcript_cues", "transcript")}


def story_models():
    return [model for model in apps.get_models() if is_story_model(model)]


def columns(model):
    """The attnames a document of `model` needs: PAGE_COLUMNS, the columns of its search
    fields and those its search methods read (METHOD_COLUMNS; every column of the story
    tables for a method not listed there). A column left out is not wrong, only slow: Django
    then reads it page by page."""
    names = list(PAGE_COLUMNS)
    for field in model.get_search_fields():
        if not isinstance(field, SearchField) or field.field_name in BATCHED:
            continue
        try:
            names.append(field.get_field(model).attname)
        except FieldDoesNotExist:
            names.extend(METHOD_COLUMNS.get(field.field_name) or story_columns(model))
    return list(dict.fromkeys(names))


def story_columns(model):
    return [
        field.attname
        for table in [*model._meta.get_parent_list(), model]
        if issubclass(table, StoryPage)
        for field in table._meta.local_concrete_fields
        if not field.primary_key
    ]


def pk_names(model):
    """The attnames holding the pk on each table of the inheritance chain (id, page_ptr_id…)."""
    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.primary_key or getattr(field.remote_field, "parent_link", False)
    ]


def bare_pages(model, pks, names=None):
    """The pages of `model` with a pk in the range `pks`, as bare instances holding the
    columns `names` (by default those its document needs)."""
    names = columns(model) if names is None else list(names)
    keys = pk_names(model)
    fields = {field.attname: field for field in model._meta.concrete_fields}
    streams = [
        (position, fields[name])
        for position, name in enumerate(names)
        if isinstance(fields.get(name), StreamField)
    ]
    # Wagtail's converter makes a JSONField per row (StreamField.json_field): the same
    # conversion here, with one, then StreamField.to_python as Wagtail's.
    selected = list(names)
    for position, _field in streams:
        selected[position] = ExpressionWrapper(F(names[position]), output_field=STREAM_JSON)
    rows = in_span(model, pks, names).order_by().values_list("pk", *selected)
    pages = []
    for pk, *values in rows:
        for position, field in streams:
            values[position] = field.to_python(values[position])
        pages.append(bare(model, keys, pk, zip(names, values, strict=True)))
    return pages


def in_span(model, pks, names):
    """The pages of `model` with a pk in the range `pks`, the range set on the key of every
    table that the columns `names` join. Django writes it on the model's own key only, and
    PostgreSQL does not carry a range over a join: it read the whole of each parent table
    (stories_storypage: 20 ms a type a batch at 100,000 pages, ten times that at a million)."""
    queryset = model.objects.filter(pk__gte=pks.start, pk__lt=pks.stop)
    joined = {model._meta.get_field(name).model for name in names}
    quote = connection.ops.quote_name
    for parent in model._meta.get_parent_list():
        if parent not in joined:
            continue
        key = f"{quote(parent._meta.db_table)}.{quote(parent._meta.pk.column)}"
        # A table and a column of the models; the bounds are parameters.
        within = f"{key} >= %s AND {key} < %s"
        queryset = queryset.filter(RawSQL(within, (pks.start, pks.stop), BooleanField()))  # noqa: S611
    return queryset


def bare(model, keys, pk, values):
    """An instance of `model` with `values` ((attname, value) pairs) and its pk under every
    name in `keys`, made without `__init__`."""
    page = model.__new__(model)
    state = dict(values)
    for key in keys:
        state[key] = pk
    state["_state"] = ModelState()
    state["_state"].adding = False
    state["_state"].db = DEFAULT_DB_ALIAS
    page.__dict__.update(state)
    return page


def spans(size=BATCH):
    """Ranges of pks in order, each holding at most `size` stories, together all of them."""
    after = 0
    while True:
        pks = list(
            StoryPage.objects.filter(pk__gt=after)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        if not pks:
            return
        yield range(after + 1, pks[-1] + 1)
        after = pks[-1]


def batches(size=BATCH):
    """Lists of Documents of every story (drafts too, as update_index indexes them), `size`
    pages at a time in pk order. Yields (number of pages, documents)."""
    models = story_models()
    for span in spans(size):
        pages = [page for model in models for page in bare_pages(model, span)]
        pages.sort(key=lambda page: page.pk)
        yield len(pages), documents(pages, pks=span)
