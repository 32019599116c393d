"""Searching the index: the query semantics of the public search, facets and suggestions.

Owns how a visitor's words become a tantivy query and what comes back (`Hits`):

- Words are read through the Dutch analysis (analysis.py). A query of only stop words finds
  nothing and says so (`only_stop_words`).
- The forms of common irregular verbs (analysis.IRREGULAR_VERBS) are groups like synonyms:
  "liep" finds "lopen". A word like "gezinnen" does not find "zin" (analysis.GE_WORDS).
- Synonyms (the redactie's SynonymGroup snippet) apply after stemming, both ways: a run of query
  terms equal to the stems of one term of a group matches any term of the group; a term of more
  than one word is a phrase.
- All words first (each "clause" — a word or a synonym run — must match). When that finds fewer
  than a page (`limit`), the pages matching most clauses, ranked by how many, then by how rare
  the matched clauses are (their idf in tenths), then by BM25
  (`partial_match`); the pages with all words are still first among them.
- A word that no text field holds is looked for at the start and the end of the words of the
  index (compounds: "verzuim" finds "schoolverzuim"), scoring below any match of a word itself.
- BM25 over the text fields with the boosts of index.TEXT_FIELDS, plus the word as typed in the
  unstemmed vocabulary field (EXACT_BOOST); a title match also gets a
  constant bonus as large as the most any other field can score for that clause, so it outranks
  a match outside the title whatever the title's length. The bonus grows with the idf of the
  clause's words, so a title with a rare word of the query beats a title with a common one.
- Filters on the fast fields; facet counts for every value, exact (tantivy's terms aggregation
  sized past the number of values), each counted under the query and the other filters.
- Only live, public pages unless `public_only=False`.
"""

import functools
import math
from dataclasses import dataclass, field
from typing import NamedTuple

import tantivy
from tantivy import Occur, Query

from .analysis import ge_word, has_words, positioned_terms, positioned_words, verb_groups
from .compounds import COMPOUND_SCORE, compound_query, inside_compounds
from .index import FACET_FIELDS, TEXT_FIELDS, WORDS_FIELD

PAGE_SIZE = 12
RELEVANCE, NEWEST = "relevance", "date"
# BM25's k1 in tantivy: a term scores at most idf × (k1 + 1) in one field.
BM25_MAX_TF = 1.2 + 1
# The word as typed (the vocabulary field) on top of its stem: exact forms rank a little higher.
EXACT_BOOST = 1.0
# The longest ending after a word of analysis.GE_WORDS ("gezin-nen", "gezond-heid").
GE_ENDING = 4
# Text fields whose words the vocabulary (WORDS_FIELD) does not hold.
UNLISTED_FIELDS = ("transcript", "replies")
# Larger than the number of distinct values of any facet, so every value is counted exactly.
FACET_SIZE = 65_000


@dataclass
class Hits:
    """One page of matching page ids, best first, and what the page should say about them."""

    ids: list = field(default_factory=list)
    total: int = 0
    partial_match: bool = False
    only_stop_words: bool = False
    # {facet field: {value (a pk): number of matches}}, for the facets asked for.
    facets: dict = field(default_factory=dict)


@functools.lru_cache(maxsize=4096)
def term_runs(text):
    """The stems of a (synonym) term with their relative positions, as a tuple."""
    terms = positioned_terms(text)
    if not terms:
        return ()
    first = terms[0][0]
    return tuple((position - first, term) for position, term in terms)


class Clause(NamedTuple):
    """One word of the query, or a run of words that is a term of a synonym group.

    `alternatives`: tuples of (relative position, stem), one stem or a phrase, any of which
    matches. `exact`: the word as typed (lowercased, folded) for a plain word, else None.
    `part`: the stem of a plain word that no text field holds, looked for inside compounds
    (see `inside_compounds`). `root`: for a word like "gezinnen" whose "ge" the stemmer strips
    ("zin"), the word of analysis.GE_WORDS it starts with ("gezin"), see `clause_query`."""

    alternatives: tuple
    exact: str | None = None
    part: str | None = None
    root: str | None = None

    @property
    def term_count(self):
        return sum(len(alternative) for alternative in self.alternatives)


@functools.cache
def verb_forms():
    """{stem of a form: the stems of every form} of analysis.IRREGULAR_VERBS, built once."""
    forms = {}
    for group in verb_groups():
        runs = tuple(dict.fromkeys(run for run in (term_runs(form) for form in group) if run))
        for run in runs:
            forms.setdefault(run[0][1], runs)
    return forms


def clauses(query, groups=()):
    """The query as a list of Clauses, synonym runs matched on stems (longest first), a form
    of an irregular verb matching all its forms."""
    terms = positioned_terms(query)
    stems = [term for _position, term in terms]
    surface = dict(positioned_words(query))
    alternatives_of = []
    for group in groups:
        runs = [run for run in (term_runs(term) for term in group) if run]
        for run in runs:
            alternatives_of.append((tuple(stem for _p, stem in run), runs))
    alternatives_of.sort(key=lambda item: -len(item[0]))
    found, position = [], 0
    while position < len(stems):
        for run, runs in alternatives_of:
            if tuple(stems[position : position + len(run)]) == run:
                found.append(Clause(tuple(dict.fromkeys(runs))))
                position += len(run)
                break
        else:
            if stems[position] in verb_forms():
                found.append(Clause(verb_forms()[stems[position]]))
                position += 1
                continue
            exact = surface.get(terms[position][0])
            root = ge_word(exact) if exact else None
            found.append(Clause((((0, stems[position]),),), exact, root=root))
            position += 1
    return found


def alternative_query(schema, field_name, alternative):
    if len(alternative) == 1:
        return Query.term_query(schema, field_name, alternative[0][1])
    return Query.phrase_query(schema, field_name, list(alternative))


def max_idf(searcher):
    """The largest idf a term can have in this index (a term in one document)."""
    total = max(searcher.num_docs, 1)
    return math.log(1 + (total - 1 + 0.5) / 1.5)


def bm25_idf(total, frequency):
    """BM25's idf, as tantivy computes it, of a term in `frequency` of `total` documents."""
    return math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))


def clause_idf(searcher, clause):
    """The largest idf any term of the clause has in a text field that holds it (or the word
    as typed in the vocabulary): the most one of its terms can weigh in one field."""
    total = max(searcher.num_docs, 1)
    frequencies = [
        searcher.doc_freq(field_name, term)
        for alternative in clause.alternatives
        for _position, term in alternative
        for field_name in TEXT_FIELDS
    ]
    if clause.exact:
        frequencies.append(searcher.doc_freq(WORDS_FIELD, clause.exact))
    return bm25_idf(total, min((f for f in frequencies if f), default=total))


def rarities(searcher, schema, found, idf, title_idfs):
    """{clause: how rare the pages are that it matches}, as whole tenths of their idf: among
    pages that match as many words, the rarer words count first ("mishandeling", found only
    in "kindermishandeling", before a title with the common "zorgen"). One count per clause,
    only for the "most words" fallback."""
    total = max(searcher.num_docs, 1)
    return {
        clause: round(
            10
            * bm25_idf(
                total,
                searcher.search(
                    clause_query(schema, clause, idf, title_idfs[clause]), limit=1
                ).count,
            )
        )
        for clause in found
    }


def clause_query(schema, clause, idf, title_idf):
    """A clause scored over every text field with its boost, the word as typed a little
    higher than its other forms (the stemmer conflates "gezin" with "zin"), plus the title
    bonus, scaled by how rare the clause's words are (`title_idf`, clause_idf): a title with
    a rare word of the query outranks one with a common word."""
    parts = []
    for field_name, boost in TEXT_FIELDS.items():
        for alternative in clause.alternatives:
            query = alternative_query(schema, field_name, alternative)
            parts.append((Occur.Should, Query.boost_query(query, boost)))
    if clause.exact:
        exact = Query.term_query(schema, WORDS_FIELD, clause.exact)
        parts.append((Occur.Should, Query.boost_query(exact, EXACT_BOOST)))
    if clause.part:
        inside = compound_query(schema, clause)
        parts.append((Occur.Should, Query.const_score_query(inside, COMPOUND_SCORE * idf)))
    title = Query.boolean_query(
        [(Occur.Should, alternative_query(schema, "title", alt)) for alt in clause.alternatives]
    )
    parts.append((Occur.Should, Query.const_score_query(title, title_bonus(clause, title_idf))))
    scored = Query.boolean_query(parts)
    if not clause.root or clause.part:  # a word found only inside compounds: no stem to gate
        return scored
    # "gezinnen" (stem "zin"): in the fields the vocabulary holds, only a text with "gezin"
    # and an ending of a few letters (or the word as typed) matches, not "zin in school";
    # transcripts and replies, which the vocabulary leaves out, match on the stem as before.
    # Compounds ("gezinscoach") have stems of their own and are left out of the gate, which
    # keeps its list of documents short.
    forms = f"{clause.root}.{{0,{GE_ENDING}}}|{clause.exact}"
    gate = [(Occur.Should, Query.regex_query(schema, WORDS_FIELD, forms))]
    for field_name in UNLISTED_FIELDS:
        for alternative in clause.alternatives:
            gate.append((Occur.Should, alternative_query(schema, field_name, alternative)))
    return Query.boolean_query(
        [
            (Occur.Must, Query.const_score_query(Query.boolean_query(gate), 0.0)),
            (Occur.Must, scored),
        ]
    )


def title_bonus(clause, idf):
    """At least what every field but the title can add for this clause (when `idf` is at
    least the largest idf of its terms)."""
    others = sum(boost for name, boost in TEXT_FIELDS.items() if name != "title")
    return (clause.term_count * others + EXACT_BOOST) * BM25_MAX_TF * idf


def clause_ceiling(clause, idf):
    """More than this clause can score in any document."""
    everything = clause.term_count * sum(TEXT_FIELDS.values()) + EXACT_BOOST
    return title_bonus(clause, idf) + everything * BM25_MAX_TF * idf + 1


def filter_queries(schema, filters, *, public_only, without=None):
    """(Must, query) parts for the chosen values of each fast field but `without`."""
    parts = []
    if public_only:
        parts.append(Query.term_query(schema, "live", 1))
        parts.append(Query.term_query(schema, "public", 1))
    for name, values in (filters or {}).items():
        if name == without or not values:
            continue
        if name not in FACET_FIELDS:
            raise ValueError(f"Not a facet field: {name}")
        parts.append(Query.term_set_query(schema, name, [int(value) for value in values]))
    return [(Occur.Must, Query.const_score_query(part, 0.0)) for part in parts]


def text_query(schema, found, idf, title_idfs, rarity=None):
    """All clauses, or (with `rarity`, see rarities) any of them, ranked by how many matched,
    then by how rare the matched ones are, then by BM25. `title_idfs`: each clause's
    clause_idf; `idf`: the largest idf of the index."""
    if rarity is None:
        return Query.boolean_query(
            [(Occur.Must, clause_query(schema, c, idf, title_idfs[c])) for c in found]
        )
    # More than any BM25 sum; a tenth of idf more outweighs it, one clause more outweighs both.
    ceiling = sum(clause_ceiling(clause, idf) for clause in found)
    per_clause = ceiling * (1 + sum(rarity.values())) + ceiling
    parts = []
    for clause in found:
        scored = clause_query(schema, clause, idf, title_idfs[clause])
        bonus = per_clause + rarity[clause] * ceiling
        parts.append(
            (
                Occur.Should,
                Query.boolean_query(
                    [
                        (Occur.Must, scored),
                        (Occur.Should, Query.const_score_query(scored, bonus)),
                    ]
                ),
            )
        )
    return Query.boolean_query(parts, minimum_number_should_match=1)


def combined(text, filter_parts):
    matching = Query.all_query() if text is None else text
    return Query.boolean_query([(Occur.Must, matching), *filter_parts])


def search(
    index,
    query,
    *,
    filters=None,
    sort=RELEVANCE,
    offset=0,
    limit=PAGE_SIZE,
    facets=(),
    synonyms=(),
    public_only=True,
    facet_cache=None,
):
    """Search the index for `query` (the visitor's words; "" lists everything newest first).

    `filters`: {facet field: [values]} (pks; `type` is a content type pk). `facets`: the facet
    fields to count. `synonyms`: groups of equivalent terms (lists of strings). `facet_cache`:
    a facet_cache.FacetCache of this index, to keep the counts of the query."""
    schema = index.schema
    version = facet_cache.refresh(index) if facet_cache is not None else None
    searcher = index.searcher()
    hits = Hits()
    found = clauses(query, synonyms) if query else []
    if query and not found:
        hits.only_stop_words = has_words(query)
        return hits
    idf = max_idf(searcher)
    found = inside_compounds(searcher, found)
    title_idfs = {clause: clause_idf(searcher, clause) for clause in found}
    filter_parts = filter_queries(schema, filters, public_only=public_only)
    text = text_query(schema, found, idf, title_idfs) if found else None
    full = combined(text, filter_parts)
    result = run(searcher, full, sort=sort if found else NEWEST, offset=offset, limit=limit)
    if found and len(found) > 1 and result.count < limit:
        rarity = rarities(searcher, schema, found, idf, title_idfs)
        text = text_query(schema, found, idf, title_idfs, rarity)
        full = combined(text, filter_parts)
        wider = run(searcher, full, sort=sort, offset=offset, limit=limit)
        if wider.count > result.count:
            result, hits.partial_match = wider, True
    hits.total = result.count
    addresses = [address for _score, address in result.hits]
    hits.ids = [int(pk) for pk in searcher.fast_field_values("id", addresses)]
    if facets:

        def count():
            return facet_counts(searcher, schema, text, filters, facets, public_only)

        if facet_cache is None:
            hits.facets = count()
        else:
            key = (
                query,
                tuple(tuple(group) for group in synonyms),
                tuple(sorted((name, tuple(values)) for name, values in (filters or {}).items())),
                tuple(facets),
                public_only,
            )
            hits.facets = facet_cache.counts(version, key, count)
    return hits


def run(searcher, query, *, sort, offset, limit):
    if sort == NEWEST:
        return searcher.search(
            query, limit=limit, offset=offset, order_by_field="date", order=tantivy.Order.Desc
        )
    return searcher.search(query, limit=limit, offset=offset)


def facet_counts(searcher, schema, text, filters, facets, public_only):
    """{facet: {value: count}}: each facet under the text query and the other filters. Facets
    without a chosen value share one query (and one aggregation pass)."""
    chosen = {name for name, values in (filters or {}).items() if values}
    counts = {}
    groups = {None: [name for name in facets if name not in chosen]}
    groups.update({name: [name] for name in facets if name in chosen})
    for without, names in groups.items():
        if not names:
            continue
        parts = filter_queries(schema, filters, public_only=public_only, without=without)
        aggregations = {
            name: {"terms": {"field": name, "size": FACET_SIZE, "segment_size": FACET_SIZE}}
            for name in names
        }
        result = searcher.aggregate(combined(text, parts), aggregations)
        for name in names:
            buckets = result.get(name, {}).get("buckets", [])
            counts[name] = {int(bucket["key"]): bucket["doc_count"] for bucket in buckets}
    return counts
