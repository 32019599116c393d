"""The fields of the public search in a story's Elasticsearch document, as the tantivy index
has them.

Wagtail's own document (`_all_text`, one field per search field) stays for Wagtail's search and
autocomplete. Next to it each story gets the tantivy index's fields under `hvdj_` names: the
same six text fields (title, summary, body, transcript, replies, taxonomy) with the same text,
normalised in Python the same way (NFKC, invisible characters, the plural forms the stemmer
misses), the words as written for the exact-form boost, and the facet and filter values. The
texts and values come from search/tantivy/documents.py, so both engines index the same thing.

A batch of pages costs the same fixed number of queries as on the tantivy side.
"""

from search.tantivy.analysis import normalise
from search.tantivy.documents import (
    TAXONOMIES,
    VOCABULARY_FROM,
    content_type_id,
    is_story_model,
    replies_of,
    restricted_paths,
    tags_of,
    taxonomy_of,
    text_fields,
)
from search.tantivy.index import FACET_FIELDS, TEXT_FIELDS

PREFIX = "hvdj_"
WORDS_FIELD = f"{PREFIX}words"


def field_name(name):
    """The document field of a tantivy field ("title" → "hvdj_title")."""
    return PREFIX + name


def story_properties(index_analyzer, search_analyzer, words_analyzer):
    """The mapping of the `hvdj_` fields."""
    properties = {}
    for name in TEXT_FIELDS:
        properties[field_name(name)] = {
            "type": "text",
            "analyzer": index_analyzer,
            "search_analyzer": search_analyzer,
        }
        if name in VOCABULARY_FROM:
            properties[field_name(name)]["copy_to"] = WORDS_FIELD
    properties[WORDS_FIELD] = {"type": "text", "analyzer": words_analyzer}
    for name in FACET_FIELDS:
        properties[field_name(name)] = {"type": "integer"}
    properties[field_name("date")] = {"type": "date"}
    properties[field_name("live")] = {"type": "boolean"}
    properties[field_name("public")] = {"type": "boolean"}
    return properties


def story_fields(pages):
    """{page pk: the `hvdj_` fields of its document} for the story pages among `pages`."""
    pages = [page for page in pages if is_story_model(type(page))]
    if not pages:
        return {}
    pks = [page.pk for page in pages]
    taxonomy = taxonomy_of(pks)
    tags = tags_of(pks)
    replies = replies_of(pages)
    restricted = restricted_paths()
    found = {}
    for page in pages:
        texts = text_fields(page)
        texts["replies"] = replies.get(page.pk, "")
        names = list(tags.get(page.pk, []))
        fields = {}
        for index_field, _model_field in TAXONOMIES:
            terms = taxonomy[index_field].get(page.pk, [])
            fields[field_name(index_field)] = [term_pk for term_pk, _name in terms]
            names.extend(name for _pk, name in terms)
        texts["taxonomy"] = "\n".join(names)
        for name in TEXT_FIELDS:
            fields[field_name(name)] = normalise(texts.get(name, ""))
        published = page.first_published_at
        fields[field_name("type")] = page.content_type_id or content_type_id(page)
        fields[field_name("date")] = published.isoformat() if published else None
        fields[field_name("live")] = bool(page.live)
        fields[field_name("public")] = not page.path.startswith(restricted)
        found[page.pk] = fields
    return found
