from django.db import migrations

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


def add_synonyms(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms in STARTING_SYNONYMS:
        SynonymGroup.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_synonyms")]

    operations = [migrations.RunPython(add_synonyms, migrations.RunPython.noop)]
