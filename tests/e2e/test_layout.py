"""Layout in Chromium: the site on a 390 px phone, the story page on a desktop, the dashboard.

Positions come from the browser's own layout (bounding boxes), so these tests see what a
visitor sees: what comes first on screen, what wraps, what lines up.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from axe_playwright_python.sync_playwright import Axe

from stories.models import ArticlePage, PodcastPage, VlogPage
from tests.e2e.accounts import log_in_to_the_admin
from tests.e2e.test_accessibility import WCAG_21_AA
from tests.factories import PASSWORD, ContributorFactory, EditorFactory
from tests.samples import image_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# The demo home page has seven sections; on a phone: about four screens, not thirteen.
HOME_HEIGHT_ON_A_PHONE = 3800


def assert_no_violations(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def log_in(page, *, user, next_url):
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    page.goto(f"/account/login/?next={next_url}")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{next_url}")


def header_link_lines(page):
    """For each link and button in the header's top bar: its text and its number of lines."""
    return page.evaluate(
        """() => [...document.querySelectorAll(
            '.site-header__bar a, .site-header__bar button:not([hidden])')]
            .filter(element => element.offsetParent !== null)
            .map(element => {
                const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
                const tops = new Set();
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const range = document.createRange();
                    range.selectNodeContents(node);
                    for (const rect of range.getClientRects()) {
                        if (rect.width > 0) tops.add(Math.round(rect.top));
                    }
                }
                return [element.textContent.trim(), tops.size];
            })"""
    )


def account_link_tops(page):
    return page.evaluate(
        """() => [...document.querySelectorAll('.account-nav a')]
            .map(link => Math.round(link.getBoundingClientRect().top))"""
    )


def test_on_a_phone_the_search_filters_are_a_disclosure_above_the_first_result(page):
    page.set_viewport_size(PHONE)
    page.goto("/zoeken/?q=pleegzorg")

    filters = page.locator("details.search-filters")
    first_result = page.locator(".search-result").first
    assert filters.locator("summary").inner_text().strip() == "Filters"
    assert filters.evaluate(
        "(details, result) => Boolean(details.compareDocumentPosition(result)"
        " & Node.DOCUMENT_POSITION_FOLLOWING)",
        first_result.element_handle(),
    )
    assert filters.bounding_box()["y"] < first_result.bounding_box()["y"]
    assert not filters.evaluate("details => details.open")
    assert_no_violations(page)

    filters.locator("summary").click()
    filters.locator(".search-facet__option").first.click()
    page.wait_for_url(re.compile(r"[?&](soort|thema|opgave|regio|doelgroep)="))
    assert re.fullmatch(
        r"Filters \(1 actief\)", page.locator("details.search-filters summary").inner_text()
    )
    assert_no_violations(page)


def test_on_a_wide_screen_the_search_filters_are_an_open_sidebar_beside_the_results(page):
    page.set_viewport_size(DESKTOP)
    page.goto("/zoeken/?q=pleegzorg")

    filters = page.locator("details.search-filters")
    results = page.locator(".search-results")
    assert filters.evaluate("details => details.open")
    assert (
        filters.bounding_box()["x"] > results.bounding_box()["x"] + results.bounding_box()["width"]
    )


def test_on_a_phone_the_header_links_each_fit_on_one_line_logged_out_and_in(page):
    page.set_viewport_size(PHONE)
    page.goto("/verhalen/")
    assert all(lines == 1 for _text, lines in header_link_lines(page)), header_link_lines(page)
    assert len(set(account_link_tops(page))) == 1

    log_in(page, user=ContributorFactory(display_name="Sanne"), next_url="/verhalen/")
    lines = header_link_lines(page)
    assert "Mijn bijdragen" in [text for text, _lines in lines]
    assert all(count == 1 for _text, count in lines), lines
    assert len(set(account_link_tops(page))) == 1
    assert_no_violations(page)


def test_on_a_phone_the_home_page_is_a_few_screens_long(page):
    page.set_viewport_size(PHONE)
    page.goto("/")

    height = page.evaluate("document.documentElement.scrollHeight")

    assert height < HOME_HEIGHT_ON_A_PHONE
    assert page.get_by_role("link", name=re.compile("^Alle vlogs")).is_visible()
    assert_no_violations(page)


def test_on_a_desktop_the_topics_sidebar_lines_up_with_the_text_and_the_photo(page):
    page.set_viewport_size(DESKTOP)
    story = ArticlePage.objects.live().exclude(hero_image=None).order_by("path").first()
    page.goto(story.url)

    main = page.locator(".story-layout__main").bounding_box()
    aside = page.get_by_role("complementary", name="Onderwerpen").bounding_box()
    photo = page.locator(".story-hero__image").bounding_box()

    assert round(aside["y"]) == round(main["y"])
    assert round(main["x"]) == round(photo["x"])
    assert round(aside["x"] + aside["width"]) == round(photo["x"] + photo["width"])
    assert_no_violations(page)


def test_the_message_on_mijn_bijdragen_lines_up_with_the_column(page):
    page.set_viewport_size(DESKTOP)
    log_in(page, user=ContributorFactory(), next_url="/mijn-bijdragen/")

    message = page.locator(".messages .message").first.bounding_box()
    heading = page.get_by_role("heading", level=1).bounding_box()

    assert round(message["x"]) == round(heading["x"])
    assert_no_violations(page)


def test_every_panel_of_ours_on_the_admin_dashboard_keeps_its_text_off_the_border(page):
    page.set_viewport_size(DESKTOP)
    log_in_to_the_admin(page, user=EditorFactory())

    insets = page.evaluate(
        """() => [...document.querySelectorAll('#submitted-stories-section,'
                + ' #waiting-replies-section')].map(panel => {
            const box = panel.getBoundingClientRect();
            const content = panel.querySelector('.w-panel__content');
            const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
            let node = walker.nextNode();
            while (node && !node.textContent.trim()) node = walker.nextNode();
            const range = document.createRange();
            range.selectNodeContents(node);
            return [panel.id, Math.round(range.getBoundingClientRect().left - box.left)];
        })"""
    )

    assert len(insets) == 2
    assert all(inset >= 16 for _panel, inset in insets), insets


def clock(duration):
    minutes, seconds = divmod(round(duration.total_seconds()), 60)
    return f"{minutes}:{seconds:02}"


@pytest.mark.parametrize("model", [VlogPage, PodcastPage])
def test_cards_of_vlogs_and_podcasts_show_how_long_they_play(page, model):
    page.set_viewport_size(PHONE)
    story = model.objects.live().exclude(duration=None).order_by("path").first()
    page.goto(story.get_parent().url)

    card = page.locator(".card", has=page.get_by_role("link", name=story.title, exact=True))

    duration = card.locator(".card__duration")
    assert duration.locator("time").inner_text() == clock(story.duration)
    assert duration.locator("time").get_attribute("datetime").startswith("PT")
    assert duration.inner_text().startswith("Duur:")  # for screen readers; hidden on screen

    page.goto("/")
    durations = page.locator(f".card--{model.__name__.lower()} .card__duration time")
    assert durations.count() >= 1
    assert all(re.fullmatch(r"\d+:\d\d", text.strip()) for text in durations.all_inner_texts())


def test_choosing_a_photo_in_the_share_form_shows_a_preview_of_it(page):
    blocked = []
    page.on(
        "console",
        lambda message: blocked.append(message.text) if message.type == "error" else None,
    )
    page.set_viewport_size(PHONE)
    log_in(page, user=ContributorFactory(), next_url="/deel-je-verhaal/artikel/")

    page.get_by_label("Foto of afbeelding").set_input_files(
        {"name": "koken.jpg", "mimeType": "image/jpeg", "buffer": image_bytes("JPEG")}
    )

    preview = page.locator(".photo-preview img")
    preview.wait_for()
    assert preview.evaluate("img => img.src.startsWith('blob:')")
    page.wait_for_function("() => document.querySelector('.photo-preview img').complete")
    assert preview.evaluate("img => img.naturalWidth") == 1600
    assert not blocked, blocked
    assert_no_violations(page)
