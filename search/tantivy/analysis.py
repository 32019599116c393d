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
- Irregular verbs ("kwam" / "komen", "liep" / "lopen") are not conflated by any stemmer, and
  this one also leaves many present-tense forms apart from their infinitive ("komt" →
  "komt", "komen" → "koom"). `IRREGULAR_VERBS` is a hand-written table of the forms of the
  common irregular (strong) verbs; query.py treats each line as a group of synonyms, so a form
  in a query matches every form in the index. Hand-written because no Dutch lemmatiser ships
  with tantivy (a dictionary such as OpenTaal's is large and would make the index depend on
  it), the strong verbs are a closed list of about two hundred, and the few dozen that occur
  in stories about youth care cover nearly all their use. Forms that are also common nouns
  ("namen", "lagen", "gaven", "geval") are left out, and so are the auxiliaries (stop words).
- Snowball strips "ge-" from nouns too: "gezin" → "zin", "gezondheid" → "zon". `GE_WORDS`
  lists the common words whose "ge" belongs to the word; query.py lets a query for one of them
  (or a compound starting with one) match only texts that hold a word starting with it.
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


# The forms of common irregular verbs, infinitive first (see the module docstring).
IRREGULAR_VERBS = (
    "komen komt kom kwam kwamen gekomen",
    "gaan gaat ging gingen gegaan",
    "lopen loopt liep liepen gelopen",
    "blijven blijft bleef bleven gebleven",
    "spreken spreekt sprak spraken gesproken",
    "helpen helpt hielp hielpen geholpen",
    "vinden vindt vond vonden gevonden",
    "krijgen krijgt kreeg kregen gekregen",
    "zoeken zoekt zocht zochten gezocht",
    "denken denkt dacht dachten gedacht",
    "brengen brengt bracht brachten gebracht",
    "nemen neemt nam genomen",
    "geven geeft gaf gegeven",
    "zien ziet zag zagen gezien",
    "weten weet wist wisten geweten",
    "beginnen begint begon begonnen",
    "staan staat stond stonden gestaan",
    "zitten zit zat zaten gezeten",
    "liggen ligt lag gelegen",
    "slapen slaapt sliep sliepen geslapen",
    "houden houdt hield hielden gehouden",
    "vallen valt viel vielen",
    "schrijven schrijft schreef schreven geschreven",
    "kiezen kiest koos kozen gekozen",
    "lezen leest las lazen gelezen",
    "kopen koopt kocht kochten gekocht",
    "vragen vraagt vroegen gevraagd",
    "dragen draagt droeg droegen",
    "trekken trekt trok trokken getrokken",
    "sluiten sluit sloot gesloten",
    "verliezen verliest verloor verloren",
    "vergeten vergeet vergat vergaten",
    "begrijpen begrijpt begreep begrepen",
    "verdwijnen verdwijnt verdween verdwenen",
    "drinken drinkt dronk dronken gedronken",
    "eten eet aten gegeten",
    "rijden rijdt reed gereden",
    "vechten vecht vocht vochten gevochten",
    "sterven sterft stierf stierven gestorven",
    "overlijden overlijdt overleed overleden",
    "ontstaan ontstaat ontstond ontstonden",
    "verbieden verbiedt verbood verboden",
    "bieden biedt bood boden geboden",
    "zwijgen zwijgt zweeg zwegen gezwegen",
)

# Words whose "ge" is part of the word, not the prefix of a participle (folded, lowercase).
GE_WORDS = (
    "gebied",
    "gebouw",
    "gebrek",
    "gebruik",
    "geduld",
    "gedachte",
    "gedrag",
    "gedicht",
    "geheim",
    "geheugen",
    "gehoor",
    "geld",
    "geloof",
    "geluk",
    "gemak",
    "gemeente",
    "gemeenschap",
    "gerecht",
    "geschiedenis",
    "gesprek",
    "getuige",
    "gevaar",
    "gevoel",
    "gevolg",
    "geweld",
    "gewicht",
    "gewoonte",
    "gezag",
    "gezicht",
    "gezin",
    "gezond",
    "gezondheid",
    ").split(",
)


def normalise(text):
    """`text` as the analyzer should see it: NFKC-composed (so "e" + U+0308 becomes "ë"),
    without invisible characters, with the two plural forms the stemmer misses made singular.

    The plural rules are regular expressions that cost about a millisecond per page of text;
    a plain substring test skips them for the many texts that hold neither form. (Every step
    here runs over every text of a rebuild.)"""
    if not text:
        return ""
    if not text.isascii():  # ASCII is composed already and holds no invisible character
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


@functools.cache
def verb_groups():
    """IRREGULAR_VERBS as groups of forms, for query.py to use like synonym groups."""
    return tuple(tuple(line.split()) for line in IRREGULAR_VERBS)


def ge_word(word):
    """The word of GE_WORDS that `word` (as written: lowercased, folded) starts with and whose
    "ge" the stemmer strips, or None: "gezinnen" → "gezin", "gezondheidszorg" → "gezond"."""
    if not word.startswith("ge"):
        return None
    stems = analyze(word)
    if len(stems) != 1 or stems[0].startswith("ge"):
        return None
    found = [root for root in GE_WORDS if word.startswith(root)]
    return max(found, key=len) if found else None
