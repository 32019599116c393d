"""The stories most like a page in the embedded index, for "Vergelijkbare praktijkvoorbeelden".

A "more like this" query: the page's most telling terms (title, summary and body through the
index's Dutch analysis, so stems match; weighed by how often the page uses them and how rare
they are in the index) are looked for in those fields with BM25 and their boosts, and each of
the page's themes, change tasks and audiences that a story shares adds a constant by its
weight, so words and taxonomy count together. A story must share one of those words: a
theme is on a fifth of all stories, and scoring every one of them took most of the search
(7 ms per story page at 100,000 stories, 2.5 ms without). Where fewer than the block shows
share a word (a short text), words and terms are looked for alike, each adding to the
score, as before: left to the taxonomy ranking in SQL (stories.similar), such a page took
23 ms more. Only live, public stories of the given content types, never the page itself.
The page's text comes from the page object (documents.text_fields): no query.

Hand-written rather than tantivy's MoreLikeThisQuery: that one computes its BM25 weights with
the number of live documents and panics ("8 >= 9", bm25.rs) when a word's document frequency,
which still counts deleted documents, is larger, which is the index's normal state after a
story is republished and before its segments are merged.
"""

import math
from collections import Counter

from tantivy import Occur, Query

from stories.similar import LIMIT as BLOCK

from .analysis import analyze
from .documents import text_fields
from .index import TEXT_FIELDS

# The page's text fields that say what it is about (not its transcript or replies).
TEXT = ("title", "summary", "body")
# The start of a long text holds enough words to find what is alike.
MAX_CHARACTERS = 20_000
# A term counts when at least one other story holds it; more than 25 only slows the search.
MIN_DOC_FREQUENCY = 2
# A word in more than a tenth of all stories (of a large index) says little about what one is
# about and weighs little in BM25, but reading its long list of stories took most of the
# search: 14 ms per story page at 100,000 stories, 5 ms without them (Lucene's MoreLikeThis
# has the same cut, maxDocFreqPct). Below COMMON_FLOOR stories every word counts.
MAX_DOC_SHARE = 0.1
COMMON_FLOOR = 100
MAX_QUERY_TERMS = 25
MIN_TERM_LENGTH = 3
# What one unit of a taxonomy weight (stories.similar.TAXONOMY_WEIGHTS) adds to the score: about
# what a shared uncommon word adds.
TAXONOMY_UNIT = 2.0


def telling_terms(searcher, texts):
    """The page's MAX_QUERY_TERMS terms with the highest frequency × idf, most telling first,
    leaving out the words too rare (one story) or too common (MAX_DOC_SHARE) to tell."""
    counts = Counter()
    for name in TEXT:
        counts.update(
            term
            for term in analyze(texts.get(name, "")[:MAX_CHARACTERS])
            if len(term) >= MIN_TERM_LENGTH
        )
    total = max(searcher.num_docs, 1)
    most = max(total * MAX_DOC_SHARE, COMMON_FLOOR)
    weighed = []
    for term, count in counts.items():
        frequency = max(searcher.doc_freq(name, term) for name in TEXT)
        if MIN_DOC_FREQUENCY <= frequency <= most:
            weighed.append((count * math.log(1 + total / frequency), term))
    weighed.sort(key=lambda pair: (-pair[0], pair[1]))
    return [term for _weight, term in weighed[:MAX_QUERY_TERMS]]


def filtered(schema, field, values):
    """Must hold one of `values` in `field`, adding nothing to the score."""
    return (Occur.Must, Query.const_score_query(Query.term_set_query(schema, field, values), 0.0))


def similar(index, page, *, terms, weights, types, limit):
    """{id: score} of up to `limit` stories like `page`.

    `terms`: {taxonomy field: [pks]} of the page; `weights`: {taxonomy field: weight of one
    shared term}; `types`: the content type pks the stories may have."""
    schema = index.schema
    searcher = index.searcher()
    words = [
        (Occur.Should, Query.boost_query(Query.term_query(schema, name, term), TEXT_FIELDS[name]))
        for term in telling_terms(searcher, text_fields(page))
        for name in TEXT
    ]
    shared = [
        (
            Occur.Should,
            Query.const_score_query(
                Query.term_query(schema, field, pk), float(weights[field] * TAXONOMY_UNIT)
            ),
        )
        for field, pks in terms.items()
        for pk in pks
    ]
    if not (words or shared) or not types:
        return {}
    rules = [
        filtered(schema, "live", [1]),
        filtered(schema, "public", [1]),
        filtered(schema, "type", list(types)),
        (Occur.MustNot, Query.term_query(schema, "id", page.pk)),
    ]
    found = {}
    if words:
        # Must share a word; a shared term adds to the score of those only.
        alike = [(Occur.Must, Query.boolean_query(words)), *shared]
        found = search(searcher, Query.boolean_query([*alike, *rules]), limit)
    if len(found) < min(limit, BLOCK) and shared:
        # Too few share a word (a short text): words and terms count alike, as the taxonomy
        # ranking in SQL would, which took 23 ms at 100,000 stories.
        alike = [(Occur.Must, Query.boolean_query([*words, *shared]))]
        found = search(searcher, Query.boolean_query([*alike, *rules]), limit)
    return found


def search(searcher, query, limit):
    """{id: score} of the `limit` best: ids from the fast field (no stored document is read),
    and no count of every match (which would visit them all)."""
    hits = searcher.search(query, limit, count=False).hits
    ids = searcher.fast_field_values("id", [address for _score, address in hits])
    return {int(pk): score for (score, _address), pk in zip(hits, ids, strict=True)}
