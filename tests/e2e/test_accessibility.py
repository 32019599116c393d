import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def test_every_kind_of_page_has_no_wcag_21_aa_violations(page, demo_urls, subtests):
    axe = Axe()
    for url in demo_urls:
        with subtests.test(url=url):
            response = page.goto(url)
            assert response.status == (404 if "bestaat-niet" in url else 200)

            results = axe.run(page, options=WCAG_21_AA)

            assert results.violations_count == 0, results.generate_report()
