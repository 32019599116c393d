from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations

PLACEHOLDER = ("localhost", 80)  # what 0003 wrote before the site had an address


def set_site_address(apps, schema_editor):
    """Give the default Site the address of SITE_URL and Django's sites record the same.

    A Site an administrator already changed keeps its address; Django's record (example.com
    until now) always follows it, as core.site_address does on every later save.
    """
    Site = apps.get_model("wagtailcore.Site")
    DjangoSite = apps.get_model("sites.Site")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    if (site.hostname, site.port) == PLACEHOLDER:
        parts = urlsplit(settings.SITE_URL)
        site.hostname = parts.hostname or site.hostname
        site.port = parts.port or (443 if parts.scheme == "https" else 80)
        site.save(update_fields=["hostname", "port"])
    domain = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": domain, "name": site.site_name or settings.WAGTAIL_SITE_NAME},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_editorial_groups_and_workflow"),
        ("sites", "0002_alter_domain_unique"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(set_site_address, migrations.RunPython.noop)]
