import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MAX_TABS = 20


def focused(page):
    return page.locator(":focus")


def is_inside(element, selector):
    return element.evaluate("(element, selector) => element.closest(selector) !== null", selector)


def test_the_main_navigation_works_with_the_keyboard_alone(page):
    page.goto("/")

    page.keyboard.press("Tab")
    assert focused(page).get_attribute("href") == "#inhoud"
    assert focused(page).inner_text() == "Naar de inhoud"

    passed = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        assert is_inside(focused(page), "header"), passed
        passed.append(focused(page).inner_text().strip())
        if is_inside(focused(page), "nav#hoofdmenu"):
            break
    assert passed[-1] == "Verhalen", passed

    for _ in range(MAX_TABS):
        if focused(page).inner_text().strip() == "Vlogs":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    page.wait_for_url("**/vlogs/")
    assert page.locator("h1").inner_text() == "Vlogs"


def test_the_skip_link_moves_focus_to_the_main_content(page):
    page.goto("/verhalen/")

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    assert page.url.endswith("#inhoud")
    assert focused(page).get_attribute("id") == "inhoud"
