from django.db import migrations

from search.starting_synonyms import STARTING_SYNONYMS


def add_synonyms(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms in STARTING_SYNONYMS:
        SynonymGroup.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_synonyms")]

    operations = [migrations.RunPython(add_synonyms, migrations.RunPython.noop)]
