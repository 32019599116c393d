"""A member follows a theme in the browser, a story with that theme is published, the weekly
digest (a member's default) lists it, and its "Niet meer volgen" link stops the follow."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from follows.models import Digest, Follow
from stories.models import Theme
from tests.e2e.test_share_story_flow import log_in_as_member
from tests.factories import ArticlePageFactory, ContributorFactory
from tests.utils import link_path_in_mail, run_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

UNSUBSCRIBE_LINK = re.compile(r"https?://\S+/volgen/afmelden/\S+/")


def test_a_member_follows_a_theme_and_gets_the_new_story_in_the_digest(page, mailoutbox):
    member = ContributorFactory(email="volger@example.org", display_name="Noor")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    theme = Theme.objects.get(slug="pleegzorg")
    log_in_as_member(page, member.email)

    page.goto(f"/thema/{theme.slug}/")
    page.get_by_role("button", name="Volg dit thema").click()
    page.get_by_text("Je volgt dit thema").wait_for()
    assert Follow.objects.filter(follower__user=member, theme=theme).exists()

    story = ArticlePageFactory(title="Een pleeggezin dat blijft", themes=[theme])
    # Next Monday's weekly digest covers this week, when the member followed and the story
    # appeared.
    today = timezone.localdate()
    next_monday = today + datetime.timedelta(days=7 - today.weekday())
    run_command("send_digests", "--period", "weekly", "--date", next_monday.isoformat())

    [message] = [message for message in mailoutbox if member.email in message.to]
    assert message.subject == "Nieuw over Pleegzorg deze week"
    assert "Een pleeggezin dat blijft" in message.body
    assert story.url in message.body
    assert Digest.objects.filter(follower__user=member).count() == 1

    page.goto(link_path_in_mail(mailoutbox, to=member.email, pattern=UNSUBSCRIBE_LINK))
    page.get_by_role("button", name="Ja, niet meer volgen").click()
    page.get_by_text("Je volgt “Pleegzorg” niet meer.").wait_for()
    assert not Follow.objects.filter(follower__user=member, theme=theme).exists()
