import pytest
from allauth.account.models import EmailAddress
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.test_accessibility import WCAG_21_AA
from tests.factories import PASSWORD, ContributorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PUBLIC_ACCOUNT_PAGES = ["/account/signup/", "/account/login/", "/account/password/reset/"]
MEMBER_PAGES = ["/mijn-account/", "/mijn-account/verwijderen/", "/account/password/change/"]


def assert_no_violations(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_sign_up_login_and_reset_forms_have_no_wcag_21_aa_violations(page, subtests):
    for url in PUBLIC_ACCOUNT_PAGES:
        with subtests.test(url=url):
            assert page.goto(url).status == 200
            assert_no_violations(page)

    with subtests.test(url="signup with errors"):
        page.goto("/account/signup/")
        page.get_by_label("E-mail").fill("ouder@example.org")
        page.get_by_label("Weergavenaam").fill("Sanne")
        page.get_by_label("Ik houd me aan de spelregels").check()
        page.get_by_label("Wachtwoord", exact=False).first.fill("een-lang-wachtwoord-42")
        page.get_by_label("Wachtwoord (bevestigen)").fill("een-ander-wachtwoord-42")
        page.get_by_role("button", name="Registreren").click()
        page.wait_for_selector(".errorlist")
        assert page.get_by_label("E-mail").input_value() == "ouder@example.org"
        assert_no_violations(page)


def test_a_member_logs_in_and_the_account_pages_have_no_violations(page, subtests):
    member = ContributorFactory(email="lid@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)

    page.goto("/account/login/")
    page.get_by_label("E-mail").fill("lid@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn-account/")

    for url in MEMBER_PAGES:
        with subtests.test(url=url):
            assert page.goto(url).status == 200
            assert_no_violations(page)
