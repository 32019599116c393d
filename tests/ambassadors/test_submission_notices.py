"""A story or dialogue sent in for a region tells that region's ambassadors, once, with links to
the public site only."""

import pytest
from allauth.account.models import EmailAddress

from stories.models import ArticlePage
from tests.ambassadors.factories import region_with_ambassadors
from tests.factories import ArticleIndexPageFactory, ContributorFactory, DialogueIndexPageFactory
from tests.utils import CONSENT

AMBASSADOR = "amb.twente@example.org"


@pytest.fixture
def member(db):
    member = ContributorFactory(display_name="Marloes", email="marloes.lid@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


@pytest.fixture
def logged_in(client, member, home):
    ArticleIndexPageFactory()
    DialogueIndexPageFactory()
    client.force_login(member)
    return client


def to_ambassadors(mailoutbox, *addresses):
    return [message for message in mailoutbox if set(message.to) & set(addresses)]


def share(client, region, **data):
    return client.post(
        "/deel-je-verhaal/artikel/",
        {
            **CONSENT,
            "title": "Pleegzorg in Twente",
            "intro": "Kort.",
            "body": "Tekst.",
            "region": region.pk,
            **data,
        },
    )


def test_a_story_sent_in_for_a_region_tells_its_ambassador_once(
    logged_in, django_capture_on_commit_callbacks, mailoutbox
):
    region, _ambassadors = region_with_ambassadors(AMBASSADOR)

    with django_capture_on_commit_callbacks(execute=True):
        response = share(logged_in, region)

    assert response.status_code == 302
    (message,) = to_ambassadors(mailoutbox, AMBASSADOR)
    assert "Pleegzorg in Twente" in message.subject
    assert "Pleegzorg in Twente" in message.body
    assert "Twente" in message.body
    assert "Marloes" in message.body
    assert "wordt nu beoordeeld door de redactie" in message.body
    assert f"/regio/{region.slug}/" in message.body
    story = ArticlePage.objects.get()
    assert story.slug not in message.body
    assert "/admin/" not in message.body
    assert "marloes.lid@example.org" not in message.body

    with django_capture_on_commit_callbacks(execute=True):
        story.get_latest_revision_as_object().save_revision(user=story.contributor)

    assert len(to_ambassadors(mailoutbox, AMBASSADOR)) == 1


def test_a_dialogue_sent_in_for_a_region_tells_its_ambassador(
    logged_in, django_capture_on_commit_callbacks, mailoutbox
):
    region, _ambassadors = region_with_ambassadors(AMBASSADOR)

    with django_capture_on_commit_callbacks(execute=True):
        logged_in.post(
            "/start-een-dialoog/",
            {"question": "Wat heb jij nodig van het wijkteam?", "region": region.pk},
        )

    (message,) = to_ambassadors(mailoutbox, AMBASSADOR)
    assert "Wat heb jij nodig van het wijkteam?" in message.body
    assert "dialoog" in message.body.lower()


def test_ambassadors_of_other_regions_and_those_who_opted_out_hear_nothing(
    logged_in, django_capture_on_commit_callbacks, mailoutbox
):
    twente, _ = region_with_ambassadors(AMBASSADOR)
    region_with_ambassadors("amb.utrecht@example.org", name="Utrecht")
    region_with_ambassadors("stil@example.org", name="Zeeland", notify_on_submissions=False)

    with django_capture_on_commit_callbacks(execute=True):
        share(logged_in, twente)
    zeeland = twente.__class__.objects.get(name="Zeeland")
    with django_capture_on_commit_callbacks(execute=True):
        share(logged_in, zeeland, title="Pleegzorg in Zeeland")

    assert len(to_ambassadors(mailoutbox, AMBASSADOR)) == 1
    assert not to_ambassadors(mailoutbox, "amb.utrecht@example.org", "stil@example.org")
    assert ArticlePage.objects.count() == 2


def test_a_story_without_a_region_tells_no_ambassador(
    logged_in, django_capture_on_commit_callbacks, mailoutbox
):
    region_with_ambassadors(AMBASSADOR)

    with django_capture_on_commit_callbacks(execute=True):
        logged_in.post(
            "/deel-je-verhaal/artikel/",
            {**CONSENT, "title": "Zonder regio", "intro": "Kort.", "body": "Tekst."},
        )

    assert ArticlePage.objects.filter(title="Zonder regio").exists()
    assert not to_ambassadors(mailoutbox, AMBASSADOR)
