"""'Wij passen dit ook toe' in Chromium, with axe on every state: a demo practice example shows
where it is applied, a member's form refused for a missing organisation keeps what was typed,
and the mark sent waits for the redactie."""

import pytest
from allauth.account.models import EmailAddress

from adoptions.models import Adoption
from stories.models import ArticlePage
from tests.e2e.test_account_pages import assert_no_violations
from tests.e2e.test_share_story_flow import log_in_as_member
from tests.factories import ContributorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def applied_example():
    """A demo article that is a practice example with approved marks (demo/adoptions.py)."""
    pks = Adoption.objects.filter(status=Adoption.Status.APPROVED).values("page_id")
    return ArticlePage.objects.live().filter(pk__in=pks).first()


def test_a_member_says_we_apply_this_too_and_the_mark_waits_for_the_redactie(page):
    example = applied_example()
    assert example is not None, "the demo content has approved marks on an article"
    member = ContributorFactory(email="toepasser@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)

    page.goto(example.url)
    page.get_by_role("heading", name="Waar het ook werkt").wait_for()
    assert page.get_by_text("Toegepast in").count() >= 1
    assert_no_violations(page)

    log_in_as_member(page, member.email)
    page.goto(example.url)
    page.get_by_label("Jeugdregio").select_option(index=1)
    page.get_by_label("Korte toelichting").fill("Wij doen dit sinds de zomer in twee wijken.")
    page.get_by_role("button", name="Wij passen dit ook toe").click()
    page.get_by_text("Vul de naam van je organisatie in.").first.wait_for()
    assert page.get_by_label("Korte toelichting").input_value().startswith("Wij doen dit")
    assert_no_violations(page)

    page.get_by_label("Organisatie").fill("Wijkteam Oost")
    page.get_by_role("button", name="Wij passen dit ook toe").click()
    page.locator(".message--success", has_text="De redactie bekijkt je melding").wait_for()
    assert_no_violations(page)
    mark = Adoption.objects.get(member=member)
    assert (mark.organisation, mark.status) == ("Wijkteam Oost", Adoption.Status.PENDING)
