"""Registering for a webinar in Chromium with the keyboard alone, and axe on the webinar pages."""

import datetime

import pytest
from django.utils import timezone

from stories.models import RegistrationStatus, WebinarRegistration
from tests.e2e.test_share_story_flow import assert_no_violations
from tests.factories import WebinarPageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def upcoming(demo_site):
    return WebinarPageFactory(title="Samen leren over pleegzorg", capacity=1)


@pytest.fixture
def past(demo_site):
    start = timezone.now() - datetime.timedelta(days=3)
    return WebinarPageFactory(
        title="Terugkijken: de wijkteams",
        start=start,
        end=start + datetime.timedelta(hours=1),
        recording_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )


def tab_to(page, name, limit=80):
    """Press Tab until the field called `name` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == name:
            return
    pytest.fail(f"Tab never reached the field {name!r}")


def test_registering_for_a_webinar_works_with_the_keyboard_alone(page, upcoming, mailoutbox):
    page.goto(upcoming.url)

    tab_to(page, "name")
    page.keyboard.type("Sanne de Vries")
    page.keyboard.press("Tab")
    page.keyboard.type("sanne@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Wijkteam Noord")
    page.keyboard.press("Tab")
    page.keyboard.type("ouder")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")

    page.wait_for_url("**/aanmelden/bedankt/")
    assert page.get_by_role("heading", level=1).inner_text() == "Je bent aangemeld"
    registration = WebinarRegistration.objects.get(webinar=upcoming)
    assert (registration.name, registration.organisation, registration.role) == (
        "Sanne de Vries",
        "Wijkteam Noord",
        "ouder",
    )
    assert registration.status == RegistrationStatus.CONFIRMED
    assert [message.to for message in mailoutbox] == [["sanne@example.org"]]


def test_a_full_webinar_puts_a_keyboard_user_on_the_waiting_list(page, upcoming):
    WebinarRegistration.objects.create(
        webinar=upcoming, name="Anna", email="anna@example.org", status="aangemeld"
    )
    page.goto(upcoming.url)
    assert page.get_by_text("Vol: je komt op de wachtlijst").is_visible()

    tab_to(page, "name")
    page.keyboard.type("Bram")
    page.keyboard.press("Tab")
    page.keyboard.type("bram@example.org")
    page.get_by_role("button", name="Zet me op de wachtlijst").focus()
    page.keyboard.press("Space")

    page.wait_for_url("**/aanmelden/bedankt/")
    assert page.get_by_text("op plaats 1").is_visible()


def test_the_webinar_pages_have_no_wcag_21_aa_violations(page, upcoming, past, subtests):
    for label, url in [
        ("upcoming webinar with its form", upcoming.url),
        ("past webinar with its recording", past.url),
        ("webinar index", "/webinars/"),
    ]:
        with subtests.test(page=label):
            assert page.goto(url).status == 200
            assert_no_violations(page)

    with subtests.test(page="form with errors"):
        page.goto(upcoming.url)
        page.get_by_label("Je naam").fill("Sanne")
        page.get_by_label("Je e-mailadres").fill("sanne@")
        page.get_by_role("button", name="Meld je aan").click()
        page.wait_for_load_state()
        summary = page.get_by_role("alert")
        assert summary.get_by_role("link", name="Dit e-mailadres klopt niet").is_visible()
        assert page.locator("#id_email").evaluate("e => e.getAttribute('aria-invalid')") == "true"
        assert_no_violations(page)

    with subtests.test(page="thanks and cancel"):
        page.get_by_label("Je e-mailadres").fill("sanne@example.org")
        page.get_by_role("button", name="Meld je aan").click()
        page.wait_for_url("**/aanmelden/bedankt/")
        assert_no_violations(page)
        token = WebinarRegistration.objects.get(webinar=upcoming).token
        assert page.goto(f"/webinars/afmelden/{token}/").status == 200
        assert_no_violations(page)
