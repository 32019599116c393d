"""Replies in the demo dialogues, a held and a reported one for the redactie, and a word list.

Replies are keyed by the slug of their dialogue and nest up to three levels deep (the most
that HVDJ_REPLY_MAX_DEPTH allows). "by", "liked_by" and a report's "by" name demo members by
username.
"""

REPLIES = {
    "wat-heb-jij-nodig-van-een-wijkteam": [
        {
            "by": "marloes",
            "text": "Dat ze terugbellen als ze dat beloven. Het klinkt klein, maar toen onze zoon "
            "op school vastliep, heb ik twee weken op een telefoontje gewacht. In die weken werd "
            "het thuis alleen maar onrustiger.",
            "liked_by": ["ans", "yara", "fatima"],
            "replies": [
                {
                    "by": "fatima",
                    "text": "Herkenbaar, en eerlijk gezegd pijnlijk om te lezen. Wij spreken nu af "
                    "dat je binnen twee werkdagen iets van ons hoort, ook als we nog geen antwoord "
                    "hebben. Dan weet je in elk geval dat er iemand mee bezig is.",
                    "liked_by": ["marloes"],
                    "replies": [
                        {
                            "by": "marloes",
                            "text": "Dat had voor ons echt het verschil gemaakt. Gewoon weten "
                            "dat je niet vergeten bent.",
                        },
                    ],
                },
                {
                    "by": "kevin",
                    "text": "Helemaal mee eens. En één vaste contactpersoon helpt ook: dan hoef "
                    "je je verhaal niet steeds opnieuw te vertellen.",
                },
            ],
        },
        {
            "by": "yara",
            "text": "Dat ze eerst met mij praten en niet alleen met mijn moeder. Ik was veertien "
            "en iedereen had het over mij, terwijl ik er gewoon bij zat.",
            "liked_by": ["kevin", "fatima", "marloes"],
            "replies": [
                {
                    "by": "fatima",
                    "text": "Dank je dat je dit zo duidelijk zegt, Yara. Wat had je toen "
                    "geholpen? Een gesprek alleen met jou, of juist samen, maar dan anders?",
                    "replies": [
                        {
                            "by": "yara",
                            "text": "Allebei eigenlijk. Eerst even alleen, zodat ik kon zeggen "
                            "wat ik echt dacht. Daarna samen, maar dan met mijn verhaal ook op "
                            "tafel.",
                            "liked_by": ["fatima", "kevin"],
                        },
                    ],
                },
            ],
        },
        {
            "by": "ans",
            "text": "Geen formulieren aan de keukentafel bij het eerste bezoek. Neem de tijd, "
            "drink een kop koffie mee en luister wat er nodig is. Het papierwerk komt later wel.",
            "liked_by": ["marloes"],
        },
    ],
    "hoe-houd-je-contact-met-je-kind-in-een-pleeggezin": [
        {
            "by": "ans",
            "text": "Als pleegmoeder stuur ik de moeder van ons pleegmeisje elke week een paar "
            "foto's: van school, van de zwemles, van gewone dingen. Ze zegt dat ze zich daardoor "
            "minder buitengesloten voelt.",
            "liked_by": ["marloes", "kevin"],
            "replies": [
                {
                    "by": "marloes",
                    "text": "Wat mooi dat je dat doet. Ik kan me voorstellen hoeveel zo'n foto "
                    "voor haar betekent.",
                    "replies": [
                        {
                            "by": "ans",
                            "text": "Het werkt twee kanten op. Soms stuurt zij een foto terug "
                            "van toen haar dochter klein was, en dan praten we daar thuis samen "
                            "over.",
                            "liked_by": ["marloes"],
                        },
                    ],
                },
            ],
        },
        {
            "by": "kevin",
            "text": "Vaste momenten helpen kinderen enorm. Liever elke zondag om zeven uur een "
            "kort belletje dan af en toe een lang gesprek. Zo weet een kind waar het aan toe is.",
            "liked_by": ["ans"],
        },
        {
            "by": "yara",
            "text": "Ik heb zelf twee jaar in een pleeggezin gewoond. Wat hielp: mijn pleegouders "
            "zeiden nooit iets lelijks over mijn moeder, ook niet als een bezoek weer niet "
            "doorging.",
            "liked_by": ["ans", "marloes", "fatima"],
            "replies": [
                {
                    "by": "ans",
                    "text": "Dank je, Yara. Zoiets wil ik vaker horen van jongeren zelf.",
                },
            ],
        },
    ],
    "moet-jeugdhulp-doorlopen-na-je-achttiende": [
        {
            "by": "yara",
            "text": "Eens. Op je achttiende ben je echt niet ineens volwassen. Ik word over een "
            "paar maanden achttien. Iedereen vraagt wat mijn plan is, maar niemand weet wie me "
            "daarna helpt.",
            "liked_by": ["kevin", "jeroen", "marloes"],
            "replies": [
                {
                    "by": "jeroen",
                    "text": "Terechte vraag. In onze regio beginnen we rond je zestiende al met "
                    "een toekomstplan, samen met jou. Vraag je begeleider ernaar, dan hoef je "
                    "niet tot je verjaardag te wachten.",
                    "liked_by": ["yara"],
                    "replies": [
                        {
                            "by": "yara",
                            "text": "Dat wist ik niet. Ik ga het bij mijn volgende afspraak "
                            "vragen.",
                        },
                    ],
                },
                {
                    "by": "kevin",
                    "text": "Wat ik vaak zie: wonen, geld en school vallen tegelijk om. Begin op "
                    "tijd met die drie, dan is de overgang een stuk minder groot.",
                    "liked_by": ["yara", "jeroen"],
                },
            ],
        },
        {
            "by": "jeroen",
            "text": "Vanuit de gemeente: ja, maar bepaal samen met de jongere wat er doorloopt. "
            "Niet iedereen wil nog hulp, wel bijna iedereen een vast aanspreekpunt.",
            "liked_by": ["fatima"],
        },
    ],
    "wat-doe-je-als-de-wachtlijst-te-lang-is": [
        {
            "by": "kevin",
            "text": "Wij bellen gezinnen op de wachtlijst elke twee weken even op. Het maakt de "
            "wachttijd niet korter, maar we horen op tijd als het slechter gaat en kunnen dan "
            "sneller schakelen.",
            "liked_by": ["fatima", "marloes"],
            "replies": [
                {
                    "by": "fatima",
                    "text": "Dat doen wij ook. In de tussentijd bieden we een paar gesprekken bij "
                    "het wijkteam aan: geen vervanging, wel zodat niemand er alleen voor staat.",
                    "liked_by": ["kevin"],
                    "replies": [
                        {
                            "by": "kevin",
                            "text": "Goed om te horen. Hoe voorkom je dat ouders die gesprekken "
                            "als dé hulp gaan zien en hun plek op de wachtlijst opgeven?",
                        },
                    ],
                },
                {
                    "by": "marloes",
                    "text": "Mooi dat jullie bellen, maar de meeste wijkteams zitten alleen maar "
                    "te vergaderen in plaats van kinderen te helpen.",
                    # One report leaves it visible; the redactie sees it in the queue.
                    "reported": {
                        "by": "fatima",
                        "reason": "hurtful",
                        "note": "Een oordeel over alle wijkteams tegelijk. Misschien mag het "
                        "blijven staan, maar kijken jullie even mee?",
                    },
                },
            ],
        },
        {
            "by": "marloes",
            "text": "Als ouder: zeg eerlijk hoe lang het gaat duren. Wij hoorden steeds 'nog een "
            "paar weken', en uiteindelijk werden het vijf maanden.",
            "liked_by": ["ans", "yara"],
        },
        {
            "by": "ans",
            "text": "Wat ons hielp tijdens het wachten: een paar gesprekken bij de "
            "praktijkondersteuner van de huisarts. Niet de oplossing, wel iets om je aan vast "
            "te houden.",
            "liked_by": ["marloes"],
        },
    ],
    "hoe-betrek-je-school-bij-de-hulp": [
        {
            "by": "fatima",
            "text": "Wij vragen ouders altijd eerst óf en hoe ze school erbij willen hebben. "
            "Meestal zeggen ze ja, als ze maar zelf bij dat gesprek zitten.",
            "liked_by": ["kevin", "marloes"],
            "replies": [
                {
                    "by": "marloes",
                    "text": "Dat laatste is zo belangrijk. Ik wil niet achteraf horen wat er "
                    "over mijn kind is gezegd.",
                    "replies": [
                        {
                            "by": "fatima",
                            "text": "Precies. En moet het toch een keer zonder ouders, dan "
                            "vertellen we ze nog dezelfde dag wat er besproken is.",
                            "liked_by": ["marloes"],
                        },
                    ],
                },
            ],
        },
        {
            "by": "yara",
            "text": "Mijn mentor was de enige op school die wist wat er thuis speelde. Dat was "
            "genoeg. Ik wilde niet dat de hele klas het merkte.",
            "liked_by": ["ans", "fatima"],
            "replies": [
                {
                    "by": "kevin",
                    "text": "Goede les voor ons: meedenken betekent niet dat iedereen alles "
                    "hoeft te weten.",
                },
            ],
        },
        {
            "by": "ans",
            "text": "Met de juf van onze pleegdochter hebben we één schrift afgesproken dat heen "
            "en weer gaat. Zo blijven school, wij en haar moeder op de hoogte, zonder "
            "eindeloos te mailen.",
            "liked_by": ["marloes"],
        },
    ],
    "wat-leerde-je-van-een-vastgelopen-casus": [
        {
            "by": "kevin",
            "text": "Dat ik te lang ben doorgegaan met dezelfde aanpak. Pas toen we met alle "
            "betrokkenen opnieuw aan tafel gingen, en het gezin zelf de agenda maakte, kwam er "
            "beweging.",
            "liked_by": ["fatima", "jeroen"],
            "replies": [
                {
                    "by": "fatima",
                    "text": "Herkenbaar. Wij vragen nu bij elke situatie die vastzit: wie hebben "
                    "we nog niet gehoord? Vaak is dat het kind zelf.",
                    "liked_by": ["kevin", "yara"],
                    "replies": [
                        {
                            "by": "yara",
                            "text": "Ja, graag. Ik zat ooit bij zo'n overleg en niemand vroeg "
                            "wat ik wilde. Daarna snapte ik ook niet waarom ik me aan het plan "
                            "moest houden.",
                        },
                    ],
                },
            ],
        },
        {
            "by": "jeroen",
            "text": "Bij de gemeente leerde ik dat regels soms de oplossing in de weg zitten. "
            "Nu is er een klein budget waarmee professionals iets kunnen regelen dat in geen "
            "enkel product past, zonder een aanvraag van weken.",
            "liked_by": ["kevin", "fatima"],
            "replies": [
                {
                    "by": "kevin",
                    "text": "Dat budget heeft bij ons al twee keer geholpen om een "
                    "uithuisplaatsing te voorkomen. Soms brengt een wasmachine of een "
                    "tweedehands bed al rust in een gezin.",
                },
            ],
        },
    ],
}

# A visitor without an account whose confirmed first reply waits for the redactie.
HELD_REPLY = {
    "dialogue": "moet-jeugdhulp-doorlopen-na-je-achttiende",
    "name": "Bas",
    "email": "bas@example.org",
    "text": "Ik ben net achttien en mijn begeleiding is gestopt. Ik woon nu op kamers en "
    "kom niet uit mijn post en rekeningen. Weet iemand waar ik in Rotterdam terecht kan?",
}

# A first word list for the redactie: replies with these words wait for an editor.
BLOCKED_WORDS = [
    ("klootzak", "Scheldwoord."),
    ("debiel", "Belediging, vaak gericht aan een persoon."),
    ("mongool", "Kwetsend voor mensen met een verstandelijke beperking."),
    ("kut", "Krachtterm; ook als los woord in een reactie."),
    ("tyfus", "Vloek met een ziekte."),
]
