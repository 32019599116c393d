"""Typo corrections from the index's own words: "Bedoelde je: pleegzorg?".

Each word of four letters or more that the vocabulary (index.WORDS_FIELD: the words as written
in titles, summaries, bodies and taxonomy) does not hold is replaced by the nearest word it
does hold: at most two edits (Damerau-Levenshtein), sharing the first two letters, the most
frequent of the nearest. The candidates come from tantivy's term dictionary by prefix, so only
a few thousand words are compared, not the whole vocabulary. The distance is written here:
twenty lines with an early stop at two edits; rapidfuzz (`distance.OSA`) has the same measure,
but as a compiled dependency for one function over a few thousand short words per typo.
"""

from .analysis import words
from .index import WORDS_FIELD

MAX_CANDIDATES = 20_000


def suggest(index, query):
    """The query with each word that the index does not hold replaced by the nearest word it
    does hold (at most two edits, the most frequent of the nearest); None when nothing changes."""
    searcher = index.searcher()
    originals = query.split()
    changed = False
    corrected = []
    for original in originals:
        folded = words(original)
        if len(folded) != 1 or len(folded[0]) < 4 or searcher.doc_freq(WORDS_FIELD, folded[0]):
            corrected.append(original)
            continue
        best = nearest(searcher, folded[0])
        if best is None:
            corrected.append(original)
            continue
        corrected.append(best)
        changed = True
    return " ".join(corrected) if changed else None


def nearest(searcher, word):
    """The known word closest to `word` (two edits at most), sharing its first two letters."""
    best = None
    for prefix in (word[:3], word[:2]):
        candidates = searcher.terms_with_prefix(WORDS_FIELD, prefix, limit=MAX_CANDIDATES)
        for term, frequency in candidates:
            if abs(len(term) - len(word)) > 2:
                continue
            distance = edit_distance(word, term, limit=2)
            if distance <= 2 and (best is None or (distance, -frequency) < best[0]):
                best = ((distance, -frequency), term)
        if best is not None:
            return best[1]
    return None


def edit_distance(a, b, *, limit):
    """Damerau-Levenshtein (optimal string alignment) distance, or limit + 1 when larger."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous2 is not None
                and i > 1
                and j > 1
                and char_a == b[j - 2]
                and a[i - 2] == char_b
            ):
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
