"""Stories as index documents, built a batch at a time.

Owns which page text goes into which index field and the facet values of a page. A batch of
pages costs a fixed number of queries whatever its size: one per taxonomy (themes, change tasks,
regions, audiences), one for the tags, one for the view restrictions and one for the replies of
the dialogues in it; nothing is read per page.
"""

import datetime
import functools

import tantivy
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models.fields.related import RelatedField
from django.utils.encoding import force_str
from modelsearch.index import SearchField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageViewRestriction

from dialogues.models import DialogueThreadPage, Reply
from stories.models import StoryPage
from stories.models.base import StoryTag

from .analysis import normalise
from .index import REVERSED_FIELD, WORDS_FIELD
from .plaintext import rich_text_content, stream_content

# Search fields of the page models that go to a text field of their own; all others are body.
FIELD_FOR = {"title": "title", "intro": "summary", "transcript_text": "transcript"}
# Read for a whole batch below instead of through the page (DialogueThreadPage.reply_text).
BATCHED = {"reply_text"}
# get_searchable_content of these fields, faster (plaintext.py).
FASTER = {RichTextField: rich_text_content, StreamField: stream_content}
# The suggestions' vocabulary: what the redactie wrote (not replies, not speech transcripts).
VOCABULARY_FROM = ("title", "summary", "body", "taxonomy")
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
MICROSECOND = datetime.timedelta(microseconds=1)  # made once: making it cost 0.9 µs a page
# (index field, StoryPage field)
TAXONOMIES = (
    ("themes", "themes"),
    ("change_tasks", "change_tasks"),
    ("regions", "regions"),
    ("audiences", "audiences"),
)


def is_story_model(model):
    """Whether pages of `model` belong in the index: every concrete story type."""
    return issubclass(model, StoryPage) and model is not StoryPage


def as_text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "\n".join(as_text(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(as_text(item) for item in value.values())
    return force_str(value)


def of_pages(column, pks):
    """The filter for rows of the pages `pks`: a list, or a range (one range scan)."""
    if isinstance(pks, range):
        return {f"{column}__gte": pks.start, f"{column}__lt": pks.stop}
    return {f"{column}__in": pks}


def taxonomy_of(pks):
    """{index field: {page pk: [(term pk, term name)]}} for the pages `pks` (see of_pages)."""
    found = {}
    for index_field, model_field in TAXONOMIES:
        through = StoryPage._meta.get_field(model_field).remote_field.through
        term = StoryPage._meta.get_field(model_field).related_model._meta.model_name
        rows = (
            through.objects.filter(**of_pages("storypage_id", pks))
            .order_by("pk")
            .values_list("storypage_id", f"{term}_id", f"{term}__name")
        )
        per_page = found[index_field] = {}
        for page_pk, term_pk, name in rows:
            per_page.setdefault(page_pk, []).append((term_pk, name))
    return found


def tags_of(pks):
    rows = (
        StoryTag.objects.filter(**of_pages("content_object_id", pks))
        .order_by("pk")
        .values_list("content_object_id", "tag__name")
    )
    tags = {}
    for page_pk, name in rows:
        tags.setdefault(page_pk, []).append(name)
    return tags


def replies_of(pages):
    """{page pk: text of its visible replies} for the dialogues among `pages`."""
    threads = [str(page.pk) for page in pages if isinstance(page, DialogueThreadPage)]
    if not threads:
        return {}
    rows = (
        Reply.objects.visible()
        .filter(
            content_type=Reply.thread_content_type(),
            object_pk__in=threads,
            site_id=settings.SITE_ID,
        )
        .order_by("pk")
        .values_list("object_pk", "comment")
    )
    replies = {}
    for object_pk, comment in rows:
        replies.setdefault(int(object_pk), []).append(comment)
    return {pk: "\n\n".join(texts) for pk, texts in replies.items()}


def restricted_paths():
    """The tree paths below which a view restriction applies (password, login, groups)."""
    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


@functools.cache
def text_getters(model):
    """[(index field, value of the search field for a page)] of `model`: what
    SearchField.get_value does, with the field looked up once per model instead of per page."""
    getters = []
    for field in model.get_search_fields():
        if not isinstance(field, SearchField) or field.field_name in BATCHED:
            continue
        target = FIELD_FOR.get(field.field_name, "body")
        try:
            model_field = field.get_field(model)
        except FieldDoesNotExist:
            getters.append((target, functools.partial(method_value, field.field_name)))
            continue
        if isinstance(model_field, RelatedField):
            # SearchField.get_value's foreign key case; no story search field is one.
            getters.append((target, field.get_value))
        elif type(model_field) in FASTER:
            getters.append((target, functools.partial(FASTER[type(model_field)], model_field)))
        elif hasattr(model_field, "get_searchable_content"):
            getters.append((target, functools.partial(searchable_content, model_field)))
        else:
            getters.append((target, model_field.value_from_object))
    return getters


def method_value(name, page):
    value = getattr(page, name, None)
    return value() if callable(value) else value


def searchable_content(model_field, page):
    return model_field.get_searchable_content(model_field.value_from_object(page))


def text_fields(page):
    """{index field: text} of one page, from its model's search fields."""
    texts = {}
    for target, value_of in text_getters(type(page)):
        text = as_text(value_of(page))
        if text:
            texts.setdefault(target, []).append(text)
    return {target: "\n".join(parts) for target, parts in texts.items()}


def documents(pages, *, pks=None):
    """One tantivy Document per page of `pages` (specific story pages). `pks`, a range holding
    the pks of all of `pages`, lets the batch's related rows be read by range (bulk.py)."""
    pages = [page for page in pages if is_story_model(type(page))]
    if not pages:
        return []
    if pks is None:
        pks = [page.pk for page in pages]
    taxonomy = taxonomy_of(pks)
    tags = tags_of(pks)
    replies = replies_of(pages)
    restricted = restricted_paths()
    docs = []
    for page in pages:
        texts = text_fields(page)
        texts["replies"] = replies.get(page.pk, "")
        names = list(tags.get(page.pk, []))
        facets = {}
        for index_field, _model_field in TAXONOMIES:
            for term_pk, name in taxonomy[index_field].get(page.pk, []):
                facets.setdefault(index_field, []).append(term_pk)
                names.append(name)
        texts["taxonomy"] = "\n".join(names)
        docs.append(
            make_document(
                page.pk,
                texts,
                facets,
                type=page.content_type_id or content_type_id(page),
                published=page.first_published_at,
                live=page.live,
                public=not page.path.startswith(restricted),
            )
        )
    return docs


def make_document(pk, texts, facets, *, type, published, live=True, public=True):
    """A Document: `texts` {text field: text}, `facets` {facet field: [pks]}, `type` a content
    type pk, `published` a datetime or None."""
    doc = tantivy.Document()
    doc.add_integer("id", pk)
    normalised = {name: normalise(text) for name, text in texts.items() if text}
    for name, text in normalised.items():
        doc.add_text(name, text)
    vocabulary = "\n".join(normalised.get(name, "") for name in VOCABULARY_FROM)
    if vocabulary.strip():
        doc.add_text(WORDS_FIELD, vocabulary)
        doc.add_text(REVERSED_FIELD, vocabulary[::-1])
    for name, values in facets.items():
        for value in values:
            doc.add_integer(name, value)
    doc.add_integer("type", type)
    doc.add_integer("date", microseconds(published) if published else 0)
    doc.add_integer("live", int(bool(live)))
    doc.add_integer("public", int(bool(public)))
    return doc


def microseconds(moment):
    """`moment` in whole microseconds since 1970 (exact: the database keeps microseconds, so
    two stories published within one second still sort newest first)."""
    return (moment - EPOCH) // MICROSECOND


def content_type_id(page):
    return ContentType.objects.get_for_model(type(page)).pk
