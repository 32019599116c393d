"""Demo podcast episodes with show notes and transcripts."""

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
