"""Autocomplete on the index: titles that start like what a visitor is typing.

Every word but the last must be in the title, read through the Dutch analysis like a search
("pleegzorg" finds "Pleegzorg", "gezinnen" finds "gezin"); the last word, still being typed,
is a prefix of a title word ("pleeg" finds "pleeggezin" and "pleegzorg"), or, when it is
already a word the index knows, matches by its stem too. Only live, public stories; best
first (BM25 on the title).
"""

from tantivy import Occur, Query

from .analysis import positioned_terms, words
from .index import WORDS_FIELD
from .query import filter_queries

# A word of the title is at most this much longer than the typed prefix it completes.
MAX_COMPLETION = 30


def title_matches(schema, text):
    """Must-parts: each term of `text` in the title."""
    return [
        (Occur.Must, Query.term_query(schema, "title", term))
        for _position, term in positioned_terms(text)
    ]


def autocomplete(index, query, *, limit):
    """Ids of the live, public stories whose title starts like `query`, best first."""
    typed = words(query)
    if not typed:
        return []
    *complete, last = typed
    schema = index.schema
    parts = filter_queries(schema, None, public_only=True)
    parts += title_matches(schema, " ".join(complete))
    completions = [
        (Occur.Should, Query.regex_query(schema, "title", f"{last}.{{0,{MAX_COMPLETION}}}"))
    ]
    searcher = index.searcher()
    if searcher.doc_freq(WORDS_FIELD, last):
        # Already a whole word ("opvoeding"): its other forms too ("opvoedend").
        completions += [
            (Occur.Should, Query.term_query(schema, "title", term))
            for _position, term in positioned_terms(last)
        ]
    parts.append((Occur.Must, Query.boolean_query(completions)))
    result = searcher.search(Query.boolean_query(parts), limit=limit)
    addresses = [address for _score, address in result.hits]
    return [int(pk) for pk in searcher.fast_field_values("id", addresses)]
