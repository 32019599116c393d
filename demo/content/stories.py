"""Original demo stories for every type, grounded in the facts of the seed texts."""

ARTICLES = [
    {
        "slug": "keukentafelgesprek-in-de-wijk",
        "title": "Het keukentafelgesprek dat een uithuisplaatsing voorkwam",
        "intro": "Een wijkteam in Amsterdam-Amstelland ging niet met een plan naar een gezin, maar met "
        "een vraag: wat hebben jullie nodig om samen thuis te blijven?",
        "body": [
            "Toen de school voor de derde keer belde over Daan, lag een melding voor de hand. Het "
            "wijkteam koos iets anders: een gesprek bij het gezin thuis, met moeder, oma en de "
            "mentor van school aan tafel.",
            "Wat bleek? Moeder had schulden en sliep slecht, en niemand had dat gevraagd. Met hulp "
            "bij de schulden en een vaste contactpersoon kwam er rust. Daan woont nog steeds thuis.",
            "Het team leerde dat de eerste vraag het verschil maakt. Ze beginnen nu elk gesprek met "
            "wat het gezin zelf belangrijk vindt, en pas daarna met wat de hulpverlening ziet.",
        ],
        "themes": ["Uithuisplaatsing voorkomen", "Wijkteams", "Ouders ondersteunen"],
        "change_tasks": ["wijkgericht-werken"],
        "regions": ["Amsterdam-Amstelland"],
        "audiences": ["Professionals", "Gemeenten"],
        "tags": ["keukentafel", "schulden", "school"],
        "practice": {
            "aim": "Kinderen zo thuis mogelijk laten opgroeien, met veiligheid als ondergrens.",
            "target_group": "Gezinnen met meerdere problemen tegelijk, zoals schulden en zorgen op school.",
            "approach": "Een gesprek bij het gezin thuis met iedereen die ertoe doet, gevolgd door "
            "één vaste contactpersoon die de hulp bij elkaar houdt.",
            "success_factors": "Beginnen bij de vraag van het gezin; school en schuldhulp aan dezelfde tafel.",
            "results": "In het eerste jaar bleven elf van de veertien gezinnen bij elkaar wonen.",
            "contact": "Wijkteam Oost, via de redactie",
            "evidence_level": "goed_beschreven",
        },
        "days_ago": 3,
    },
    {
        "slug": "pleegouders-en-ouders-samen",
        "title": "Pleegouders en ouders aan één kant van de tafel",
        "intro": "In Twente leren pleegouders en ouders elkaar kennen voordat een kind verhuist. Het "
        "maakt de overgang minder groot, voor iedereen.",
        "body": [
            "Een kennismaking op neutraal terrein, een foto-album dat meegaat en afspraken over "
            "bellen: het lijken kleine dingen. Voor een kind van zeven maken ze het verschil tussen "
            "weggehaald worden en ergens welkom zijn.",
            "Pleegzorgwerkers vertellen dat ouders minder vaak in verzet gaan als ze de pleegouders "
            "kennen. En pleegouders begrijpen beter waarom een kind na een bezoek van slag is.",
        ],
        "themes": ["Pleegzorg"],
        "change_tasks": ["lerend-jeugdstelsel"],
        "regions": ["Twente"],
        "audiences": ["Ouders", "Professionals"],
        "tags": ["pleeggezin", "kennismaking"],
        "practice": {
            "aim": "Een zachtere overgang naar het pleeggezin en een betere band tussen beide gezinnen.",
            "approach": "Een begeleide kennismaking vóór de plaatsing en vaste belafspraken daarna.",
            "results": "Minder afgebroken plaatsingen in de eerste zes maanden.",
            "evidence_level": "praktijkervaring",
        },
        "days_ago": 10,
    },
    {
        "slug": "jongeren-beoordelen-de-hulp",
        "title": "Jongeren beoordelen zelf de hulp die ze kregen",
        "intro": "Ervaringsdeskundige jongeren schreven op wat goede jeugdhulp voor hen is. Nu "
        "gebruiken teams die principes om hun eigen werk te toetsen.",
        "body": [
            "'Praat met mij, niet over mij.' Het is een van de principes die jongeren en opvoeders "
            "samen formuleerden. Teams nemen ze mee in hun overleg: hebben we dat deze week gedaan?",
            "Jongeren zitten zelf bij de evaluatie. Dat is soms confronterend, zeggen professionals, "
            "maar het levert de eerlijkste feedback op die ze ooit kregen.",
        ],
        "themes": ["Jongeren aan het woord", "Vakmanschap"],
        "change_tasks": ["lerend-jeugdstelsel"],
        "regions": ["Amsterdam-Amstelland", "Zaanstreek-Waterland"],
        "audiences": ["Jongeren", "Professionals"],
        "tags": ["ervaringsdeskundigheid", "principes"],
        "practice": {},
        "days_ago": 18,
    },
    {
        "slug": "samen-inkopen-met-het-kind-voorop",
        "title": "Samen inkopen, met het kind voorop",
        "intro": "Veertien gemeenten en hun aanbieders spraken af dat een contract pas goed is als "
        "een gezin er iets van merkt. Een verslag van een jaar onderhandelen.",
        "body": [
            "Inkoop klinkt als spreadsheets. In Hart van Brabant begon het met verhalen van gezinnen "
            "die van loket naar loket gingen. Die verhalen lagen op tafel bij elk overleg.",
            "De nieuwe afspraken belonen aanbieders die samenwerken in plaats van elkaar beconcurreren, "
            "en ruimte geven aan maatwerk.",
        ],
        "themes": ["Samenwerking in de regio"],
        "change_tasks": ["opdrachtgeverschap"],
        "regions": ["Hart van Brabant"],
        "audiences": ["Gemeenten", "Zorgaanbieders"],
        "tags": ["inkoop", "contracten"],
        "practice": {
            "aim": "Afspraken tussen gemeenten en aanbieders die over resultaat voor gezinnen gaan.",
            "approach": "Casusgesprekken als vast onderdeel van de inkooptafel.",
            "success_factors": "Bestuurders die zelf aanschoven en gezinnen die hun verhaal mochten doen.",
            "evidence_level": "goed_beschreven",
        },
        "days_ago": 30,
    },
    {
        "slug": "school-en-jeugdhulp-onder-een-dak",
        "title": "School en jeugdhulp onder één dak",
        "intro": "Een jeugdhulpverlener die gewoon in de school zit: leerkrachten hoeven niet meer te "
        "verwijzen, ze lopen even binnen.",
        "body": [
            "Op een basisschool in Zuid-Limburg heeft de jeugdhulp een eigen kamer naast de "
            "teamkamer. Een vraag over een leerling is zo gesteld, en ouders komen makkelijker binnen.",
            "Het aantal verwijzingen naar specialistische hulp daalde, vooral omdat problemen eerder "
            "op tafel kwamen.",
        ],
        "themes": ["Onderwijs en zorg", "Wijkteams"],
        "change_tasks": ["wijkgericht-werken"],
        "regions": ["Zuid-Limburg"],
        "audiences": ["Professionals", "Ouders"],
        "tags": ["basisschool", "vroegsignalering"],
        "practice": {
            "aim": "Problemen eerder zien en dichtbij oplossen.",
            "target_group": "Leerlingen van de basisschool en hun ouders.",
            "approach": "Een vaste jeugdhulpverlener met spreekuur in de school.",
            "results": "Minder verwijzingen naar specialistische jeugdhulp na twee schooljaren.",
            "contact": "Basisschool De Horizon, via de redactie",
            "evidence_level": "goed_onderbouwd",
        },
        "days_ago": 45,
    },
    {
        "slug": "achttien-en-dan",
        "title": "Achttien, en dan? Hulp die niet stopt op je verjaardag",
        "intro": "Voor veel jongeren betekent achttien worden dat hun hulp stopt. In Rijnmond "
        "begint het gesprek over daarna al op je zestiende.",
        "body": [
            "Wonen, geld, school, een netwerk: het moet allemaal geregeld zijn op de dag dat de "
            "jeugdhulp eindigt. Te vaak is dat niet zo.",
            "Een vast toekomstplan, gemaakt met de jongere, zorgt dat volwassenenzorg, gemeente en "
            "jeugdhulp op tijd aansluiten. Jongeren kiezen zelf wie hen helpt dat plan uit te voeren.",
        ],
        "themes": ["Van 18- naar 18+", "Jongeren aan het woord"],
        "change_tasks": ["complexe-casuistiek"],
        "regions": ["Rijnmond"],
        "audiences": ["Jongeren", "Gemeenten"],
        "tags": ["toekomstplan", "zelfstandig wonen"],
        "practice": {},
        "days_ago": 60,
    },
]

VLOGS = [
    {
        "slug": "een-dag-met-een-gezinscoach",
        "title": "Een dag met een gezinscoach",
        "intro": "Van het ontbijt bij een gezin tot het overleg met school: een gezinscoach laat zien "
        "hoe haar werkdag eruitziet.",
        "transcript": "Ik begin vandaag om half acht bij een gezin met drie kinderen. Moeder wilde "
        "graag dat ik zag hoe de ochtend loopt. Daarna ga ik naar school voor een overleg.",
        "themes": ["Wijkteams", "Vakmanschap"],
        "change_tasks": ["wijkgericht-werken"],
        "regions": ["Utrecht Stad"],
        "audiences": ["Professionals"],
        "tags": ["gezinscoach"],
        "days_ago": 5,
    },
    {
        "slug": "mijn-pleegbroer-en-ik",
        "title": "Mijn pleegbroer en ik",
        "intro": "Lotte (15) vertelt hoe het is om een pleegbroer te krijgen, en wat ze andere "
        "kinderen in een pleeggezin wil meegeven.",
        "transcript": "Toen Sem bij ons kwam wonen was ik tien. In het begin was het vreemd om mijn "
        "kamer en mijn ouders te delen. Nu is hij gewoon mijn broer.",
        "themes": ["Pleegzorg", "Jongeren aan het woord"],
        "change_tasks": [],
        "regions": ["Friesland"],
        "audiences": ["Jongeren", "Ouders"],
        "tags": ["pleeggezin", "eigen kinderen"],
        "days_ago": 14,
    },
    {
        "slug": "wachtlijst-jeugd-ggz-overbruggen",
        "title": "Zo overbrug je de wachttijd voor jeugd-GGZ",
        "intro": "Een praktijkondersteuner bij de huisarts laat zien wat ze doet voor jongeren die "
        "op een wachtlijst staan.",
        "transcript": "Wachten is het ergste, zeggen jongeren. Daarom zien we ze elke twee weken, "
        "ook als de behandeling nog niet begonnen is.",
        "themes": ["Jeugd-GGZ"],
        "change_tasks": ["lerend-jeugdstelsel"],
        "regions": ["Zuidoost-Brabant"],
        "audiences": ["Professionals", "Jongeren"],
        "tags": ["wachtlijst", "huisarts"],
        "days_ago": 21,
    },
    {
        "slug": "veiligheidsplan-met-het-hele-netwerk",
        "title": "Een veiligheidsplan met het hele netwerk",
        "intro": "Buren, opa, de voetbaltrainer: in deze vlog maakt een gezin samen met hun netwerk "
        "een plan om het thuis veilig te houden.",
        "transcript": "We zaten met twaalf mensen in de woonkamer. Iedereen kreeg een taak. Opa "
        "haalt de kinderen op woensdag, de buurvrouw is er als het 's avonds misgaat.",
        "themes": ["Veilig opgroeien", "Uithuisplaatsing voorkomen"],
        "change_tasks": ["complexe-casuistiek"],
        "regions": ["Haaglanden"],
        "audiences": ["Ouders", "Professionals"],
        "tags": ["netwerk", "veiligheid"],
        "days_ago": 35,
    },
    {
        "slug": "gemeente-luistert-mee",
        "title": "De gemeente luistert mee",
        "intro": "Een beleidsmedewerker loopt een week mee met een jeugdhulpverlener. Wat neemt ze "
        "mee terug naar het stadhuis?",
        "transcript": "Ik dacht dat ik wist hoe het werkt. Na een week meelopen weet ik vooral "
        "hoeveel tijd er naar formulieren gaat.",
        "themes": ["Samenwerking in de regio"],
        "change_tasks": ["opdrachtgeverschap"],
        "regions": ["Noord-Holland Noord"],
        "audiences": ["Gemeenten"],
        "tags": ["meelopen", "regeldruk"],
        "days_ago": 50,
    },
    {
        "slug": "ouders-na-de-scheiding",
        "title": "Samen ouder blijven na de scheiding",
        "intro": "Twee ouders vertellen hoe ze, met hulp, weer met elkaar konden praten over hun "
        "dochter.",
        "transcript": "We communiceerden alleen nog via advocaten. Het ouderschapsplan hebben we "
        "uiteindelijk aan de keukentafel gemaakt, met een mediator erbij.",
        "themes": ["Scheiding", "Ouders ondersteunen"],
        "change_tasks": ["complexe-casuistiek"],
        "regions": ["Rijk van Nijmegen"],
        "audiences": ["Ouders"],
        "tags": ["ouderschapsplan", "mediation"],
        "days_ago": 75,
    },
]

PODCASTS = [
    {
        "slug": "aflevering-1-wat-werkt-in-de-wijk",
        "title": "Wat werkt in de wijk?",
        "intro": "In de eerste aflevering praten een wijkteamleider en een moeder over hulp die "
        "dichtbij huis begint.",
        "show_notes": "<p>Met een teamleider van een wijkteam en een moeder van drie kinderen. "
        "Over vertrouwen, wachttijden en de vraag wie er eigenlijk regie heeft.</p>",
        "transcript": "Welkom bij de podcast van Hart voor de Jeugd. Vandaag aan tafel: een "
        "teamleider en een moeder die allebei weten hoe het is om op elkaar te wachten.",
        "episode": 1,
        "themes": ["Wijkteams"],
        "change_tasks": ["wijkgericht-werken"],
        "regions": ["Groningen"],
        "audiences": ["Ouders", "Professionals"],
        "tags": ["regie"],
        "days_ago": 7,
    },
    {
        "slug": "aflevering-2-leren-van-complexe-casuistiek",
        "title": "Leren van vastgelopen hulp",
        "intro": "Wat gebeurt er als niemand meer weet wat een gezin verder helpt? Een gezinsvoogd "
        "over escalerende casuïstiek en leren achteraf.",
        "show_notes": "<p>Over bemiddelen, doorbreken en het moment dat je als professional "
        "om hulp moet durven vragen.</p>",
        "transcript": "Het ergste is als iedereen naar elkaar kijkt. Wij gaan dan met alle partijen "
        "om tafel en vragen: wat heeft dit kind vandaag nodig?",
        "episode": 2,
        "themes": ["Vakmanschap"],
        "change_tasks": ["complexe-casuistiek"],
        "regions": ["Drenthe"],
        "audiences": ["Professionals"],
        "tags": ["escalatie"],
        "days_ago": 21,
    },
    {
        "slug": "aflevering-3-stem-van-jongeren",
        "title": "De stem van jongeren",
        "intro": "Drie jongeren vertellen wat ze hulpverleners zouden willen zeggen, als ze het "
        "voor het zeggen hadden.",
        "show_notes": "<p>Drie ervaringsdeskundige jongeren over luisteren, eerlijkheid en "
        "de hulp die ze zelf hadden willen krijgen.</p>",
        "transcript": "Vraag gewoon wat ik wil. Niet in een formulier, maar als gesprek.",
        "episode": 3,
        "themes": ["Jongeren aan het woord"],
        "change_tasks": ["lerend-jeugdstelsel"],
        "regions": ["Utrecht Stad"],
        "audiences": ["Jongeren", "Professionals"],
        "tags": ["luisteren"],
        "days_ago": 35,
    },
    {
        "slug": "aflevering-4-pleegzorg-van-twee-kanten",
        "title": "Pleegzorg van twee kanten",
        "intro": "Een pleegmoeder en een moeder van wie de zoon in een pleeggezin woont, in gesprek "
        "met elkaar.",
        "show_notes": "<p>Over loslaten, vasthouden en samen ouder zijn.</p>",
        "transcript": "Ik was bang dat hij haar mama zou gaan noemen. Dat gebeurde niet. Hij "
        "noemt haar gewoon bij haar naam.",
        "episode": 4,
        "themes": ["Pleegzorg", "Ouders ondersteunen"],
        "change_tasks": [],
        "regions": ["Flevoland"],
        "audiences": ["Ouders"],
        "tags": ["pleegouders"],
        "days_ago": 49,
    },
    {
        "slug": "aflevering-5-de-inkooptafel",
        "title": "Aan de inkooptafel",
        "intro": "Een inkoper van een gemeente en een bestuurder van een aanbieder over "
        "vertrouwen, contracten en het kind dat erachter zit.",
        "show_notes": "<p>Over professioneel opdrachtgeverschap en waarom een goed contract "
        "ruimte laat.</p>",
        "transcript": "Een contract is geen doel. Het is een afspraak over hoe we samen een kind "
        "helpen.",
        "episode": 5,
        "themes": ["Samenwerking in de regio"],
        "change_tasks": ["opdrachtgeverschap"],
        "regions": ["Haaglanden"],
        "audiences": ["Gemeenten", "Zorgaanbieders"],
        "tags": ["inkoop"],
        "days_ago": 63,
    },
    {
        "slug": "aflevering-6-blijven-in-het-vak",
        "title": "Waarom ik in de jeugdzorg blijf",
        "intro": "Het werk is zwaar en veel professionals vertrekken. Twee jeugdzorgwerkers "
        "vertellen waarom zij blijven.",
        "show_notes": "<p>Over intervisie, een team dat je draagt en de kleine successen.</p>",
        "transcript": "Het is de moeder die na een jaar zegt: jij was de eerste die echt luisterde. "
        "Daarvoor blijf ik.",
        "episode": 6,
        "themes": ["Vakmanschap"],
        "change_tasks": ["lerend-jeugdstelsel"],
        "regions": ["Kennemerland"],
        "audiences": ["Professionals"],
        "tags": ["werkplezier", "arbeidsmarkt"],
        "days_ago": 80,
    },
]

# Webinars: days_from_now > 0 is upcoming, < 0 is in the past.
WEBINARS = [
    {
        "slug": "webinar-lerend-jeugdstelsel-in-de-praktijk",
        "title": "Een lerend jeugdstelsel in de praktijk",
        "intro": "Hoe richt je een ontwikkelcirkel in met gemeenten, aanbieders en cliënten? "
        "Drie regio's delen hun ervaringen.",
        "description": "<p>In een uur hoor je van drie regio's hoe zij collectief leren van hun "
        "transformatieplannen, en wat het ze heeft opgeleverd.</p>",
        "speakers": "Marieke de Boer, Joost Hendriks",
        "days_from_now": 9,
        "themes": ["Samenwerking in de regio"],
        "change_tasks": ["lerend-jeugdstelsel"],
        "regions": ["Twente"],
        "audiences": ["Gemeenten", "Professionals"],
        "tags": ["ontwikkelcirkel"],
    },
    {
        "slug": "webinar-wijkteam-en-school",
        "title": "Wijkteam en school: zo werk je samen",
        "intro": "Praktische tips voor wijkteams en scholen die elkaar eerder willen vinden.",
        "description": "<p>Met voorbeelden uit het basis- en voortgezet onderwijs.</p>",
        "speakers": "Ineke Smit",
        "days_from_now": 23,
        "capacity": 3,
        "themes": ["Onderwijs en zorg", "Wijkteams"],
        "change_tasks": ["wijkgericht-werken"],
        "regions": ["Zuid-Limburg"],
        "audiences": ["Professionals"],
        "tags": ["school"],
    },
    {
        "slug": "webinar-jongeren-aan-tafel",
        "title": "Jongeren aan tafel bij beleid en uitvoering",
        "intro": "Hoe laat je jongeren echt meebeslissen? Met jongeren die het al doen.",
        "description": "<p>Een webinar gemaakt door en met jongeren.</p>",
        "speakers": "Jongerenpanel Rijnmond",
        "days_from_now": 40,
        "themes": ["Jongeren aan het woord"],
        "change_tasks": ["lerend-jeugdstelsel"],
        "regions": ["Rijnmond"],
        "audiences": ["Jongeren", "Gemeenten"],
        "tags": ["participatie"],
    },
    {
        "slug": "webinar-complexe-scheidingen",
        "title": "Kinderen in complexe scheidingen",
        "intro": "Wat helpt kinderen als hun ouders niet meer met elkaar praten?",
        "description": "<p>Over de aanpak van een regio die ouders, rechtbank en jeugdhulp aan "
        "één tafel brengt.</p>",
        "speakers": "Ruben Veldkamp",
        "days_from_now": -12,
        "themes": ["Scheiding"],
        "change_tasks": ["complexe-casuistiek"],
        "regions": ["Utrecht West"],
        "audiences": ["Professionals", "Ouders"],
        "tags": ["scheiding"],
    },
    {
        "slug": "webinar-inkoop-met-resultaat",
        "title": "Inkopen op resultaat voor gezinnen",
        "intro": "Hoe meet je of een contract gezinnen helpt? Gemeenten en aanbieders delen "
        "hun eerste lessen.",
        "description": "<p>Voor inkopers, contractmanagers en bestuurders.</p>",
        "speakers": "Ahmed El Idrissi",
        "days_from_now": -30,
        "themes": ["Samenwerking in de regio"],
        "change_tasks": ["opdrachtgeverschap"],
        "regions": ["Hart van Brabant"],
        "audiences": ["Gemeenten", "Zorgaanbieders"],
        "tags": ["inkoop"],
    },
    {
        "slug": "webinar-veilig-thuis-samenwerken",
        "title": "Sneller veiligheid voor kinderen",
        "intro": "Een nieuwe werkwijze die de te lange keten vervangt: ervaringen na een jaar.",
        "description": "<p>Over snel signaleren en duurzaam veiligheid realiseren in gezinnen.</p>",
        "speakers": "Sanne Mulder",
        "days_from_now": -55,
        "themes": ["Veilig opgroeien"],
        "change_tasks": ["complexe-casuistiek"],
        "regions": ["Amsterdam-Amstelland"],
        "audiences": ["Professionals", "Gemeenten"],
        "tags": ["veiligheid"],
    },
]

# Seats already taken: the webinar with three seats is full, so visitors join the waiting list.
WEBINAR_REGISTRATIONS = {
    "webinar-wijkteam-en-school": [
        ("Noor Visser", "noor.visser@example.org", "Basisschool De Regenboog"),
        ("Kees Bakker", "kees.bakker@example.org", "Wijkteam Heerlen-Noord"),
        ("Yara Haddou", "yara.haddou@example.org", ""),
    ],
}

DIALOGUES = [
    {
        "slug": "wat-heb-jij-nodig-van-een-wijkteam",
        "title": "Wat heb jij nodig van een wijkteam?",
        "intro": "Ouders en jongeren: wat maakt dat je een wijkteam vertrouwt? En wat juist niet?",
        "explanation": "<p>We zijn benieuwd naar jullie ervaringen, goed en slecht.</p>",
        "themes": ["Wijkteams"],
        "regions": [],
        "audiences": ["Ouders", "Jongeren"],
        "days_ago": 2,
    },
    {
        "slug": "hoe-houd-je-contact-met-je-kind-in-een-pleeggezin",
        "title": "Hoe houd je contact met je kind in een pleeggezin?",
        "intro": "Ouders van kinderen in een pleeggezin: wat helpt jullie om de band goed te houden?",
        "explanation": "<p>Deel je tips, ook kleine.</p>",
        "themes": ["Pleegzorg"],
        "regions": [],
        "audiences": ["Ouders"],
        "days_ago": 6,
    },
    {
        "slug": "moet-jeugdhulp-doorlopen-na-je-achttiende",
        "title": "Moet jeugdhulp doorlopen na je achttiende?",
        "intro": "Stelling: hulp mag niet stoppen op een verjaardag. Eens of oneens?",
        "explanation": "<p>Vertel waarom, en wat er in jouw regio al geregeld is.</p>",
        "themes": ["Van 18- naar 18+"],
        "regions": ["Rijnmond"],
        "audiences": ["Jongeren", "Gemeenten"],
        "days_ago": 12,
    },
    {
        "slug": "wat-doe-je-als-de-wachtlijst-te-lang-is",
        "title": "Wat doe je als de wachtlijst te lang is?",
        "intro": "Professionals: hoe overbruggen jullie de wachttijd voor jeugd-GGZ?",
        "explanation": "<p>Welke tussenoplossingen werken bij jullie?</p>",
        "themes": ["Jeugd-GGZ"],
        "regions": [],
        "audiences": ["Professionals"],
        "days_ago": 20,
    },
    {
        "slug": "hoe-betrek-je-school-bij-de-hulp",
        "title": "Hoe betrek je school bij de hulp aan een gezin?",
        "intro": "School ziet een kind elke dag. Hoe zorg je dat school meedenkt zonder dat "
        "ouders het gevoel krijgen dat er over hen gepraat wordt?",
        "explanation": "<p>Ervaringen van ouders, leerkrachten en hulpverleners zijn welkom.</p>",
        "themes": ["Onderwijs en zorg"],
        "regions": [],
        "audiences": ["Ouders", "Professionals"],
        "days_ago": 33,
    },
    {
        "slug": "wat-leerde-je-van-een-vastgelopen-casus",
        "title": "Wat leerde je van een vastgelopen casus?",
        "intro": "Iedereen kent de situatie waarin niets meer lijkt te werken. Wat heb jij ervan "
        "geleerd?",
        "explanation": "<p>Deel het zonder namen of herkenbare details van het gezin.</p>",
        "themes": ["Vakmanschap"],
        "regions": [],
        "audiences": ["Professionals"],
        "days_ago": 44,
    },
]
