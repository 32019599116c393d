"""The Dutch analysis of the search index: what a text and a query become before they meet.

Owns the normalisation done in Python (NFKC, invisible characters, two plural forms the stemmer
misses) and the tantivy analyzer registered on the index as `ANALYZER` (tokenizer, lowercase,
ASCII folding, Dutch stop words, Dutch stemmer). Every text is indexed and every query is read
through `normalise` and then the same analyzer, so what the index holds and what a query asks
for always match.

Notes on tantivy's Dutch:
- The stop words are tantivy's built-in Dutch list (Snowball's, `Filter.stopword("dutch")`), so
  the index and the query share one list and we keep none of our own.
- The stemmer is Snowball's current Dutch (Kraaij-Pohlmann): it conflates plurals, diminutives
  and verb forms ("wachtlijsten" → "wachtlijst", "opvoeding"/"opvoedend" → "opvoed") and strips
  the prefix "ge-" ("gesprekken" → "sprek", "gezinnen" → "zin"). So "gezin" and "zin" meet;
  query.py ranks the word as typed (the unstemmed vocabulary field) above its other forms.
- It leaves two plurals alone, which `normalise` makes singular first: English loanwords on
  "-ches"/"-shes" ("gezinscoaches") and trema plurals on "-ën" ("ideeën", "knieën", also typed
  "ideeen").
- Irregular verbs ("kwam" / "komen") are not conflated by any stemmer; the "most words"
  fallback and the synonyms cover them.
"""

import functools
import re
import unicodedata

import tantivy

ANALYZER = "hvdj_dutch"
# The words as written (lowercased and folded, not stemmed): the vocabulary for suggestions.
WORDS_ANALYZER = "hvdj_words"
# Tokens longer than this are not words (hashes, URLs glued together); tantivy drops them.
LONGEST_TOKEN = 40

# Soft hyphen, zero-width space/non-joiner/joiner, word joiner, byte order mark: invisible in a
# text, but they split or glue words for a tokenizer (pasted from PDFs and word processors).
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# "coaches" → "coach", "flashes" → "flash": Dutch has no native words on -ches/-shes.
ENGLISH_PLURAL = re.compile(r"(?<=\w[cs]h)es\b", re.IGNORECASE)
# "ideeën" → "idee", "knieën" → "knie", "categorieën" → "categorie"; also typed without the
# trema ("ideeen"), which Dutch spells no other way.
TREMA_PLURAL = re.compile(r"(?<=\w[aeiou])ën\b|(?<=\w[ei]e)en\b", re.IGNORECASE)


def normalise(text):
    """`text` as the analyzer should see it: NFKC-composed (so "e" + U+0308 becomes "ë"),
    without invisible characters, with the two plural forms the stemmer misses made singular.

    The plural rules are regular expressions that cost about a millisecond per page of text;
    a plain substring test skips them for the many texts that hold neither form."""
    if not text:
        return ""
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    lowered = text.lower()
    if "ches" in lowered or "shes" in lowered:
        text = ENGLISH_PLURAL.sub("", text)
    if "ën" in lowered or "eeen" in lowered or "ieen" in lowered:
        text = TREMA_PLURAL.sub("", text)
    return text


def build_analyzer(*, stop_words=True, stem=True):
    """The tantivy analyzer: simple tokenizer, lowercase, ASCII folding, stop words, stemmer."""
    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(LONGEST_TOKEN))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
    )
    if stop_words:
        builder = builder.filter(tantivy.Filter.stopword("dutch"))
    if stem:
        builder = builder.filter(tantivy.Filter.stemmer("dutch"))
    return builder.build()


@functools.cache
def analyzer():
    """The analyzer registered on the index (built once per process)."""
    return build_analyzer()


@functools.cache
def words_analyzer():
    """The analyzer of the vocabulary field: the words as written, lowercased and folded."""
    return build_analyzer(stop_words=False, stem=False)


def words(text):
    """The words of `text` as the vocabulary holds them."""
    return words_analyzer().analyze(normalise(text))


@functools.cache
def analyzer_keeping_stop_words():
    """The same analysis without the stop-word filter: tells a query of only stop words from a
    query without words."""
    return build_analyzer(stop_words=False)


def analyze(text):
    """The index terms of `text`, in order, stop words left out."""
    return analyzer().analyze(normalise(text))


def positioned_terms(text):
    """[(position, term)] of `text`: stop words leave a gap in the positions, as in the index,
    so a phrase built from them matches the indexed text."""
    return [
        (token.position, token.text) for token in analyzer().pre_tokenize(normalise(text)).tokens
    ]


def has_words(text):
    """Whether `text` holds any word at all, stop words included."""
    return bool(analyzer_keeping_stop_words().analyze(normalise(text)))


def positioned_words(text):
    """[(position, word)] of `text` as written (lowercased, folded), stop words included; the
    positions are those of `positioned_terms`."""
    tokens = words_analyzer().pre_tokenize(normalise(text)).tokens
    return [(token.position, token.text) for token in tokens]
