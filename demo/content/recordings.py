"""What the demo stories sound and look like: audio, video, captions and slides, by slug.

The files themselves are made locally by demo.media (ffmpeg) and demo.slides
(Pillow); this module only says which format each story gets and what is said in it.
"""

# The YouTube IFrame API's own example video: public, long-lived and meant for embedding.
DEMO_YOUTUBE_URL = "https://www.youtube.com/watch?v=M7lc1UVf-VE"

# Seconds each transcript passage or caption stays on screen.
PODCAST_PASSAGE_SECONDS = 5
CAPTION_SECONDS = 4
# Quiet seconds after the last passage, so that every cue ends inside the recording.
TAIL_SECONDS = 2

# Podcast episodes: audio format and the passages of the timed transcript (WebVTT).
PODCAST_MEDIA = {
    "aflevering-1-wat-werkt-in-de-wijk": {
        "format": "mp3",
        "passages": [
            "Welkom bij de podcast van Hart voor de Jeugd.",
            "Vandaag aan tafel: een teamleider van een wijkteam en een moeder van drie kinderen.",
            "Moeder: Ik heb een halfjaar gewacht voordat iemand echt bij ons thuis kwam kijken.",
            "Teamleider: Dat herken ik. Wij zagen de aanmelding, maar niet het gezin erachter.",
            "Wat we nu anders doen: binnen een week een eerste gesprek, bij de mensen thuis.",
            "Moeder: En ik bepaal mee wie er aan tafel zit. Dat gaf me de regie terug.",
        ],
    },
    "aflevering-2-leren-van-complexe-casuistiek": {
        "format": "mp3",
        "passages": [
            "Het ergste is als iedereen naar elkaar kijkt.",
            "Wij gaan dan met alle partijen om tafel en vragen: wat heeft dit kind vandaag nodig?",
            "Soms betekent dat: je eigen regels even loslaten.",
            "Achteraf bespreken we elke vastgelopen casus, zonder een schuldige aan te wijzen.",
            "Wat we leerden? Dat we te lang wachtten met om hulp vragen.",
            "Nu trekken we eerder aan de bel, ook als dat ongemakkelijk voelt.",
        ],
    },
    "aflevering-3-stem-van-jongeren": {
        "format": "ogg",
        "passages": [
            "Vraag gewoon wat ik wil.",
            "Niet in een formulier, maar als gesprek.",
            "Ik heb mijn verhaal wel tien keer moeten vertellen, steeds aan iemand anders.",
            "Wat hielp: een begeleider die eerlijk zei wat ze wel en niet kon beloven.",
            "En dat ik zelf mocht kiezen waar we afspraken. Liever buiten dan op kantoor.",
            "Mijn tip aan hulpverleners: luister eerst, schrijf later.",
        ],
    },
    "aflevering-4-pleegzorg-van-twee-kanten": {
        "format": "m4a",
        "passages": [
            "Ik was bang dat hij haar mama zou gaan noemen.",
            "Dat gebeurde niet. Hij noemt haar gewoon bij haar naam.",
            "Pleegmoeder: Voor mij was het belangrijk dat jij in zijn leven bleef.",
            "We sturen elkaar nu elke zondag een foto van zijn week.",
            "Moeder: Zo mis ik minder van hem, ook al woont hij niet bij mij.",
            "Samen ouder zijn is niet makkelijk, maar het kan wel.",
        ],
    },
    "aflevering-5-de-inkooptafel": {
        "format": "mp3",
        "passages": [
            "Een contract is geen doel.",
            "Het is een afspraak over hoe we samen een kind helpen.",
            "Inkoper: Vroeger schreven we elke handeling voor. Dat gaf schijnzekerheid.",
            "Bestuurder: Nu spreken we af welk resultaat een gezin zelf merkt.",
            "En elk kwartaal kijken we samen of dat lukt, met cijfers en met verhalen.",
            "Vertrouwen groeit door het samen te doen, niet door het op papier te zetten.",
        ],
    },
    "aflevering-6-blijven-in-het-vak": {
        "format": "mp3",
        "passages": [
            "Het is de moeder die na een jaar zegt: jij was de eerste die echt luisterde.",
            "Daarvoor blijf ik.",
            "Het werk is zwaar, dat ga ik niet mooier maken dan het is.",
            "Wat mij overeind houdt, is een team waarin je mag zeggen dat iets je raakt.",
            "Elke week intervisie, ook als de agenda vol zit.",
            "En de kleine successen vieren, want die vergeten we anders.",
        ],
    },
}

# Vlogs: a video format (captions are the sentences of the vlog's transcript), or a link.
VLOG_MEDIA = {
    "een-dag-met-een-gezinscoach": {"format": "mp4", "colour": "0x1f5f8b"},
    "mijn-pleegbroer-en-ik": {"format": "mp4", "colour": "0x7a1f3d"},
    "wachtlijst-jeugd-ggz-overbruggen": {"format": "webm", "colour": "0x2f6b4f"},
    "veiligheidsplan-met-het-hele-netwerk": {"format": "mp4", "colour": "0x5b3f8c"},
    "gemeente-luistert-mee": {"video_url": DEMO_YOUTUBE_URL},
    "ouders-na-de-scheiding": {"format": "mp4", "colour": "0x9a4a1a"},
}

# Past webinars: a recording (a video format or a link) and the slides shown.
WEBINAR_MEDIA = {
    "webinar-complexe-scheidingen": {
        "recording": {"format": "mp4", "colour": "0x2b4162", "seconds": 12},
        "slides": [
            (
                "Een gezin, een tafel",
                [
                    "Ouders, rechtbank en jeugdhulp in hetzelfde gesprek",
                    "Het kind heeft een eigen stem, via een vertrouwenspersoon",
                    "Afspraken in gewone taal, op een A4",
                ],
            ),
            (
                "Wat we leerden",
                [
                    "Vroeg beginnen scheelt maanden procederen",
                    "Niet elk conflict hoeft opgelost, wel hanteerbaar",
                    "Evalueer na drie maanden, met de ouders erbij",
                ],
            ),
        ],
    },
    "webinar-inkoop-met-resultaat": {
        "recording": {"url": DEMO_YOUTUBE_URL},
        "slides": [
            (
                "Resultaat dat een gezin merkt",
                [
                    "Minder doorverwijzingen tussen aanbieders",
                    "Een plan per gezin, door iedereen gedragen",
                    "Jongeren en ouders beoordelen mee",
                ],
            ),
            (
                "Eerste lessen",
                [
                    "Meet weinig, maar meet het samen",
                    "Elk kwartaal een gesprek over cijfers en verhalen",
                    "Ruimte in het contract voor wat niet past",
                ],
            ),
        ],
    },
    "webinar-veilig-thuis-samenwerken": {
        "recording": {"format": "webm", "colour": "0x8c1c3a", "seconds": 10},
        "slides": [
            (
                "Sneller naar veiligheid",
                [
                    "Een vast team vanaf de eerste melding",
                    "Het netwerk van het gezin doet vanaf de eerste dag mee",
                    "Veiligheid eerst, daarna de rest van de hulp",
                ],
            ),
            (
                "Na een jaar",
                [
                    "Minder overdrachten tussen organisaties",
                    "Gezinnen hoeven hun verhaal maar een keer te vertellen",
                    "Professionals durven eerder samen te beslissen",
                ],
            ),
        ],
    },
}
