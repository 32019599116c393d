"""Fixed Dutch practice examples for the relevance suite (tests/search/test_relevance.py).

Written for this suite. Each story: key → (title, intro, body, theme names). The body is one
paragraph of a few sentences. Some stories exist to compete with another one (a word in the
title of one and repeated in the body of the other; "zin" next to "gezin"); DRAFT is a draft
that would match many queries and must never be found.
"""

STORIES = {
    "gezinscoach": (
        "Een gezinscoach aan de keukentafel",
        "Marieke werkt als gezinscoach in Deventer en komt elke week bij een gezin met vier "
        "kinderen.",
        "Samen met de ouders maakt ze een weekplanning. Ze let op rust in huis en viert de "
        "kleine successen met het hele gezin.",
        ["Opvoeden"],
    ),
    "thuiszitters": (
        "Thuiszitters weer in de klas",
        "Een school en het wijkteam bedachten een zachte start voor kinderen die maanden niet "
        "naar school gingen.",
        "Eerst kwamen de leerlingen een uur per dag. Na zes weken volgden ze weer het hele "
        "rooster. Hun ouders kregen elke vrijdag een kort bericht over hoe het ging.",
        ["Onderwijs"],
    ),
    "schoolverzuim": (
        "Schoolverzuim vroeg opmerken",
        "De mentor belt al na de derde ochtend afwezigheid met thuis.",
        "Door snel te bellen blijft het contact met ouders goed en hoeft de "
        "leerplichtambtenaar minder vaak op te treden.",
        ["Onderwijs"],
    ),
    "pleeggezin_jaar": (
        "Het eerste jaar in een pleeggezin",
        "Een pleegmoeder vertelt hoe een jongen van negen bij hen kwam wonen.",
        "Jasper sprak de eerste weken nauwelijks. Pas in de zomer vertelde hij over zijn "
        "broertje. De begeleider van de pleegzorgorganisatie kwam elke maand langs.",
        ["Pleegzorg"],
    ),
    "pleegzorg_tieners": (
        "Te weinig plekken voor tieners in de pleegzorg",
        "Pleegzorgorganisaties zoeken vooral gezinnen voor jongeren vanaf twaalf jaar.",
        "Veel nieuwe pleegouders kiezen voor jonge kinderen. Een campagne laat zien hoe het is "
        "om een puber in huis op te vangen.",
        ["Pleegzorg"],
    ),
    "uithuisplaatsing": (
        "Wat een uithuisplaatsing met ouders doet",
        "Twee moeders vertellen over de dag dat hun kind ergens anders ging wonen.",
        "De kinderrechter besliste binnen een dag. Het contact met de jeugdbeschermer bepaalde "
        "voor een groot deel hoe de ouders de maanden erna doorkwamen.",
        ["Jeugdbescherming"],
    ),
    "terugplaatsing": (
        "Terug naar huis na een verblijf in een leefgroep",
        "Hoe een gezin zich voorbereidde op de thuiskomst van hun dochter.",
        "De groepsleiding en het wijkteam maakten samen een plan. De eerste weekenden thuis "
        "waren spannend, maar het lukte.",
        ["Jeugdbescherming"],
    ),
    "wijkteam": (
        "Het wijkteam schuift aan",
        "Een buurtteam in Tilburg werkt zonder wachtlijst.",
        "Ouders bellen en worden binnen een week bezocht. De medewerkers vragen eerst wat er "
        "goed gaat.",
        ["Wijkteams"],
    ),
    "opvoedhulp": (
        "Opvoedhulp aan huis bij jonge ouders",
        "Jonge ouders met een baby krijgen steun van een pedagogisch medewerker.",
        "De medewerker komt twee keer per week. Samen oefenen ze met voeden, slapen en troosten.",
        ["Opvoeden"],
    ),
    "jongerenwerk": (
        "Jongerenwerkers op het plein",
        "In de avonduren zijn de jongerenwerkers te vinden waar de jongeren zijn.",
        "Ze spelen een potje voetbal en horen zo wat er speelt. Een jongen vertelde over "
        "schulden bij een vriend; de jongerenwerker regelde een gesprek.",
        ["Jongerenwerk"],
    ),
    "weglopen": (
        "Weggelopen en teruggevonden",
        "Sem liep op zijn vijftiende van huis weg.",
        "Na drie dagen vond zijn mentor hem bij een vriend. Samen met zijn moeder zochten ze "
        "een plek waar hij tot rust kon komen.",
        ["Jongerenwerk"],
    ),
    "jggz_wachttijd": (
        "Overbruggen tijdens de wachttijd voor de jeugd-ggz",
        "Jongeren wachten soms maanden op een behandeling.",
        "Een vaste contactpersoon belt elke week. Zo voelt het wachten minder als stilstand.",
        ["GGZ"],
    ),
    "kopp": (
        "Als je vader of moeder psychische problemen heeft",
        "Kinderen van ouders met psychische klachten vinden steun bij elkaar.",
        "In een groep praten ze over schaamte en over zorgen thuis. De begeleiders komen uit "
        "de ggz voor volwassenen.",
        ["GGZ"],
    ),
    "lvb": (
        "Samenwerken met jongeren met een licht verstandelijke beperking",
        "Korte zinnen, vaste afspraken en tekeningen helpen.",
        "Een ambulant hulpverlener legt uit hoe ze haar werk aanpast. Ze controleert steeds of "
        "de jongere het begrepen heeft.",
        ["LVB"],
    ),
    "lvb_ouders": (
        "Ouders met een LVB en hun baby",
        "Een kraamverzorgende en een gezinscoach werken samen.",
        "Ze maken foto's van elke stap van het badje, zodat de moeder het later kan nalezen.",
        ["LVB"],
    ),
    "respijtzorg": (
        "Wat een weekend respijtzorg betekent voor ouders die dag en nacht voor hun zoon met "
        "een ernstige meervoudige beperking zorgen",
        "Eens per maand logeert hun zoon een weekend elders.",
        "De ouders slapen uit en hebben tijd voor de andere kinderen.",
        ["Mantelzorg"],
    ),
    "brussen": (
        "Broers en zussen van een kind met een beperking",
        "Brussen voelen zich vaak vergeten.",
        "Op een brussendag praten ze over logeerhuizen en vakanties. Respijtzorg geeft ouders "
        "lucht, maar brussen willen ook eens iets alleen met hun ouders doen. Respijtzorg is er "
        "voor het hele gezin, zeggen ze: vraag ook ons wat respijtzorg voor ons betekent.",
        ["Mantelzorg"],
    ),
    "jonge_mantelzorgers": (
        "Jonge mantelzorgers worden vaak niet gezien",
        "Een op de vijf scholieren zorgt thuis voor een ziek gezinslid.",
        "Op school weet vaak niemand ervan. Een docent begon een lunchgroep waar ze elkaar "
        "ontmoeten.",
        ["Mantelzorg"],
    ),
    "vechtscheiding": (
        "Kinderen klem in een vechtscheiding",
        "Als ouders blijven strijden, raken kinderen klem.",
        "Een mediator en een kindbehartiger geven het kind een eigen stem. De ouders leren weer "
        "over de kinderen te praten in plaats van over elkaar.",
        ["Scheiding"],
    ),
    "scheiding_school": (
        "Twee huizen, één school",
        "Hoe een basisschool omgaat met kinderen van gescheiden ouders.",
        "Beide ouders krijgen dezelfde nieuwsbrief en komen samen naar het tienminutengesprek.",
        ["Scheiding"],
    ),
    "armoede": (
        "Opgroeien in armoede",
        "In de klas van juf Fatima heeft een kwart van de kinderen thuis te weinig geld.",
        "De school regelt ontbijt en een kledingruil. Ouders schamen zich vaak; de juf vraagt "
        "daarom nooit voor de hele klas wie iets nodig heeft.",
        ["Armoede"],
    ),
    "schulden": (
        "Gezinnen met schulden: één loket",
        "Een gemeente bracht schuldhulp en opvoedondersteuning samen.",
        "Gezinnen met geldzorgen doen nu maar één keer hun verhaal. De financiële rust geeft "
        "ruimte voor de kinderen.",
        ["Armoede"],
    ),
    "veilig_thuis": (
        "Een melding bij Veilig Thuis",
        "Een leerkracht twijfelde lang of ze moest melden.",
        "Ze had een vermoeden van kindermishandeling. Het advies van Veilig Thuis hielp haar om "
        "het gesprek met de ouders aan te gaan.",
        ["Veiligheid"],
    ),
    "huiselijk_geweld": (
        "Huiselijk geweld zien als jeugdprofessional",
        "Signalen zijn vaak klein: een kind dat niet naar huis wil.",
        "In een training oefenen wijkteammedewerkers met lastige gesprekken. Ze leren vragen "
        "stellen zonder te beschuldigen.",
        ["Veiligheid"],
    ),
    "meldcode": (
        "De meldcode in vijf stappen",
        "Een praktische uitleg voor scholen en kinderopvang.",
        "Stap één is signalen in kaart brengen. Daarna volgen collegiaal overleg, een gesprek "
        "met de ouders, de weging en het besluit.",
        ["Veiligheid"],
    ),
    "consultatiebureau": (
        "Het consultatiebureau als vindplaats",
        "Jeugdverpleegkundigen zien bijna elk gezin in de eerste levensjaren.",
        "Ze merken vroeg wanneer ouders vastlopen en verwijzen naar het wijkteam.",
        ["Gezondheid"],
    ),
    "poh_jeugd": (
        "Een praktijkondersteuner jeugd bij de huisarts",
        "Kinderen met lichte psychische klachten worden sneller geholpen.",
        "Sinds de huisarts een eigen ondersteuner heeft, verwijst hij minder vaak naar "
        "specialistische zorg.",
        ["GGZ"],
    ),
    "adhd": (
        "Leven met ADHD in de brugklas",
        "Milan vertelt hoe hij met een planning leerde werken.",
        "Een coach op school hielp hem met een weekoverzicht. Zijn cijfers gingen omhoog.",
        ["Onderwijs"],
    ),
    "autisme": (
        "Autisme en vriendschap",
        "Twee tieners met autisme over contact met leeftijdgenoten.",
        "Ze spreken af in een spelcafé waar de regels duidelijk zijn.",
        [],
    ),
    "gezinshuis": (
        "Wonen in een gezinshuis",
        "Drie kinderen groeien op bij gezinshuisouders Kees en Anouk.",
        "Het gezinshuis is een gewoon huis in een gewone straat. De kinderen gaan naar school "
        "in het dorp.",
        ["Jeugdbescherming"],
    ),
    "zin_in_school": (
        "Zin in school na de zomervakantie",
        "Een mentor over het begin van het schooljaar.",
        "Hij begint met een kennismakingsspel en vraagt wat de leerlingen nodig hebben.",
        ["Onderwijs"],
    ),
    "zomerkamp": (
        "Zon, zee en een zomerkamp",
        "Jongerenwerkers gaan een week met twintig tieners naar het strand.",
        "Voor veel deelnemers is het de eerste vakantie. Ze koken samen en slapen in tenten.",
        ["Jongerenwerk"],
    ),
    "gezondheid": (
        "Gezondheid begint in de wijk",
        "Een jeugdarts en een buurtsportcoach werken aan gezond gewicht.",
        "Ze organiseren een kookles voor ouders en een wekelijks sportuur voor kinderen.",
        ["Gezondheid"],
    ),
    "ots": (
        "Een ondertoezichtstelling van binnenuit",
        "Een gezinsvoogd vertelt over haar eerste jaar bij een gecertificeerde instelling.",
        "Ze begeleidt acht gezinnen. Het lastigste vindt ze beslissen wanneer het thuis niet "
        "meer veilig is.",
        ["Jeugdbescherming"],
    ),
    "achttien": (
        "Achttien worden zonder vangnet",
        "Jongeren uit de jeugdzorg staan op hun achttiende ineens alleen.",
        "Een woonbegeleider helpt met huur, zorgverzekering en post. Sommige gemeenten "
        "verlengen de steun tot hun eenentwintigste.",
        ["Jongvolwassenen"],
    ),
    "taal_peuters": (
        "Peuters met een taalachterstand",
        "Pedagogisch medewerkers lezen elke dag voor in kleine groepjes.",
        "Na een jaar kennen de peuters veel meer woorden. Ouders lenen de boekjes mee naar huis.",
        ["Onderwijs"],
    ),
    "eenzaamheid": (
        "Sporten tegen eenzaamheid",
        "Een buurtsportcoach haalt jongeren van de bank.",
        "Elke woensdag is er een trainingsavond in de gymzaal. Wie komt, krijgt een vaste maat.",
        ["Jongerenwerk"],
    ),
    "nieuwkomers": (
        "Nieuwkomers op weg naar jeugdhulp",
        "Gezinnen die net in Nederland zijn, kennen het zorgstelsel nog niet.",
        "Een sleutelfiguur uit de eigen gemeenschap vertaalt niet alleen de taal maar ook de "
        "verwachtingen.",
        [],
    ),
    "verslaving": (
        "Als papa of mama te veel drinkt",
        "Een kinderwerker legt kinderen uit wat er met hun ouder aan de hand is.",
        "Met een prentenboek praten ze over drank en drugs. De kinderen horen dat het niet hun "
        "schuld is.",
        ["Veiligheid"],
    ),
    "crisisdienst": (
        "Een nacht met het crisisteam",
        "Meelopen met het crisisteam jeugd van de regio.",
        "Om drie uur belde een vader. Het team ging meteen op pad en bleef tot de ochtend.",
        ["GGZ"],
    ),
    "puberteit": (
        "Opvoeding in de puberteit",
        "Een oudercursus over grenzen stellen bij tieners.",
        "Ouders oefenen met rollenspellen. Wat werkt: rustig blijven en het gesprek later "
        "opnieuw beginnen.",
        ["Opvoeden"],
    ),
    "coordinatie": (
        "Coördinatie rond één gezin",
        "Eén plan en één regisseur voor gezinnen met veel hulpverleners.",
        "De regisseur houdt het overzicht en zorgt dat niemand zijn verhaal drie keer hoeft te "
        "vertellen.",
        ["Wijkteams"],
    ),
}

# A draft about nearly everything: the public search must never show it.
DRAFT = (
    "Concept: pleegzorg, wijkteam, ggz, schoolverzuim en respijtzorg",
    "Nog niet gepubliceerd: gezinscoach, armoede, scheiding en Veilig Thuis.",
    "Dit concept noemt thuiszitters, jongerenwerkers, mantelzorgers en uithuisplaatsingen.",
    [],
)
