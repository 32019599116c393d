"""In Chromium: sending a story, going Back and sending the restored form again shares it once."""

import pytest
from allauth.account.models import EmailAddress

from stories.models import ArticlePage
from tests.e2e.test_share_story_flow import TITLE, fill_in_article, log_in_as_member
from tests.factories import ArticleIndexPageFactory, ContributorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def tab(browser, live_server):
    """A tab of its own on the live server, without the demo content (none is needed)."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    yield context.new_page()
    context.close()


def test_back_then_send_again_on_the_share_form_shares_the_story_once(tab):
    ArticleIndexPageFactory()
    member = ContributorFactory(email="lid@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    log_in_as_member(tab, member.email)
    tab.goto("/deel-je-verhaal/artikel/")
    fill_in_article(tab, intro="Hoe een vaste kookavond ons gezin rust gaf.")
    tab.get_by_role("button", name="Insturen naar de redactie").click()
    tab.wait_for_url("**/mijn-bijdragen/")

    tab.go_back()
    tab.wait_for_url("**/deel-je-verhaal/artikel/")
    assert tab.get_by_label("Titel").input_value() == TITLE  # the browser restored the form
    tab.get_by_role("button", name="Insturen naar de redactie").click()
    tab.wait_for_url("**/mijn-bijdragen/")

    assert "al verstuurd" in tab.locator(".messages").inner_text()
    assert ArticlePage.objects.filter(title=TITLE).count() == 1
