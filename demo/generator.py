"""Varied synthetic Dutch story texts for `generate_content`, reproducible from a seed."""

import random

SUBJECTS = [
    "pleegzorg",
    "het wijkteam",
    "jeugd-GGZ",
    "een veiligheidsplan",
    "de overgang naar 18+",
    "complexe scheidingen",
    "school en zorg",
    "ouders met schulden",
    "gezinshuizen",
    "ervaringsdeskundige jongeren",
    "de inkoop van jeugdhulp",
    "crisisopvang",
    "wachttijden",
    "een netwerkberaad",
    "de huisartsenpraktijk",
    "jongerenwerk",
    "kinderen van ouders met GGZ-problemen",
]
APPROACHES = [
    "Een nieuwe aanpak voor",
    "Wat werkt bij",
    "Lessen uit",
    "Zo pakten we",
    "Ervaringen met",
    "Samen verbeteren:",
    "Van knelpunt naar kans:",
    "Dichtbij huis:",
    "Wat ouders leerden van",
    "Een jaar werken aan",
]
PLACES = [
    "in de wijk",
    "op school",
    "in de regio",
    "aan de keukentafel",
    "in het gezinshuis",
    "bij de gemeente",
    "in het jongerencentrum",
    "op het consultatiebureau",
]
OPENINGS = [
    "Het begon met een gezin dat nergens meer terechtkon.",
    "Professionals zagen dat dezelfde vragen steeds terugkwamen.",
    "Ouders vertelden dat ze zich niet gehoord voelden.",
    "Jongeren wilden zelf meepraten over hun hulp.",
    "De wachtlijsten werden langer en niemand wist hoe het anders kon.",
    "Een gemeente en twee aanbieders besloten het samen te proberen.",
]
MIDDLES = [
    "We zijn gaan werken met één vast aanspreekpunt voor het hele gezin.",
    "School, wijkteam en huisarts zitten nu elke maand samen aan tafel.",
    "Jongeren beoordelen zelf of de hulp hen verder helpt.",
    "Het netwerk van het gezin kreeg een vaste rol in het plan.",
    "Elke casus die vastloopt, bespreken we achteraf om ervan te leren.",
    "Ouders kregen eerst hulp bij hun eigen zorgen, daarna bij de opvoeding.",
    "We begonnen elk gesprek met de vraag wat het gezin zelf belangrijk vindt.",
]
ENDINGS = [
    "Minder kinderen hoefden uit huis geplaatst te worden.",
    "Gezinnen zeggen dat ze sneller de juiste hulp kregen.",
    "Professionals voelen zich beter toegerust voor hun werk.",
    "De samenwerking kostte tijd, maar levert nu elke week iets op.",
    "Het is nog niet af, maar we leren elke maand bij.",
    "Andere regio's willen de aanpak nu overnemen.",
]
QUESTIONS = [
    "Hoe kijk jij naar {subject} {place}?",
    "Wat heb jij geleerd van {subject}?",
    "Wat zou er beter kunnen aan {subject} {place}?",
    "Wie heeft ervaring met {subject}?",
]
TAGS = [
    "netwerk",
    "school",
    "wachtlijst",
    "regie",
    "veiligheid",
    "inkoop",
    "ervaringsdeskundigheid",
    "gezinscoach",
    "toekomstplan",
    "mediation",
    "pleegouders",
    "huisarts",
    "vakmanschap",
    "wijkgericht",
    "crisis",
    "participatie",
    "schulden",
    "ontwikkelcirkel",
    "leren",
    "samenwerking",
]


class TextGenerator:
    """Titles, intros and paragraphs combined from Dutch sentence fragments."""

    def __init__(self, seed):
        self.rng = random.Random(seed)  # noqa: S311 (text variety, not security)

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def sample(self, items, low, high):
        return self.rng.sample(items, self.rng.randint(low, min(high, len(items))))

    def title(self, number):
        subject, place = self.pick(SUBJECTS), self.pick(PLACES)
        return f"{self.pick(APPROACHES)} {subject} {place} ({number})"

    def question(self, number):
        text = self.pick(QUESTIONS).format(subject=self.pick(SUBJECTS), place=self.pick(PLACES))
        return f"{text[:-1]} ({number})?"

    def intro(self):
        return f"{self.pick(OPENINGS)} {self.pick(MIDDLES)}"

    def paragraphs(self, count=3):
        return [
            " ".join(
                [self.pick(OPENINGS), self.pick(MIDDLES), self.pick(MIDDLES), self.pick(ENDINGS)]
            )
            for _ in range(count)
        ]
