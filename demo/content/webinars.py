"""Demo webinars, upcoming and past, and the seats already taken for the full one."""

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
