"""The Redactie manages the synonyms, as it manages the taxonomy (home/migrations/0004)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REDACTIE = "Redactie"
CODENAMES = [f"{action}_synonymgroup" for action in ("add", "change", "delete", "view")]


def grant_synonym_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations ran; we need them now.
    search = apps.get_app_config("search")
    search.models_module = True
    create_permissions(search, apps=apps, verbosity=0)
    search.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    # The group may not exist yet when this app migrates before home; home's migration
    # gets the same group by name.
    redactie, _ = Group.objects.get_or_create(name=REDACTIE)
    redactie.permissions.add(
        *Permission.objects.filter(content_type__app_label="search", codename__in=CODENAMES)
    )


def revoke_synonym_permissions(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    apps.get_model("auth.Group").permissions.through.objects.filter(
        group__name=REDACTIE,
        permission__in=Permission.objects.filter(
            content_type__app_label="search", codename__in=CODENAMES
        ),
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_query_log"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_synonym_permissions, revoke_synonym_permissions)]
