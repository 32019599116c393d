"""The public search on Elasticsearch and OpenSearch, with the tantivy engine's query semantics.

`search` (the backend's `public_search`) takes the same arguments as
search/tantivy/query.search and returns the same `Hits`; the request bodies are built by plain
functions (`search_body`, `suggest_body`) so tests can pin them, and sent by `ask` (a body in,
the response out), which each backend gives in its client's way. Both engines get the same
bodies: everything here is in Elasticsearch 7.10's query language, which OpenSearch kept.

- The words are read in Python as on the tantivy side (NFKC, invisible characters, plural
  forms; stop words dropped) and grouped into clauses: one word, or a run of words that is a
  term of a synonym group or a form of an irregular verb (analysis.verb_groups; matched on
  tantivy's stems). Each clause is sent as text; the
  index's search analyzer stems it and expands its synonyms (after stemming, both ways).
- A clause is scored over the `hvdj_` text fields with the boosts of tantivy's TEXT_FIELDS
  (`most_fields`: the sum over the fields, as tantivy's Should over fields), plus the word as
  written (EXACT_BOOST) and a constant TITLE_BONUS when it matches the title, larger than what
  BM25 can give a clause in all other fields together; so a title match outranks a body-only
  match whatever the title's length.
- All clauses must match first. When that finds fewer than a page, the pages matching most
  clauses (a word of four letters or more also inside compounds, as tantivy does for a word the
  index lacks; here only in this second query, which alone costs a walk through the words):
  any clause may match, and each matched clause adds MATCHED_BONUS, larger than a
  clause can score, so the count of matched clauses ranks first, then BM25 (`partial_match`).
- Facets: one terms aggregation per facet, `size` FACET_SIZE (every value, not Elasticsearch's
  10), each under the query and the *other* chosen filters; the chosen filters themselves are a
  `post_filter`, so the hits and the counts come from one request.
"""

from search.tantivy.analysis import (
    has_words,
    normalise,
    positioned_terms,
    positioned_words,
    verb_groups,
)
from search.tantivy.index import FACET_FIELDS, TEXT_FIELDS
from search.tantivy.query import (
    FACET_SIZE,
    NEWEST,
    PAGE_SIZE,
    RELEVANCE,
    Hits,
    term_runs,
)

from .documents import WORDS_FIELD, field_name

EXACT_BOOST = 1.0
# BM25 in Elasticsearch scores a term at most idf × (k1 + 1) = idf × 2.2 in one field, and idf
# stays under 15 below a billion documents: a clause in every non-title field (boosts 6.2) plus
# the exact form scores well under 1,000 per term.
TITLE_BONUS = 1_000.0
# More than a clause can score with its title bonus (a synonym phrase counts a few terms).
MATCHED_BONUS = 100_000.0
STORY_CONTENT_TYPE = "stories.StoryPage"
# A word found only inside a compound ("verzuim" in "schoolverzuim"): below most matches of the
# word itself.
COMPOUND_BOOST = 0.5
# The shortest stem looked for inside compounds (as on the tantivy side).
COMPOUND_PART = 4
# Newest first; `unmapped_type` lets an index without stories yet answer instead of failing.
NEWEST_FIRST = {field_name("date"): {"order": "desc", "missing": "_last", "unmapped_type": "date"}}


def escape_wildcard(text):
    return "".join(f"\\{char}" if char in "*?\\" else char for char in text)


def text_field_list():
    """["hvdj_title^5.0", ...]: the text fields with tantivy's boosts."""
    return [f"{field_name(name)}^{boost}" for name, boost in TEXT_FIELDS.items()]


def clause_texts(query, groups=()):
    """The query as clauses: [(text to send, exact word or None, compound part or None)].

    A run of stems equal to the stems of a term of a synonym group is one clause (its words as
    typed, stop words between them included); every other word is a clause of its own."""
    terms = positioned_terms(query)
    surface = dict(positioned_words(query))
    runs = sorted(
        {tuple(stem for _p, stem in run) for group in groups for run in map(term_runs, group)},
        key=lambda run: -len(run),
    )
    runs = [run for run in runs if run]
    stems = [stem for _position, stem in terms]
    found, index = [], 0
    while index < len(terms):
        length = next(
            (len(run) for run in runs if tuple(stems[index : index + len(run)]) == run), 0
        )
        if length:
            first, last = terms[index][0], terms[index + length - 1][0]
            text = " ".join(surface[p] for p in range(first, last + 1) if p in surface)
            found.append((text, None, None))
            index += length
        else:
            stem = terms[index][1]
            word = surface.get(terms[index][0], stem)
            found.append((word, word, stem if len(stem) >= COMPOUND_PART else None))
            index += 1
    return found


def clause_query(text, exact, part=None):
    """One clause: BM25 over the text fields, the exact word, the title bonus, and (`part`)
    the word inside compounds."""
    should = [
        {
            "multi_match": {
                "query": text,
                "type": "most_fields",
                "operator": "and",
                "fields": text_field_list(),
                # Should Elasticsearch's Dutch stop list hold a word tantivy's lacks, the
                # clause asks nothing instead of finding nothing.
                "zero_terms_query": "all",
            }
        }
    ]
    if exact:
        should.append({"match": {WORDS_FIELD: {"query": exact, "boost": EXACT_BOOST}}})
    if part:
        inside = {"wildcard": {WORDS_FIELD: {"value": f"*{escape_wildcard(part)}*"}}}
        should.append({"constant_score": {"filter": inside, "boost": COMPOUND_BOOST}})
    should.append(
        {
            "constant_score": {
                "filter": {"match": {field_name("title"): {"query": text, "operator": "and"}}},
                "boost": TITLE_BONUS,
            }
        }
    )
    return {"bool": {"should": should, "minimum_should_match": 1}}


def text_query(clauses, *, all_words):
    """All clauses, or any of them ranked by how many matched (then by BM25); only the latter
    looks inside compounds."""
    scored = [
        clause_query(text, exact, None if all_words else part) for text, exact, part in clauses
    ]
    if all_words:
        return {"bool": {"must": scored}}
    return {
        "bool": {
            "should": [
                {
                    "bool": {
                        "must": [query],
                        "should": [{"constant_score": {"filter": query, "boost": MATCHED_BONUS}}],
                    }
                }
                for query in scored
            ],
            "minimum_should_match": 1,
        }
    }


def facet_filter(name, values):
    if name not in FACET_FIELDS:
        raise ValueError(f"Not a facet field: {name}")
    return {"terms": {field_name(name): [int(value) for value in values]}}


def chosen_filters(filters, *, without=None):
    return [
        facet_filter(name, values)
        for name, values in (filters or {}).items()
        if values and name != without
    ]


def base_filters(public_only):
    filters = [{"term": {"_django_content_type": STORY_CONTENT_TYPE}}]
    if public_only:
        filters += [{"term": {field_name("live"): True}}, {"term": {field_name("public"): True}}]
    return filters


def facet_aggregations(filters, facets):
    """A terms aggregation per facet, counted under the other chosen filters."""
    aggregations = {}
    for name in facets:
        if name not in FACET_FIELDS:
            raise ValueError(f"Not a facet field: {name}")
        terms = {"terms": {"field": field_name(name), "size": FACET_SIZE}}
        aggregations[name] = {
            "filter": {"bool": {"filter": chosen_filters(filters, without=name)}},
            "aggs": {"values": terms},
        }
    return aggregations


def search_body(
    clauses,
    *,
    all_words=True,
    filters=None,
    sort=RELEVANCE,
    offset=0,
    limit=PAGE_SIZE,
    facets=(),
    public_only=True,
):
    """The request body of one search: `clauses` from clause_texts ([] lists everything)."""
    query = {"bool": {"filter": base_filters(public_only)}}
    if clauses:
        query["bool"]["must"] = [text_query(clauses, all_words=all_words)]
    body = {
        "query": query,
        "from": offset,
        "size": limit,
        "track_total_hits": True,
        "_source": False,
        "stored_fields": ["pk"],
    }
    if sort == NEWEST or not clauses:
        body["sort"] = [NEWEST_FIRST]
    chosen = chosen_filters(filters)
    if chosen:
        body["post_filter"] = {"bool": {"filter": chosen}}
    if facets:
        body["aggs"] = facet_aggregations(filters, facets)
    return body


def read_response(response, facets):
    """(total, [pk], {facet: {value: count}}) of a search response."""
    total = response["hits"]["total"]["value"]
    ids = [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]
    counts = {}
    for name in facets:
        buckets = response.get("aggregations", {}).get(name, {}).get("values", {}).get("buckets")
        counts[name] = {int(bucket["key"]): bucket["doc_count"] for bucket in buckets or []}
    return total, ids, counts


def search(ask, query, *, synonyms=(), limit=PAGE_SIZE, facets=(), **options):
    """query.search's semantics on Elasticsearch or OpenSearch: all words, else most words;
    `Hits`. `ask(body)` sends one search body to the index of the pages."""
    hits = Hits()
    clauses = clause_texts(query, (*synonyms, *verb_groups())) if query else []
    if query and not clauses:
        hits.only_stop_words = has_words(query)
        return hits
    body = search_body(clauses, limit=limit, facets=facets, **options)
    total, ids, counts = read_response(ask(body), facets)
    if len(clauses) > 1 and total < limit:
        wider = search_body(clauses, all_words=False, limit=limit, facets=facets, **options)
        wider_total, wider_ids, wider_counts = read_response(ask(wider), facets)
        if wider_total > total:
            total, ids, counts = wider_total, wider_ids, wider_counts
            hits.partial_match = True
    hits.total, hits.ids, hits.facets = total, ids, counts
    return hits


# --- Suggestions ------------------------------------------------------------------------------


def suggest_body(query):
    """A term suggester over the words as written, as search/tantivy/suggestions.py does:
    words of four letters or more that the index lacks, at most two edits, the first two
    letters kept, the nearest and then the most frequent word first."""
    return {
        "size": 0,
        "suggest": {
            "text": normalise(query),
            "words": {
                "term": {
                    "field": WORDS_FIELD,
                    "suggest_mode": "missing",
                    "max_edits": 2,
                    "prefix_length": 2,
                    "min_word_length": 4,
                    "string_distance": "damerau_levenshtein",
                    "sort": "score",
                    "size": 1,
                }
            },
        },
    }


def suggest(ask, query):
    """The query with each unknown word replaced by its nearest known word; None when nothing
    changes."""
    text = normalise(query)
    response = ask(suggest_body(query))
    corrected, end, changed = [], 0, False
    for entry in response.get("suggest", {}).get("words", []):
        if not entry["options"]:
            continue
        start = entry["offset"]
        corrected += [text[end:start], entry["options"][0]["text"]]
        end = start + entry["length"]
        changed = True
    return "".join([*corrected, text[end:]]) if changed else None


# --- Similar stories --------------------------------------------------------------------------

# As search/tantivy/similar.py: what the page is about, its most telling 25 terms, each held by
# at least one other story; a shared taxonomy term adds its weight times TAXONOMY_UNIT.
SIMILAR_TEXT = ("title", "summary", "body")
SIMILAR_CHARACTERS = 20_000
TAXONOMY_UNIT = 2.0


def similar_body(texts, *, exclude, terms, weights, types, limit):
    """The body of a search for the stories like a page: Elasticsearch's more_like_this over
    the page's `texts` ({text field: text}) and a constant per shared term of `terms`
    ({taxonomy field: [pks]}), live, public stories of the content types `types` only,
    without the page `exclude`."""
    like = "\n".join(normalise(texts.get(name, ""))[:SIMILAR_CHARACTERS] for name in SIMILAR_TEXT)
    alike = []
    if like.strip():
        more_like_this = {
            "fields": [field_name(name) for name in SIMILAR_TEXT],
            "like": like,
            "min_term_freq": 1,
            "min_doc_freq": 2,
            "max_query_terms": 25,
            "min_word_length": 3,
        }
        alike.append({"more_like_this": more_like_this})
    for name, pks in terms.items():
        for pk in pks:
            shared = {"term": {field_name(name): int(pk)}}
            alike.append(
                {"constant_score": {"filter": shared, "boost": weights[name] * TAXONOMY_UNIT}}
            )
    filters = [*base_filters(True), {"terms": {field_name("type"): [int(t) for t in types]}}]
    query = {
        "bool": {
            "should": alike,
            "minimum_should_match": 1,
            "filter": filters,
            "must_not": [{"term": {"pk": str(exclude)}}],
        }
    }
    return {"query": query, "size": limit, "_source": False, "stored_fields": ["pk"]}


def similar(ask, texts, **options):
    """{pk: score} of the stories like a page (similar_body's arguments)."""
    if not any(texts.get(name) for name in SIMILAR_TEXT) and not any(options["terms"].values()):
        return {}
    response = ask(similar_body(texts, **options))
    return {int(hit["fields"]["pk"][0]): hit["_score"] for hit in response["hits"]["hits"]}
