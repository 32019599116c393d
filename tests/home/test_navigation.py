"""The main menu and the footer come from the Navigatie setting the redactie edits in the admin,
with the automatic menu of "Tonen in menu's" pages while the setting is empty."""

from importlib import import_module

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import FOOTER_TEXT, NavigationSettings
from home.navigation import main_navigation
from tests.factories import ArticleIndexPageFactory, ContentPageFactory


@pytest.fixture
def setting(db):
    return NavigationSettings.for_site(Site.objects.get(is_default_site=True))


def link(page=None, url="", label=""):
    return ("link", {"page": page, "url": url, "label": label})


def group(heading, *links):
    return ("group", {"heading": heading, "links": [value for _, value in links]})


def save(setting, *, menu=(), footer_groups=(), **fields):
    setting.menu = list(menu)
    setting.footer_groups = list(footer_groups)
    for name, value in fields.items():
        setattr(setting, name, value)
    setting.save()


def menu_links(response):
    nav = BeautifulSoup(response.content, "html.parser").find("nav", id="hoofdmenu")
    if nav is None:
        return []
    return [(a["href"], a.get_text(strip=True)) for a in nav.find_all("a")]


def footer(response):
    return BeautifulSoup(response.content, "html.parser").find("footer")


def footer_groups(response):
    return [
        (
            nav.h2.get_text(strip=True),
            [(a["href"], a.get_text(strip=True)) for a in nav.find_all("a")],
        )
        for nav in footer(response).find_all("nav", class_="site-footer__nav")
    ]


def test_the_header_shows_the_editors_menu_in_its_order_with_external_links(client, setting):
    about = ContentPageFactory(title="Over ons", slug="over-ons", show_in_menus=False)
    stories = ArticleIndexPageFactory(title="Verhalen", slug="verhalen")
    save(
        setting,
        menu=[
            link(page=about, label="Wie we zijn"),
            link(url="https://www.nji.nl/", label="NJi"),
            link(page=stories),
        ],
    )

    response = client.get("/")

    assert menu_links(response) == [
        ("/over-ons/", "Wie we zijn"),
        ("https://www.nji.nl/", "NJi"),
        ("/verhalen/", "Verhalen"),
    ]


def test_the_footer_shows_the_editors_groups_and_text(client, setting):
    rules = ContentPageFactory(title="Spelregels", slug="spelregels", show_in_menus=False)
    save(
        setting,
        footer_groups=[
            group("Over dit platform", link(page=rules)),
            group("Partners", link(url="https://www.movisie.nl/", label="Movisie")),
        ],
        footer_text="Een plek voor wat werkt in de jeugdhulp.",
    )

    response = client.get("/")

    assert footer_groups(response) == [
        ("Over dit platform", [("/spelregels/", "Spelregels")]),
        ("Partners", [("https://www.movisie.nl/", "Movisie")]),
    ]
    assert "Een plek voor wat werkt in de jeugdhulp." in footer(response).get_text()
    assert FOOTER_TEXT not in footer(response).get_text()


def test_unpublished_and_private_pages_are_left_out(client, setting):
    draft = ContentPageFactory(title="Nog niet af", slug="nog-niet-af", live=False)
    private = ContentPageFactory(title="Alleen voor de redactie", slug="redactie")
    below_private = ContentPageFactory(title="Daaronder", slug="daaronder", parent=private)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    public = ContentPageFactory(title="Over ons", slug="over-ons")
    save(
        setting,
        menu=[link(page=draft), link(page=private), link(page=public)],
        footer_groups=[
            group("Alleen verborgen", link(page=below_private)),
            group("Zichtbaar", link(page=public), link(page=draft)),
        ],
    )

    response = client.get("/")

    assert menu_links(response) == [("/over-ons/", "Over ons")]
    assert footer_groups(response) == [("Zichtbaar", [("/over-ons/", "Over ons")])]


def test_a_page_made_private_or_unpublished_leaves_the_menu_at_once(client, setting):
    about = ContentPageFactory(title="Over ons", slug="over-ons")
    rules = ContentPageFactory(title="Spelregels", slug="spelregels")
    save(setting, menu=[link(page=about), link(page=rules)])
    assert len(menu_links(client.get("/"))) == 2

    PageViewRestriction.objects.create(page=about, restriction_type="password", password="x")
    assert menu_links(client.get("/")) == [("/spelregels/", "Spelregels")]

    rules.unpublish()
    assert menu_links(client.get("/")) == []


def test_an_empty_setting_shows_the_sections_and_content_pages_in_menus(client, setting):
    ArticleIndexPageFactory(title="Verhalen", slug="verhalen")
    ContentPageFactory(title="Over ons", slug="over-ons")
    ContentPageFactory(title="Verborgen", slug="verborgen", show_in_menus=False)
    private = ArticleIndexPageFactory(title="Besloten", slug="besloten")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    response = client.get("/")

    assert menu_links(response) == [("/verhalen/", "Verhalen")]
    assert footer_groups(response) == [("Over dit platform", [("/over-ons/", "Over ons")])]
    assert FOOTER_TEXT in footer(response).get_text()


def test_saving_the_setting_empties_the_page_cache(client, setting, settings):
    settings.HVDJ_PAGE_CACHE_SECONDS = 300
    about = ContentPageFactory(title="Over ons", slug="over-ons", show_in_menus=False)
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"

    save(setting, menu=[link(page=about, label="Wie we zijn")])
    response = client.get("/")

    assert response["X-Page-Cache"] == "miss"
    assert menu_links(response) == [("/over-ons/", "Wie we zijn")]


def queries_to_read_the_navigation(rf):
    with CaptureQueriesContext(connection) as context:
        main_navigation(rf.get("/"))["menu"]
    return [query["sql"] for query in context.captured_queries]


def test_the_navigation_is_read_in_the_same_few_queries_however_long_it_is(rf, setting):
    pages = [ContentPageFactory(show_in_menus=False) for _ in range(12)]
    save(setting, menu=[link(page=pages[0])], footer_groups=[group("Eén", link(page=pages[1]))])
    short = queries_to_read_the_navigation(rf)

    save(
        setting,
        menu=[link(page=page) for page in pages[:6]],
        footer_groups=[
            group("Eén", *(link(page=page) for page in pages[6:9])),
            group(
                "Twee",
                *(link(page=page) for page in pages[9:]),
                link(url="https://a.nl/", label="A"),
            ),
        ],
    )
    long = queries_to_read_the_navigation(rf)

    assert len(long) == len(short) <= 4, "\n".join(long)
    assert len(main_navigation(rf.get("/"))["menu"]) == 6


def test_the_automatic_navigation_costs_no_more_queries_than_the_chosen_one(rf, setting):
    about = ContentPageFactory(title="Over ons", slug="over-ons")
    automatic = queries_to_read_the_navigation(rf)

    save(setting, menu=[link(page=about)], footer_groups=[group("Over", link(page=about))])
    chosen = queries_to_read_the_navigation(rf)

    assert len(automatic) == len(chosen), "\n".join(automatic)


def test_later_pages_read_the_navigation_from_the_cache(rf, setting):
    save(setting, menu=[link(page=ContentPageFactory(title="Over ons", slug="over-ons"))])
    first = queries_to_read_the_navigation(rf)

    later = queries_to_read_the_navigation(rf)

    assert len(later) < len(first)
    assert not any("navigationsettings" in sql for sql in later), "\n".join(later)
    assert len(later) <= 1, "\n".join(later)  # at most finding the site


def test_the_migration_fills_the_setting_with_the_menu_and_footer_of_before(client, setting):
    ArticleIndexPageFactory(title="Verhalen", slug="verhalen")
    ArticleIndexPageFactory(title="Niet in het menu", slug="niet", show_in_menus=False)
    ContentPageFactory(title="Over ons", slug="over-ons")
    ContentPageFactory(title="Spelregels", slug="spelregels")
    before = client.get("/")

    migration = import_module("home.migrations.0007_navigation_from_menu_pages")
    migration.fill_navigation(apps, None)
    setting.refresh_from_db()
    after = client.get("/")

    assert len(setting.menu) == 1
    assert [group.value["heading"] for group in setting.footer_groups] == ["Over dit platform"]
    assert menu_links(after) == menu_links(before) == [("/verhalen/", "Verhalen")]
    assert footer_groups(after) == footer_groups(before)
    assert str(footer(after)) == str(footer(before))


def edit_url(setting):
    return reverse("wagtailsettings:edit", args=["home", "navigationsettings", setting.site_id])


def test_the_redactie_finds_navigatie_under_instellingen(editor_client, setting):
    response = editor_client.get(reverse("wagtailadmin_home"))

    assert "Instellingen" in response.text
    assert "/admin/settings/home/navigationsettings/" in response.text


def test_an_editor_edits_the_menu_in_the_admin_and_visitors_see_it(client, editor_client, setting):
    about = ContentPageFactory(title="Over ons", slug="over-ons", show_in_menus=False)
    assert editor_client.get(edit_url(setting)).status_code == 200

    response = editor_client.post(
        edit_url(setting),
        nested_form_data(
            {
                "menu": streamfield(
                    [("link", {"page": about.pk, "url": "", "label": "Wie we zijn"})]
                ),
                "footer_groups": streamfield([]),
                "footer_text": "Nieuwe tekst.",
            }
        ),
    )

    assert response.status_code == 302
    client.logout()
    assert menu_links(client.get("/")) == [("/over-ons/", "Wie we zijn")]


def test_an_external_link_without_a_text_is_refused(editor_client, setting):
    response = editor_client.post(
        edit_url(setting),
        nested_form_data(
            {
                "menu": streamfield([("link", {"page": "", "url": "https://a.nl/", "label": ""})]),
                "footer_groups": streamfield([]),
                "footer_text": "",
            }
        ),
    )

    assert response.status_code == 200
    assert "Geef een externe link een tekst." in response.content.decode()
    setting.refresh_from_db()
    assert not setting.menu


def test_a_contributor_may_not_edit_the_navigation(client, contributor, setting):
    client.force_login(contributor)

    response = client.get(edit_url(setting))

    assert response.status_code == 302
    assert response["Location"] != edit_url(setting)


def test_an_admin_user_outside_the_redactie_may_not_edit_the_navigation(
    client, admin_user_outside_the_redactie, setting
):
    client.force_login(admin_user_outside_the_redactie)

    response = client.get(edit_url(setting))

    assert response.status_code in (302, 403)
    assert "footer_text" not in response.content.decode()
