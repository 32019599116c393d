"""Demo articles: practice stories from wijkteams, pleegzorg, school and gemeenten."""

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
