"""The header search box suggests titles in Chromium, by keyboard, and still searches without
JavaScript."""

import re

import pytest

from stories.models import StoryPage
from tests.e2e.test_share_story_flow import assert_no_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SEARCH_BOX = "#zoek-kop"


def type_in_search_box(page, text):
    box = page.locator(SEARCH_BOX)
    box.click()
    box.press_sequentially(text, delay=30)
    return box


def test_typing_in_the_header_search_box_suggests_titles_to_open_with_the_keyboard(page):
    page.goto("/verhalen/")

    box = type_in_search_box(page, "pleeg")
    listbox = page.get_by_role("listbox", name="Suggesties")
    listbox.get_by_role("option").first.wait_for()

    options = listbox.get_by_role("option")
    titles = [
        option.locator(".search-suggestions__title").inner_text() for option in options.all()
    ]
    assert titles
    assert all("pleeg" in title.lower() for title in titles), titles
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
    assert page.get_by_role("status").filter(has_text="suggestie").inner_text() == (
        f"{len(titles)} suggesties" if len(titles) > 1 else "1 suggestie"
    )

    box.press("ArrowDown")
    first = options.first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert page.evaluate("document.activeElement.id") == "zoek-kop"

    box.press("Enter")

    story = StoryPage.objects.live().get(title=titles[0])
    page.wait_for_url(f"**{story.url}")
    assert page.get_by_role("heading", level=1).inner_text() == story.title


def test_arrow_keys_wrap_and_escape_closes_the_suggestions(page):
    page.goto("/verhalen/")
    box = type_in_search_box(page, "pleeg")
    options = page.get_by_role("listbox").get_by_role("option")
    options.first.wait_for()
    count = options.count()

    box.press("ArrowUp")
    assert options.nth(count - 1).get_attribute("aria-selected") == "true"
    box.press("ArrowDown")
    assert options.first.get_attribute("aria-selected") == "true"

    box.press("Escape")

    assert page.get_by_role("listbox", include_hidden=True).is_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert box.input_value() == "pleeg"


def test_enter_without_a_chosen_suggestion_searches_as_usual(page):
    page.goto("/verhalen/")
    box = type_in_search_box(page, "pleeg")
    page.get_by_role("listbox").get_by_role("option").first.wait_for()

    box.press("Enter")

    page.wait_for_url(re.compile(r"/zoeken/\?q=pleeg$"))


def test_without_javascript_the_header_search_box_submits_to_the_search_page(browser, demo_site):
    context = browser.new_context(base_url=demo_site.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/verhalen/")
    box = page.locator(SEARCH_BOX)
    assert box.get_attribute("role") is None

    box.fill("pleegzorg")
    box.press("Enter")

    page.wait_for_url(re.compile(r"/zoeken/\?q=pleegzorg$"))
    context.close()


def test_the_open_suggestions_have_no_wcag_21_aa_violations(page):
    page.goto("/verhalen/")
    box = type_in_search_box(page, "pleeg")
    page.get_by_role("listbox").get_by_role("option").first.wait_for()
    box.press("ArrowDown")

    assert_no_violations(page)
