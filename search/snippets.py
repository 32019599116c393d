"""Marked excerpts of search results: what the engine matched, found again in the card's text.

A word of a text is marked when the Dutch analysis of the search index (search/tantivy/
analysis.py) turns it into a term the query asked for: the query's stems and those of its
synonyms. So "gezinscoaches" is marked for "gezinscoach", "Pleegzorg" for "pleegzorg" and
"coördinatie" for "coordinatie", exactly as the engine matched them; stop words are never
marked, and only the letters and digits of a word are, not the punctuation around it.
"""

import functools
import re
import unicodedata
from html import escape  # what Django's escape calls, without its lazy wrapper: once per word

from django.utils.safestring import mark_safe

from search.tantivy.analysis import INVISIBLE, analyze
from search.tantivy.query import clauses

SNIPPET_WORDS = 32
# A run of letters and digits: a word as the analyzer's tokenizer cuts it.
WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=20_000)
def term_of(word):
    """The index term of one word, or None for a stop word."""
    terms = analyze(word)
    return terms[0] if terms else None


def query_terms(query, groups=()):
    """The terms the engine looks for: the query's stems and those of its synonyms."""
    terms = set()
    for clause in clauses(query, groups):
        for alternative in clause.alternatives:
            terms.update(stem for _position, stem in alternative)
    return terms


def matcher(query, groups=()):
    """A function telling whether a word of a text matches the query (or its synonyms)."""
    terms = query_terms(query, groups)

    def matches(word):
        return bool(terms) and term_of(word) in terms

    return matches


def readable(text):
    """`text` as shown: composed (NFKC) and without invisible characters inside words."""
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", text or ""))


def mark(token, is_match):
    """One whitespace-separated token, escaped, its matching words in <mark>."""
    parts, end = [], 0
    for word in WORD.finditer(token):
        parts.append(escape(token[end : word.start()]))
        text = escape(word.group())
        parts.append(f"<mark>{text}</mark>" if is_match(word.group()) else text)
        end = word.end()
    parts.append(escape(token[end:]))
    return "".join(parts)


def token_matches(token, is_match):
    return any(is_match(word) for word in WORD.findall(token))


def highlight(text, is_match, *, words=SNIPPET_WORDS):
    """A window of `text` around its first matching word, escaped, with matches in <mark>.
    Returns "" when no word matches."""
    tokens = readable(text).split()
    first = next((i for i, token in enumerate(tokens) if token_matches(token, is_match)), None)
    if first is None:
        return ""
    start = max(0, first - words // 3)
    window = tokens[start : start + words]
    prefix = "… " if start else ""
    suffix = " …" if start + words < len(tokens) else ""
    marked = " ".join(mark(token, is_match) for token in window)
    return mark_safe(prefix + marked + suffix)  # noqa: S308 (every part escaped)


def first_matching_passage(cues, query, groups=()):
    """(number from 1, cue) of the passage that matches most of the query's words, the
    earliest of those; None when no passage matches any of them."""
    found = clauses(query, groups)
    # Short words ("ik", "zo") are in nearly every passage: they alone do not make a moment.
    long_enough = [
        clause
        for clause in found
        if any(len(stem) > 2 for alternative in clause.alternatives for _p, stem in alternative)
    ]
    matchers = []
    for clause in long_enough or found:
        terms = {stem for alternative in clause.alternatives for _p, stem in alternative}
        matchers.append(terms)
    best, best_score = None, 0
    for number, cue in enumerate(cues or [], start=1):
        said = {term_of(word) for word in WORD.findall(readable(cue.get("text", "")))}
        score = sum(1 for terms in matchers if terms & said)
        if score > best_score:
            best, best_score = (number, cue), score
            if score == len(matchers):
                break
    return best
