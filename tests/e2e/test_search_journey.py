"""Searching in Chromium: a suggestion chosen by keyboard, a facet, a result; axe on results."""

import re

import pytest

from stories.models import StoryPage
from tests.e2e.test_share_story_flow import assert_no_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_visitor_picks_a_suggestion_follows_a_theme_filters_and_opens_a_result(page):
    page.goto("/verhalen/")
    box = page.locator("#zoek-kop")
    box.click()
    box.press_sequentially("wacht", delay=30)
    suggestion = page.get_by_role("listbox").get_by_role("option").first
    suggestion.wait_for()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/(verhalen|vlogs|podcasts|webinars|dialogen)/.+/"))
    assert "wacht" in page.get_by_role("heading", level=1).inner_text().lower()

    page.get_by_role("complementary", name="Onderwerpen").locator(
        "a[href^='/thema/']"
    ).first.click()
    page.wait_for_url(re.compile(r"/thema/[-a-z0-9]+/$"))
    facets = page.get_by_role("group", name="Verfijnen")
    first_type = facets.get_by_role("navigation", name="Soort").get_by_role("link").first
    label = first_type.inner_text().split("(")[0].strip()
    first_type.click()
    page.wait_for_url(re.compile(r"soort="))

    assert f"Soort: {label}" in page.get_by_role("list", name="Gekozen filters").inner_text()
    assert set(page.locator(".search-result .type-label").all_inner_texts()) == {label}
    result = page.locator(".search-result__title a").first
    title = result.inner_text()
    result.click()
    story = StoryPage.objects.live().get(title=title)
    page.wait_for_url(f"**{story.url}")
    assert page.get_by_role("heading", level=1).inner_text() == title


def test_the_results_page_with_facets_and_the_empty_state_have_no_wcag_21_aa_violations(page):
    page.goto("/zoeken/?q=jeugd")
    page.locator(".search-result").first.wait_for()
    assert_no_violations(page)

    page.goto("/zoeken/?q=nergensteVindenWoord")
    page.get_by_text("We hebben niets gevonden.").wait_for()
    assert_no_violations(page)


def test_theme_and_region_pages_have_no_wcag_21_aa_violations(page):
    from stories.models import Region, Theme

    theme = Theme.objects.filter(stories__live=True).first()
    region = Region.objects.filter(ambassadors__isnull=False).first() or Region.objects.first()

    page.goto(f"/thema/{theme.slug}/")
    assert_no_violations(page)
    page.goto(f"/regio/{region.slug}/")
    assert_no_violations(page)
