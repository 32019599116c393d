"""The relevance suite (issue 14, item 11): Dutch queries over fixed practice examples, each
expecting one story among the first three results of the public search.

The stories (tests/search/relevance_corpus.py) are published as real pages once per module,
indexed by the tantivy backend into a directory of its own, and rolled back: the tests search
the index (live, public pages) with the redactie's synonyms as the migrations create them.
Each case's id says what it checks.
"""

import pytest
from django.db import transaction

from search.tantivy import index as index_module
from search.tantivy.backend import TantivySearchBackend
from search.tantivy.documents import documents
from stories.models import StoryPage
from tests.factories import ArticlePageFactory, ThemeFactory

from .relevance_corpus import DRAFT, STORIES

pytestmark = pytest.mark.django_db

TOP = 3

# (id, query, key of the expected story)
CASES = [
    # Inflections: plural and singular, verb forms.
    ("plural query finds singular text: gezinscoaches", "gezinscoaches", "gezinscoach"),
    ("singular query finds plural title: thuiszitter", "thuiszitter", "thuiszitters"),
    ("singular finds plural: jongerenwerker", "jongerenwerker op straat", "jongerenwerk"),
    ("singular finds plural: jonge mantelzorger", "jonge mantelzorger", "jonge_mantelzorgers"),
    ("plural finds singular: vechtscheidingen", "vechtscheidingen", "vechtscheiding"),
    (
        "participle finds infinitive: gescheiden ouders",
        "ouders scheiden school",
        "scheiding_school",
    ),
    ("verb form finds noun: opvoedend met tieners", "opvoedend met tieners", "puberteit"),
    ("verb form: begeleiden finds begeleidt", "gezinsvoogd begeleiden", "ots"),
    ("singular finds plural: schuld finds schulden", "gezinnen met een schuld", "schulden"),
    ("plural finds singular: peuter met taalachterstanden", "taalachterstanden", "taal_peuters"),
    # Compounds: a word that occurs only inside a compound.
    ("compound: verzuim finds schoolverzuim", "verzuim", "schoolverzuim"),
    ("compound: hulp at home finds opvoedhulp", "hulp aan huis baby", "opvoedhulp"),
    ("compound: mishandeling finds kindermishandeling", "vermoeden mishandeling", "veilig_thuis"),
    ("compound: respijt finds respijtzorg", "respijt voor ouders", "respijtzorg"),
    # Irregular verbs.
    ("irregular verb: loopt weg finds liep weg", "jongen loopt weg van huis", "weglopen"),
    ("irregular verb: blijven finds bleef", "crisisteam blijft tot de ochtend", "crisisdienst"),
    ("irregular verb: spreken finds sprak", "pleegkind spreekt nauwelijks", "pleeggezin_jaar"),
    ("irregular verb: helpen finds hielp", "advies helpen melden", "veilig_thuis"),
    (
        "irregular verb: komt finds kwam",
        "begeleider komt elke maand langs",
        "pleeggezin_jaar",
    ),
    # Abbreviations and synonyms (SynonymGroup from the migrations).
    ("abbreviation: lvb finds licht verstandelijke beperking", "lvb jongeren", "lvb"),
    ("abbreviation: jgz finds consultatiebureau", "jgz", "consultatiebureau"),
    ("abbreviation: jggz finds jeugd-ggz", "jggz wachttijd", "jggz_wachttijd"),
    ("abbreviation: amk finds Veilig Thuis", "amk melding", "veilig_thuis"),
    ("abbreviation: ots finds ondertoezichtstelling", "ots", "ots"),
    ("full form finds abbreviation: aandachtstekortstoornis", "aandachtstekortstoornis", "adhd"),
    (
        "synonym after stemming: buurtteams finds wijkteam",
        "jeugdverpleegkundige buurtteams",
        "consultatiebureau",
    ),
    (
        "synonym of several words: uit huis geplaatst",
        "kind uit huis geplaatst",
        "uithuisplaatsing",
    ),
    ("synonym: jeugdhulp finds jeugdzorg", "jeugdhulp na je achttiende", "achttien"),
    # Questions full of stop words.
    (
        "question: child who does not want to go to school",
        "Hoe kan ik als ouder mijn kind helpen als het al maanden niet naar school gaat?",
        "thuiszitters",
    ),
    (
        "question: what to do when worried about a pupil",
        "Wat moet ik doen als ik me zorgen maak over mishandeling van een leerling?",
        "veilig_thuis",
    ),
    (
        "question: where do young carers find support",
        "Waar kunnen scholieren die thuis voor een zieke ouder zorgen terecht?",
        "jonge_mantelzorgers",
    ),
    # Diacritics and pasted text.
    ("diacritics: financiele without trema", "financiele rust", "schulden"),
    ("diacritics: decomposed trema", "financie\u0308le rust", "schulden"),
    ("diacritics: coordinatie without trema", "coordinatie gezin", "coordinatie"),
    ("soft hyphen inside a word", "school\u00adverzuim", "schoolverzuim"),
    # gezin is not zin (Dutch Snowball strips ge-), gezondheid is not zon.
    ("ge- prefix: gezinnen ranks above zin", "gezinnen", "schulden"),
    ("ge- prefix: gezondheid ranks above zon", "gezondheid", "gezondheid"),
    # Title versus body.
    ("title above body: long title with respijtzorg", "respijtzorg", "respijtzorg"),
    # Several words, one of which occurs nowhere.
    (
        "one unknown word: pleegzorg tieners utrecht",
        "pleegzorg tieners utrecht",
        "pleegzorg_tieners",
    ),
    ("one unknown word: armoede klas amsterdam", "armoede klas amsterdam", "armoede"),
]

# (id, query with a typo, the suggestion, key of the story the suggestion finds)
TYPOS = [
    ("typo: pleegzrog", "pleegzrog", "pleegzorg", "pleegzorg_tieners"),
    ("typo: respijtzrog", "respijtzrog", "respijtzorg", "respijtzorg"),
    ("typo: thuiszittters", "thuiszittters", "thuiszitters", "thuiszitters"),
    ("typo: vechtschieding", "vechtschieding", "vechtscheiding", "vechtscheiding"),
]

# Cases that must find the story first, not merely among the first three.
FIRST = {
    "title above body: long title with respijtzorg",
    "irregular verb: loopt weg finds liep weg",
    "irregular verb: komt finds kwam",
}

# (id, query, key of a story that must not be among the first three)
NOT_ABOUT = [
    ("ge- prefix: gezinnen does not find zin", "gezinnen", "zin_in_school"),
    ("ge- prefix: gezondheid does not find zon", "gezondheid", "zomerkamp"),
]


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker, tmp_path_factory):
    """(backend, {key: pk}, {pk: title}): the stories published and indexed once; the pages
    themselves are rolled back, the index stays."""
    path = tmp_path_factory.mktemp("relevance-index")
    backend = TantivySearchBackend({"PATH": str(path)})
    keys = {}
    with django_db_blocker.unblock(), transaction.atomic():
        for key, (title, intro, body, themes) in STORIES.items():
            keys[key] = publish(title, intro, body, themes).pk
        keys["draft"] = publish(*DRAFT, live=False).pk
        pages = list(StoryPage.objects.specific())
        titles = {page.pk: page.title for page in pages}
        with index_module.writer(backend.index) as writer:
            for doc in documents(pages):
                writer.add_document(doc)
        transaction.set_rollback(True)
    yield backend, keys, titles
    index_module.forget(path)


def publish(title, intro, body, themes, *, live=True):
    story = ArticlePageFactory(
        title=title, intro=intro, body=[("paragraph", f"<p>{body}</p>")], live=live
    )
    if themes:
        story.themes.set([ThemeFactory(name=name) for name in themes])
        if live:
            story.save_revision().publish()
    return story


def top(backend, titles, query):
    ids = backend.search_stories(query).ids
    return ids[:TOP], [titles.get(pk, pk) for pk in ids[:TOP]]


# Known misses: {case id: why}. Strict: a miss that starts to pass must leave this list.
MISSES = {}


def case(name, query, key):
    marks = [pytest.mark.xfail(strict=True, reason=MISSES[name])] if name in MISSES else []
    return pytest.param(query, key, id=name, marks=marks)


@pytest.mark.parametrize(("query", "key"), [case(*item) for item in CASES])
def test_the_expected_story_is_among_the_first_three_results(corpus, query, key, request):
    backend, keys, titles = corpus
    ids, found = top(backend, titles, query)
    places = 1 if request.node.callspec.id in FIRST else TOP
    assert keys[key] in ids[:places], (
        f"{query!r}: expected {STORIES[key][0]!r} in the top {places}, found {found}"
    )
    assert keys["draft"] not in backend.search_stories(query).ids


@pytest.mark.parametrize(
    ("query", "key"), [pytest.param(q, k, id=name) for name, q, k in NOT_ABOUT]
)
def test_a_story_about_something_else_is_not_among_the_first_three(corpus, query, key):
    backend, keys, titles = corpus
    ids, found = top(backend, titles, query)
    assert keys[key] not in ids, f"{query!r}: {STORIES[key][0]!r} is in the top {TOP}: {found}"


@pytest.mark.parametrize(
    ("query", "suggestion", "key"),
    [pytest.param(q, s, k, id=name) for name, q, s, k in TYPOS],
)
def test_a_typo_gets_a_suggestion_that_finds_the_story(corpus, query, suggestion, key):
    backend, keys, titles = corpus
    ids, found = top(backend, titles, query)
    if keys[key] in ids:
        return
    suggested = backend.suggest(query)
    assert suggested == suggestion, f"{query!r}: expected the suggestion {suggestion!r}"
    ids, found = top(backend, titles, suggested)
    assert keys[key] in ids, (
        f"{query!r} → {suggested!r}: expected {STORIES[key][0]!r} in the top {TOP}, found {found}"
    )
