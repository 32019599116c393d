"""Fixed Dutch content in a tantivy index of its own (no database), shared by the engine tests.

Each story is (pk, title, summary, body, facets, options). The facet values are made-up pks:
themes 10–12, regions 30–31, audiences 40; types 1 (artikel) and 2 (vlog).
"""

import datetime

import pytest

from search.tantivy.documents import make_document
from search.tantivy.index import open_index, writer

ARTIKEL, VLOG = 1, 2
STORIES = [
    (
        1,
        "Gezinscoaches in de wijk",
        "Hoe gezinscoaches ouders steunen die vastlopen.",
        "De gezinscoaches komen thuis bij gezinnen en denken mee over de opvoeding.",
        {"themes": [10], "regions": [30], "audiences": [40]},
        {"type": ARTIKEL},
    ),
    (
        2,
        "Een pleeggezin voor Sanne",
        "Sanne woont sinds vorig jaar in een pleeggezin.",
        "Haar pleegouders vertellen over de eerste maanden. De pleegzorgbegeleider kwam elke "
        "week langs en dat hielp.",
        {"themes": [11], "regions": [30]},
        {"type": VLOG},
    ),
    (
        3,
        "Opvoedhulp zonder wachtlijst",
        "Ouders kregen binnen een week hulp van het wijkteam.",
        "Het wijkteam organiseerde opvoedondersteuning aan de keukentafel.",
        {"themes": [10, 12], "regions": [31], "audiences": [40]},
        {"type": ARTIKEL},
    ),
    (
        4,
        "Wat twee jaar samenwerken tussen scholen, huisartsen, gemeenten, wijkteams en "
        "jeugdhulpaanbieders ons leerde over mantelzorg door jongeren in onze regio",
        "Een verslag van tien bijeenkomsten.",
        "We spraken met leraren, ouders en beleidsmakers.",
        {"themes": [12], "regions": [31]},
        {"type": ARTIKEL},
    ),
    (
        5,
        "Jongeren die zorgen",
        "",
        "Mantelzorg. Mantelzorg is zwaar. Mantelzorg naast school. Over mantelzorg praten "
        "jongeren weinig.",
        {"themes": [12], "regions": [30]},
        {"type": VLOG},
    ),
    (
        6,
        "Coördinatie van zorg rond één gezin",
        "Goede ideeën uit de praktijk.",
        "Eén plan, één regisseur: de coördinator houdt het overzicht.",
        {"themes": [10], "regions": [31]},
        {"type": ARTIKEL},
    ),
    (
        7,
        "Als je kind niet naar school wil",
        "Thuiszitters en hun ouders vertellen wat hielp.",
        "Na maanden thuis ging Daan weer twee ochtenden per week naar school.",
        {"themes": [11], "regions": [30], "audiences": [40]},
        {"type": VLOG},
    ),
    (
        8,
        "Wachttijden in de geestelijke gezondheidszorg",
        "Jongeren wachten maanden op behandeling.",
        "Een overbrugging helpt: een vast contactpersoon tijdens het wachten.",
        {"themes": [12], "regions": [31]},
        {"type": ARTIKEL},
    ),
    (
        9,
        "Pleegzorg in cijfers",
        "Het aantal kinderen in pleegzorg steeg.",
        "Vooral tieners wachten lang op een plek.",
        {"themes": [11], "regions": [31]},
        {"type": ARTIKEL},
    ),
    (
        10,
        "De ggz-crisisdienst in de nacht",
        "Een nacht meelopen met de crisisdienst.",
        "Om drie uur 's nachts belde een moeder.",
        {"themes": [12], "regions": [30]},
        {"type": VLOG},
    ),
    (
        20,
        "Concept: gezinscoach gezocht",
        "Nog niet gepubliceerd.",
        "Dit verhaal over een gezinscoach is een concept.",
        {"themes": [10], "regions": [30]},
        {"type": ARTIKEL, "live": False},
    ),
    (
        21,
        "Besloten: gezinscoach intern",
        "Alleen voor ingelogde leden.",
        "Een verhaal over de gezinscoach achter een wachtwoord.",
        {"themes": [10], "regions": [30]},
        {"type": ARTIKEL, "public": False},
    ),
]
SYNONYMS = [["ggz", "geestelijke gezondheidszorg"], ["pleegzorg", "pleeggezin"]]
START = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)


def published(pk):
    """Each story a day later than the one before it."""
    return START + datetime.timedelta(days=pk)


@pytest.fixture(scope="session")
def story_index(tmp_path_factory):
    """The index of STORIES, built once for the whole session."""
    index = open_index(tmp_path_factory.mktemp("tantivy-stories"))
    with writer(index) as handle:
        for pk, title, summary, body, facets, options in STORIES:
            texts = {"title": title, "summary": summary, "body": body}
            handle.add_document(
                make_document(
                    pk,
                    texts,
                    facets,
                    type=options["type"],
                    published=published(pk),
                    live=options.get("live", True),
                    public=options.get("public", True),
                )
            )
    return index
