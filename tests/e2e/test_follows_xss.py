"""Every payload of `xss_payloads` as a followed search, rendered in Chromium: on the follow
form a visitor opens and in a member's “Wat je volgt”, nothing runs and nothing is injected
(the watch of test_xss_in_the_browser)."""

from urllib.parse import urlencode

import pytest
from allauth.account.models import EmailAddress

from follows.exceptions import FollowRefused
from follows.models import Follow
from follows.services import follow, member_follower
from follows.targets import resolve, search_summary
from tests.e2e.test_share_story_flow import log_in_as_member
from tests.e2e.test_xss_in_the_browser import Tab, text
from tests.factories import ContributorFactory
from tests.stories.xss_payloads import XSS_PAYLOADS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def tab(browser, live_server):
    tab = Tab(browser, live_server.url)
    yield tab
    tab.context.close()


def test_every_payload_as_a_followed_search_stays_text(tab):
    member = ContributorFactory(email="volger@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    follower = member_follower(member)
    for payload in XSS_PAYLOADS:
        try:
            target = resolve(Follow.Kind.SEARCH, urlencode({"q": payload}))
        except FollowRefused:  # too long to follow once encoded: refused, never stored
            continue
        follow(follower=follower, target=target)
    assert follower.follows.count() >= 50
    for payload in XSS_PAYLOADS[::7]:
        value = urlencode({"q": payload[:60]})
        tab.visit("/volgen/?" + urlencode({"kind": "search", "value": value}))
        assert (
            tab.page.locator(".follow-form [name=value]").input_value()
            == resolve(Follow.Kind.SEARCH, value).query
        )

    log_in_as_member(tab.page, member.email)
    tab.visit("/mijn-account/volgen/")

    shown = tab.page.locator(".follow-list__item a").all_text_contents()
    assert sorted(text(name) for name in shown) == sorted(
        text(search_summary(item.query)) for item in follower.follows.all()
    )
