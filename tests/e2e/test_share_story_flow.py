"""A new member shares a story in Chromium, the redactie approves it in the Wagtail admin."""

import re

import pytest
from allauth.account.models import EmailAddress
from axe_playwright_python.sync_playwright import Axe
from wagtail.models import WorkflowState

from stories.models import ArticlePage
from tests.e2e.accounts import log_in_to_the_admin
from tests.e2e.test_accessibility import WCAG_21_AA
from tests.factories import PASSWORD, ContributorFactory, EditorFactory
from tests.samples import image_bytes
from tests.utils import link_path_in_mail

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Samen koken op woensdag"
CONFIRMATION_LINK = re.compile(r"https?://\S+/account/confirm-email/\S+/")


@pytest.fixture
def editor_page(browser, demo_site):
    """A tab in a browser context of its own (its own cookies), next to the visitor's `page`."""
    context = browser.new_context(base_url=demo_site.url, locale="nl-NL")
    yield context.new_page()
    context.close()


def confirmation_path(mailoutbox, email):
    """The path of the link in the verification e-mail sent to `email`."""
    return link_path_in_mail(mailoutbox, to=email, pattern=CONFIRMATION_LINK)


def sign_up(page, mailoutbox, *, email):
    page.goto("/")
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Meedoen").click()
    page.wait_for_url("**/account/signup/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Weergavenaam").fill("Sanne")
    page.get_by_label("Ik ben").select_option(label="Ouder of opvoeder")
    page.get_by_label("Ik houd me aan de spelregels").check()
    page.get_by_label("Wachtwoord", exact=False).first.fill("een-lang-wachtwoord-42")
    page.get_by_label("Wachtwoord (bevestigen)").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_url("**/account/confirm-email/")

    page.goto(confirmation_path(mailoutbox, email))
    page.get_by_role("button", name="Bevestig", exact=True).click()
    page.wait_for_url("**/mijn-account/")


def log_in_as_member(page, email):
    page.goto("/account/login/")
    page.get_by_label("E-mail").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn-account/")


def fill_in_article(page, *, intro):
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Samenvatting").fill(intro)
    page.get_by_role("textbox", name="Je verhaal").fill(
        "Elke woensdag koken we met de kinderen.\n\nZo praten we vanzelf over hun week."
    )
    page.get_by_label("Iedereen die herkenbaar is").check()
    page.get_by_label("Ik noem geen namen").check()
    page.get_by_label("Ik houd me aan de spelregels").check()


def approve_in_wagtail_admin(page, *, editor, story):
    log_in_to_the_admin(page, user=editor)

    page.goto(f"/admin/pages/{story.pk}/edit/")
    page.get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Goedkeuren en publiceren", exact=True).click()
    page.wait_for_url(lambda url: not url.endswith(f"/pages/{story.pk}/edit/"))


def test_a_new_member_shares_an_article_and_the_redactie_publishes_it(
    page, editor_page, mailoutbox
):
    sign_up(page, mailoutbox, email="sanne@example.org")

    page.get_by_role("navigation", name="Account").get_by_role(
        "link", name="Deel je verhaal"
    ).click()
    page.get_by_role("link", name="Een artikel").click()
    fill_in_article(page, intro="Hoe een vaste kookavond ons gezin rust gaf.")
    page.get_by_label("Foto of afbeelding").set_input_files(
        {"name": "koken.jpg", "mimeType": "image/jpeg", "buffer": image_bytes("JPEG")}
    )
    page.get_by_label("Wat is er op de afbeelding te zien?").fill("Een pan soep op het fornuis")
    page.get_by_role("button", name="Insturen naar de redactie").click()
    page.wait_for_url("**/mijn-bijdragen/")

    assert "Je verhaal ligt nu bij de redactie" in page.locator(".messages").inner_text()
    contribution = page.locator(".contribution", has_text=TITLE)
    assert contribution.locator(".status-label").inner_text() == "Bij de redactie"
    story = ArticlePage.objects.get(title=TITLE)
    assert not story.live

    approve_in_wagtail_admin(editor_page, editor=EditorFactory(username="redacteur"), story=story)

    story.refresh_from_db()
    assert story.live
    assert WorkflowState.objects.for_instance(story).get().status == WorkflowState.STATUS_APPROVED
    response = page.goto(story.url)
    assert response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    image = page.get_by_role("img", name="Een pan soep op het fornuis")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")

    page.goto("/mijn-bijdragen/")
    contribution = page.locator(".contribution", has_text=TITLE)
    assert contribution.locator(".status-label").inner_text() == "Gepubliceerd"
    assert (
        contribution.get_by_role("link", name=TITLE, exact=True).get_attribute("href") == story.url
    )


def assert_no_violations(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_the_share_story_pages_have_no_wcag_21_aa_violations(page, subtests):
    member = ContributorFactory(email="lid@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    log_in_as_member(page, member.email)

    for url in ["/deel-je-verhaal/", "/deel-je-verhaal/artikel/"]:
        with subtests.test(url=url):
            assert page.goto(url).status == 200
            assert_no_violations(page)

    with subtests.test(url="article with errors"):
        page.goto("/deel-je-verhaal/artikel/")
        page.get_by_label("Titel").fill(TITLE)
        page.get_by_role("button", name="Insturen naar de redactie").click()
        page.wait_for_selector(".form-summary")
        assert page.get_by_label("Titel").input_value() == TITLE
        assert_no_violations(page)

    for url in ["/deel-je-verhaal/vlog/", "/deel-je-verhaal/podcast/", "/deel-je-verhaal/link/"]:
        with subtests.test(url=url):
            assert page.goto(url).status == 200
            assert_no_violations(page)

    with subtests.test(url="check page"):
        page.goto("/deel-je-verhaal/artikel/")
        fill_in_article(page, intro="Bel me gerust op 06-12345678 als je wilt meekoken.")
        page.get_by_role("button", name="Insturen naar de redactie").click()
        page.wait_for_url("**/mijn-bijdragen/*/controleren/")
        assert "06-12345678" in page.locator(".findings").inner_text()
        assert_no_violations(page)

    with subtests.test(url="/mijn-bijdragen/"):
        assert page.goto("/mijn-bijdragen/").status == 200
        assert page.locator(".contribution", has_text=TITLE).is_visible()
        assert_no_violations(page)
