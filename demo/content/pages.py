"""The fixed content pages linked from the footer."""

CONTENT_PAGES = [
    {
        "slug": "over-ons",
        "title": "Over ons",
        "intro": "Hart voor de Jeugd verbindt iedereen die wil dat kinderen en jongeren in "
        "Nederland beter geholpen worden.",
        "sections": [
            (
                "Waarom dit platform",
                [
                    "Verandering in de jeugdhulp begint in de lokale praktijk, niet achter een "
                    "bureau. Hier delen ouders, jongeren, professionals, gemeenten en onderzoekers "
                    "wat werkt, en gaan ze daarover met elkaar in gesprek.",
                    "Het platform is een initiatief van het Ondersteuningsteam Zorg voor de Jeugd "
                    "(OZJ), dat een lerend jeugdstelsel helpt opbouwen samen met lokale, regionale "
                    "en landelijke partners.",
                ],
            ),
            (
                "Vier veranderopgaven",
                [
                    "Het OZJ werkt aan vier veranderopgaven: een lerend jeugdstelsel ontwikkelen, "
                    "opdrachtgever- en opdrachtnemerschap professionaliseren, wijkgericht werken "
                    "verbeteren met de leefwereld als vertrekpunt, en complexe casuïstiek oppakken "
                    "en ervan leren. Elk verhaal hier kan aan een of meer van die opgaven bijdragen.",
                ],
            ),
            (
                "Iedereen kan meedoen",
                [
                    "Een centrale redactie kijkt elke bijdrage na voordat die online komt. Verder "
                    "is het platform van iedereen die ideeën heeft over betere zorg voor de jeugd. "
                    "Mail de redactie via info@hartvoordejeugd.online.",
                ],
            ),
        ],
    },
    {
        "slug": "spelregels",
        "title": "Spelregels",
        "intro": "Zo houden we Hart voor de Jeugd een veilige en nuttige plek voor iedereen.",
        "sections": [
            (
                "Waar het hier over gaat",
                [
                    "Dit platform is er voor de dialoog over de praktijk: wat werkte, wat niet, en "
                    "wat je ervan leerde. Het is nadrukkelijk geen platform over beleid, "
                    "opleidingen, protocollen of afspraken tussen organisaties. Daarvoor bestaan "
                    "andere websites.",
                ],
            ),
            (
                "Bescherm kinderen en gezinnen",
                [
                    "Noem geen namen, adressen, scholen of andere details waaraan een kind of gezin "
                    "te herkennen is. Wie herkenbaar in beeld of geluid komt, heeft daar toestemming "
                    "voor gegeven.",
                ],
            ),
            (
                "Respect",
                [
                    "Reageer op de inhoud, niet op de persoon. Geen scheldwoorden, discriminatie of "
                    "reclame. De redactie mag bijdragen en reacties weigeren of verwijderen, en "
                    "vertelt je waarom.",
                ],
            ),
            (
                "Zorgen over een kind?",
                [
                    "Dit platform is geen meldpunt. Maak je je zorgen over de veiligheid van een "
                    "kind, bel dan Veilig Thuis (0800-2000) of, in een noodsituatie, 112.",
                ],
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "intro": "Wat we van je bewaren, waarom, en wat je zelf kunt regelen.",
        "sections": [
            (
                "Wat we bewaren",
                [
                    "Van bezoekers bewaren we niets. We plaatsen geen tracking-cookies en laden "
                    "niets van andere partijen totdat je daar zelf om vraagt, bijvoorbeeld door op "
                    "een video van YouTube te klikken.",
                    "Van leden bewaren we je e-mailadres, weergavenaam, rol en wat je zelf deelt.",
                ],
            ),
            (
                "Je gegevens downloaden",
                [
                    "Onder Mijn account download je met één klik een bestand (JSON) met alles wat we "
                    "van je bewaren: je account, je verhalen, je bestanden en je reacties.",
                ],
            ),
            (
                "Je account verwijderen",
                [
                    "Onder Mijn account kun je je account verwijderen. We wissen dan je naam, "
                    "e-mailadres, rol en regio. Je kiest zelf wat er met je gepubliceerde verhalen "
                    "gebeurt: we verwijderen ze met hun bestanden en reacties, of ze blijven staan "
                    "onder de naam Oud-lid, zonder iets dat naar jou verwijst. Verhalen die nog niet "
                    "gepubliceerd waren, verwijderen we altijd.",
                    "Een verhaal offline halen kan ook los: kies Intrekken bij Mijn bijdragen.",
                ],
            ),
            (
                "Foto's",
                [
                    "Uit elke foto die je uploadt halen we de locatie- en cameragegevens (EXIF, GPS, "
                    "XMP) voordat we hem bewaren.",
                ],
            ),
            (
                "Vragen",
                [
                    "Een vraag over je gegevens? Mail de redactie via info@hartvoordejeugd.online.",
                ],
            ),
        ],
    },
    {
        "slug": "toegankelijkheid",
        "title": "Toegankelijkheid",
        "intro": "Iedereen moet Hart voor de Jeugd kunnen gebruiken, ook met een beperking. Hier "
        "lees je hoe ver we daarmee zijn, wat nog niet goed werkt en hoe je een probleem meldt.",
        "sections": [
            (
                "Status: voldoet gedeeltelijk aan WCAG 2.1 niveau AA",
                [
                    "Hart voor de Jeugd wordt betaald en gehost door publieke organisaties. Daarom "
                    "houden we ons aan de eisen voor websites van de overheid: de Europese norm EN "
                    "301 549, met de richtlijnen WCAG 2.1 op niveau AA. Deze verklaring volgt het "
                    "model van digitoegankelijk.nl.",
                    "De website voldoet gedeeltelijk aan WCAG 2.1 niveau AA. Op de soorten pagina's "
                    "die we automatisch controleren, vinden die controles geen fouten. Maar er zijn "
                    "uitzonderingen die we kennen (die staan hieronder), en een volledig onderzoek "
                    "door een onafhankelijke deskundige is nog niet gedaan. Zodra dat er is, lees "
                    "je de uitkomst op deze pagina.",
                ],
            ),
            (
                "Zo controleren we het",
                [
                    "Bij elke wijziging aan de website draait een reeks automatische tests. Daarin "
                    "controleert axe elke soort pagina in een echte browser op fouten tegen WCAG "
                    "2.1 niveau AA, en kijkt de Nu HTML Checker van het W3C of de HTML van elke "
                    "soort pagina klopt. Een wijziging met een fout gaat niet online.",
                    "Ook testen we automatisch of je met alleen een toetsenbord door de website kunt "
                    "gaan. Automatische tests vinden lang niet alles, bijvoorbeeld niet of de "
                    "beschrijving bij een foto klopt. Daarom zijn jouw meldingen belangrijk.",
                ],
            ),
            (
                "Wat nog niet goed werkt",
                [
                    "Video's van YouTube en Vimeo: zolang je niet op afspelen klikt, laden we niets "
                    "van die diensten. Na je klik speel je de video af in de speler van YouTube of "
                    "Vimeo. Hoe toegankelijk die speler is, en of er ondertitels bij zijn, bepalen "
                    "wij niet.",
                    "Geluid en video van leden: leden uploaden zelf vlogs en podcasts. Niet bij elke "
                    "opname staan ondertitels of een uitgeschreven tekst. De redactie vraagt erom en "
                    "ziet in de beheeromgeving welke opnames die nog missen, maar een opname zonder "
                    "ondertitels kan toch online staan.",
                    "Foto's van leden: de beschrijving van een foto schrijft het lid zelf. Die is "
                    "niet altijd volledig.",
                    "Documenten: pdf-bestanden, zoals de dia's van een webinar, zijn niet altijd "
                    "toegankelijk gemaakt. Vraag de redactie gerust om de inhoud als tekst.",
                ],
            ),
            (
                "Meld een probleem",
                [
                    "Werkt iets niet, of kun je iets niet lezen, bekijken of beluisteren? Mail de "
                    "redactie via info@hartvoordejeugd.online. Schrijf erbij op welke pagina het "
                    "was en wat er misging. Een schermafbeelding helpt, maar hoeft niet.",
                    "Je krijgt binnen vijf werkdagen antwoord. Kunnen we het probleem niet meteen "
                    "oplossen, dan sturen we je de informatie die je zocht op een andere manier, "
                    "bijvoorbeeld als gewone tekst.",
                ],
            ),
            (
                "Niet tevreden met ons antwoord?",
                [
                    "Heb je binnen vijf werkdagen geen antwoord gekregen, of ben je niet tevreden "
                    "met hoe we je melding hebben opgepakt? Dan kun je een klacht indienen bij de "
                    "Nationale ombudsman, via nationaleombudsman.nl.",
                ],
            ),
            (
                "Over deze verklaring",
                [
                    "We werken deze verklaring bij als er iets verandert aan de website of aan wat "
                    "we weten over de toegankelijkheid ervan, en minstens één keer per jaar.",
                ],
            ),
        ],
    },
]
