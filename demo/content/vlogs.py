"""Demo vlogs: short videos by parents, young people and professionals, with transcripts."""

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
