"""The synonym groups a new installation starts with (search/migrations/0002 adds them; the
search backends use them for an index built before that migration has run)."""

# A first list for the redactie to extend: abbreviations of youth care and words families use.
STARTING_SYNONYMS = [
    "ggz, geestelijke gezondheidszorg",
    "jggz, jeugd-ggz, jeugdggz, geestelijke gezondheidszorg voor jeugd",
    "jgz, jeugdgezondheidszorg, consultatiebureau",
    "pleegzorg, pleeggezin, pleegouder, pleegouders",
    "wijkteam, buurtteam, sociaal wijkteam, jeugd- en gezinsteam",
    "uithuisplaatsing, uit huis plaatsing, uithuisgeplaatst",
    "lvb, licht verstandelijke beperking",
    "adhd, aandachtstekortstoornis",
    "ass, autisme, autismespectrumstoornis",
    "poh-jgz, praktijkondersteuner jeugd",
    "cjg, centrum voor jeugd en gezin",
    "veilig thuis, amk, advies- en meldpunt kindermishandeling",
    "ots, ondertoezichtstelling",
    "gi, gecertificeerde instelling, jeugdbescherming",
    "jeugdzorg, jeugdhulp",
    "school, onderwijs",
    "18-18+, 18 min 18 plus, jongvolwassenen",
]
