"""Following in Chromium, with axe on every step: a visitor follows a theme from the shared
page (the form's tokens fetched by the browser) and confirms through the e-mailed link; a
member sees “Je volgt dit thema” and manages it under “Wat je volgt”."""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from follows.models import Follow, Follower
from tests.e2e.test_account_pages import assert_no_violations
from tests.e2e.test_share_story_flow import log_in_as_member
from tests.factories import ContributorFactory
from tests.utils import link_path_in_mail

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONFIRM_LINK = re.compile(r"https?://\S+/volgen/bevestigen/\S+/")


def test_a_visitor_follows_a_theme_and_confirms_by_the_link(page, mailoutbox):
    page.goto("/thema/pleegzorg/")
    page.locator(".follow summary").click()
    assert_no_violations(page)

    page.get_by_label("E-mailadres voor het overzicht").fill("geen-adres")
    page.get_by_role("button", name="Volg dit thema").click()
    page.get_by_text("Dit e-mailadres klopt niet").first.wait_for()
    assert_no_violations(page)

    page.get_by_label("E-mailadres voor het overzicht").fill("sam@example.org")
    page.get_by_label("Dagelijks").check()
    page.get_by_role("button", name="Volg dit thema").click()
    page.get_by_text("Bijna klaar").wait_for()
    assert not Follower.objects.filter(email="sam@example.org").exists()

    page.goto(link_path_in_mail(mailoutbox, to="sam@example.org", pattern=CONFIRM_LINK))
    assert_no_violations(page)
    page.get_by_role("button", name="Ja, bevestig").click()
    page.get_by_text("Je volgt nu “Pleegzorg”").wait_for()
    assert_no_violations(page)
    follower = Follower.objects.get(email="sam@example.org")
    assert follower.period == "daily"
    assert follower.follows.get().theme.slug == "pleegzorg"


def test_a_member_follows_and_manages_what_they_follow(page):
    member = ContributorFactory(email="volger@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    log_in_as_member(page, member.email)

    page.goto("/zoeken/?q=pleegouders")
    page.get_by_role("button", name="Volg deze zoekopdracht").click()
    page.get_by_text("Je volgt deze zoekopdracht").wait_for()
    page.goto("/thema/pleegzorg/")
    page.get_by_role("button", name="Volg dit thema").click()
    page.get_by_text("Je volgt dit thema").wait_for()
    assert_no_violations(page)

    page.goto("/mijn-account/")
    page.get_by_role("link", name="Bekijk wat je volgt").click()
    # Waits for the page the link opens: count() alone read the page before it (CI, once).
    expect(page.locator(".follow-list__item")).to_have_count(2)
    assert_no_violations(page)
    page.get_by_role("button", name="Niet meer volgen: Pleegzorg").click()
    page.get_by_text("Je volgt “Pleegzorg” niet meer.").wait_for()
    page.get_by_label("Dagelijks").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Je krijgt voortaan een dagelijks overzicht.").wait_for()
    assert_no_violations(page)
    assert list(Follow.objects.filter(follower__user=member).values_list("kind", flat=True)) == [
        "search"
    ]
    assert Follower.objects.get(user=member).period == "daily"
