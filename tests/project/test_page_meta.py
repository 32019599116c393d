"""The <head> of pages that are no story: home, listings (and their further pages), content
pages, theme and region pages, search, Mijn account and the not-found page."""

import pytest

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ContentPageFactory,
    DialogueIndexPageFactory,
    DialogueThreadPageFactory,
    RegionFactory,
    ThemeFactory,
)
from tests.project.head_tags import head_tags

pytestmark = pytest.mark.django_db

SITE_DESCRIPTION = (
    "Ouders, jongeren en professionals delen hier wat werkt voor kinderen en jongeren, "
    "en praten erover met elkaar."
)


def assert_website(head, *, title, url, description):
    assert head.meta["og:type"] == "website"
    assert head.meta["og:title"] == title
    assert head.meta["og:url"] == url
    assert head.meta["description"] == head.meta["og:description"] == description
    assert head.meta["twitter:description"] == description
    assert head.meta["og:locale"] == "nl_NL"
    assert head.meta["og:site_name"] == "Hart voor de Jeugd"
    assert head.meta["twitter:card"] == "summary"
    assert "article:published_time" not in head.meta
    assert not [key for key in head.meta if "image" in key]


def test_the_home_page_is_a_website_with_its_own_introduction(client, home):
    home.intro = "Wat werkt voor kinderen en jongeren, gedeeld door wie het weet."
    home.save_revision().publish()

    head = head_tags(client.get("/"))

    assert head.canonical == ["http://testserver/"]
    assert "robots" not in head.meta
    assert_website(
        head,
        title=home.title,
        url="http://testserver/",
        description="Wat werkt voor kinderen en jongeren, gedeeld door wie het weet.",
    )


def test_a_page_without_a_summary_is_described_by_the_site(client, home):
    home.intro = ""
    home.save_revision().publish()

    assert head_tags(client.get("/")).meta["description"] == SITE_DESCRIPTION


def test_a_content_page_is_described_by_its_introduction(client, home):
    page = ContentPageFactory(title="Over ons", intro="Wie wij zijn.")

    head = head_tags(client.get(page.url))

    assert head.canonical == [f"http://testserver{page.url}"]
    assert_website(
        head, title="Over ons", url=f"http://testserver{page.url}", description="Wie wij zijn."
    )


def test_a_listing_is_its_own_canonical_page_and_page_two_adds_only_pagina(client, home, settings):
    settings.HVDJ_PAGE_SIZE = 2
    section = ArticleIndexPageFactory(intro="Alle verhalen.")
    for _ in range(3):
        ArticlePageFactory(parent=section)
    url = "http://testserver/verhalen/"

    first = head_tags(client.get("/verhalen/"))
    second = head_tags(client.get("/verhalen/?pagina=2"))
    beyond = head_tags(client.get("/verhalen/?pagina=9"))
    tracked = head_tags(client.get("/verhalen/?pagina=1&utm_source=nieuwsbrief"))

    assert first.canonical == [url]
    assert_website(first, title="Verhalen", url=url, description="Alle verhalen.")
    assert second.canonical == [f"{url}?pagina=2"]
    assert second.meta["og:url"] == f"{url}?pagina=2"
    assert beyond.canonical == [f"{url}?pagina=2"]  # out of range: the last page is shown
    assert tracked.canonical == [url]


def test_a_filtered_listing_points_at_the_unfiltered_one(client, home, settings):
    settings.HVDJ_PAGE_SIZE = 1
    theme = ThemeFactory()
    section = DialogueIndexPageFactory()
    for _ in range(2):
        DialogueThreadPageFactory(parent=section, themes=[theme])

    head = head_tags(client.get(f"/dialogen/?thema={theme.slug}&pagina=2"))

    assert head.canonical == ["http://testserver/dialogen/"]


@pytest.mark.parametrize("path", ["/zoeken/", "/zoeken/?q=pleegzorg", "/zoeken/?q=x&pagina=2"])
def test_search_pages_ask_not_to_be_indexed_and_name_no_canonical_page(client, home, path):
    head = head_tags(client.get(path))

    assert head.meta["robots"] == "noindex"
    assert head.canonical == []
    assert head.meta["og:title"] == "Zoeken"
    assert head.meta["description"] == SITE_DESCRIPTION


@pytest.mark.parametrize("factory", [ThemeFactory, RegionFactory], ids=["thema", "regio"])
def test_theme_and_region_pages_may_be_indexed_with_their_description(client, home, factory):
    term = factory(name="Pleegzorg", description="Alles over opgroeien in een pleeggezin.")
    path = f"/{'thema' if factory is ThemeFactory else 'regio'}/{term.slug}/"

    head = head_tags(client.get(path))
    filtered = head_tags(client.get(f"{path}?q=ouders"))

    assert "robots" not in head.meta
    assert head.canonical == [f"http://testserver{path}"]
    assert_website(
        head,
        title="Pleegzorg",
        url=f"http://testserver{path}",
        description="Alles over opgroeien in een pleeggezin.",
    )
    assert filtered.canonical == [f"http://testserver{path}"]


def test_mijn_account_has_its_title_and_the_site_description(client, member):
    client.force_login(member)

    head = head_tags(client.get("/mijn-account/"))

    assert head.meta["og:title"] == "Mijn account"
    assert head.meta["description"] == SITE_DESCRIPTION
    assert head.canonical == ["http://testserver/mijn-account/"]


def test_the_not_found_page_has_tags_too(client, home):
    head = head_tags(client.get("/deze-pagina-bestaat-niet/"), status=404)

    assert head.meta["og:site_name"] == "Hart voor de Jeugd"
    assert head.meta["description"] == SITE_DESCRIPTION
