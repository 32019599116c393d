"""Words found inside Dutch compounds: "verzuim" in "schoolverzuim", "respijt" in "respijtzorg".

Dutch writes compounds as one word and the stemmer leaves them whole, so a query for a part
finds nothing. A search for a part anywhere inside a word walks the whole vocabulary (a second
or more at a million distinct words), so only prefixes are searched, which tantivy finds in the
term dictionary directly: the words as written (index.WORDS_FIELD) for the start of a compound,
and the words written backwards (index.REVERSED_FIELD) for its end, with the usual Dutch endings
after the stem ("mishandeling" finds "kindermishandelingen"). query.py uses this for the words
of a query that find nothing on their own, scoring below any match of a word itself.
"""

import re

from tantivy import Occur, Query

from .index import REVERSED_FIELD, TEXT_FIELDS, WORDS_FIELD

# A word found only inside a compound scores this × the largest idf: below any match of the
# word itself, which is what it stands in for.
COMPOUND_SCORE = 0.5
# What may follow a stem at the end of a word (plurals, -ing, diminutives, verb endings).
COMPOUND_ENDINGS = (
    "",
    "e",
    "en",
    "n",
    "s",
    "er",
    "ers",
    "ing",
    "ingen",
    "heid",
    "je",
    "jes",
    "t",
    "te",
    "ten",
    "de",
    "den",
    "d",
)
# The shortest stem looked for inside compounds.
COMPOUND_PART = 4


def inside_compounds(searcher, found):
    """`found` with each plain word that no text field holds (as any form of its stem) marked
    to be looked for inside compounds: as their start ("respijt" in "respijtzorg") or their
    end ("verzuim" in "schoolverzuim", "mishandeling" in "kindermishandelingen").

    Dutch writes compounds as one word and the stemmer leaves them whole. A search for a part
    anywhere inside a word walks the whole vocabulary (a second or more at a million distinct
    words), so only prefixes are searched: of the words as written for the start, and of the
    words written backwards (index.REVERSED_FIELD) for the end, with the usual Dutch endings
    after the stem. Only for words that find nothing on their own, and only for stems of
    COMPOUND_PART letters or more, so that "zin" does not find every "gezin"."""
    marked = []
    for clause in found:
        stem = clause.alternatives[0][0][1] if clause.exact else None
        if (
            stem
            and len(stem) >= COMPOUND_PART
            and not any(searcher.doc_freq(name, stem) for name in TEXT_FIELDS)
        ):
            clause = clause._replace(part=stem)
        marked.append(clause)
    return marked


def compound_query(schema, clause):
    """Words that start or end with the clause's word (see inside_compounds)."""
    stem, exact = re.escape(clause.part), re.escape(clause.exact)
    endings = "|".join(ending[::-1] for ending in COMPOUND_ENDINGS)
    start = Query.regex_query(schema, WORDS_FIELD, f"(?:{stem}|{exact}).+")
    end = Query.regex_query(
        schema, REVERSED_FIELD, f"(?:(?:{endings}){stem[::-1]}|{exact[::-1]}).+"
    )
    return Query.boolean_query([(Occur.Should, start), (Occur.Should, end)])
