"""Fills each site's Navigatie setting with the menu and footer it showed before the setting
existed (the sections and content pages with "Tonen in menu's" on), so nothing changes for
visitors; and lets the Redactie edit it. A site without such pages (a fresh install) keeps an
empty setting, which shows the same automatic menu."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SECTION_TYPES = [
    ("stories", "articleindexpage"),
    ("stories", "vlogindexpage"),
    ("stories", "podcastindexpage"),
    ("stories", "webinarindexpage"),
    ("dialogues", "dialogueindexpage"),
]
CONTENT_PAGE_TYPE = ("home", "contentpage")
FOOTER_HEADING = "Over dit platform"


def link(page):
    return {"type": "link", "value": {"page": page.pk, "url": "", "label": ""}}


def fill_navigation(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    NavigationSettings = apps.get_model("home.NavigationSettings")

    def type_ids(pairs):
        return [
            content_type.pk
            for content_type in ContentType.objects.all()
            if (content_type.app_label, content_type.model) in pairs
        ]

    section_types = type_ids(SECTION_TYPES)
    content_page_types = type_ids([CONTENT_PAGE_TYPE])
    for site in Site.objects.select_related("root_page"):
        children = Page.objects.filter(
            path__startswith=site.root_page.path,
            depth=site.root_page.depth + 1,
            live=True,
            show_in_menus=True,
        ).order_by("path")
        sections = [link(page) for page in children if page.content_type_id in section_types]
        content_pages = [
            {"type": "item", "value": link(page)["value"]}
            for page in children
            if page.content_type_id in content_page_types
        ]
        if not sections and not content_pages:
            continue
        setting, _ = NavigationSettings.objects.get_or_create(site=site)
        setting.menu = sections
        if content_pages:
            setting.footer_groups = [
                {"type": "group", "value": {"heading": FOOTER_HEADING, "links": content_pages}}
            ]
        setting.save()


def let_the_redactie_edit_it(apps, schema_editor):
    # Permissions are normally created after all migrations ran; we need this one now.
    home = apps.get_app_config("home")
    home.models_module = True
    create_permissions(home, apps=apps, verbosity=0)
    home.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    redactie = Group.objects.filter(name="Redactie").first()
    if redactie is not None:
        redactie.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="home",
                codename__in=["change_navigationsettings", "view_navigationsettings"],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_navigation_settings"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(fill_navigation, migrations.RunPython.noop),
        migrations.RunPython(let_the_redactie_edit_it, migrations.RunPython.noop),
    ]
