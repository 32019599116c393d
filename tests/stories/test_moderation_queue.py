"""The redactie's queue of submitted stories: filters, waiting times, acting from the list."""

import datetime
import html
import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from tests.factories import (
    ArticlePageFactory,
    ContributorFactory,
    RegionFactory,
    VlogPageFactory,
)
from tests.stories.test_moderation import submitted_story

QUEUE = "/admin/ingezonden-verhalen/"


def waiting_since(story, **ago):
    WorkflowState.objects.filter(object_id=str(story.pk)).update(
        created_at=timezone.now() - datetime.timedelta(**ago)
    )


def titles_in_queue(client, **params):
    response = client.get(reverse("submitted_stories"), params)
    assert response.status_code == 200
    return {
        title
        for title in ("Ons wijkteam", "Video uit Drenthe", "Lang geleden")
        if title in response.content.decode()
    }


@pytest.fixture
def queue(member):
    """An article from Utrecht of two hours, a vlog from Drenthe of three days, one of ten days."""
    utrecht, drenthe = RegionFactory(name="Utrecht Stad"), RegionFactory(name="Drenthe")
    fresh = submitted_story(member, title="Ons wijkteam")
    vlog = submitted_story(member, factory=VlogPageFactory, title="Video uit Drenthe")
    for story, region in ((fresh, utrecht), (vlog, drenthe)):
        story.regions.set([region])
        story.save()
    old = submitted_story(member, title="Lang geleden")
    waiting_since(fresh, hours=2)
    waiting_since(vlog, days=3)
    waiting_since(old, days=10)
    return {"utrecht": utrecht, "drenthe": drenthe}


@pytest.fixture
def member(db):
    return ContributorFactory(display_name="Marloes")


def test_the_filters_narrow_the_queue_by_type_region_and_waiting_time(editor_client, queue):
    everything = {"Ons wijkteam", "Video uit Drenthe", "Lang geleden"}
    assert titles_in_queue(editor_client) == everything
    assert titles_in_queue(editor_client, soort="vlogpage") == {"Video uit Drenthe"}
    assert titles_in_queue(editor_client, soort="articlepage") == {"Ons wijkteam", "Lang geleden"}
    assert titles_in_queue(editor_client, regio=queue["utrecht"].pk) == {"Ons wijkteam"}
    assert titles_in_queue(editor_client, wacht="dag") == {"Ons wijkteam"}
    assert titles_in_queue(editor_client, wacht="week") == {"Video uit Drenthe"}
    assert titles_in_queue(editor_client, wacht="langer") == {"Lang geleden"}
    assert titles_in_queue(editor_client, soort="articlepage", wacht="langer") == {"Lang geleden"}


@pytest.mark.parametrize(
    ("ago", "wording"),
    [
        ({"seconds": 5}, "net binnen"),
        ({"minutes": 5, "seconds": 10}, "wacht 5\xa0minuten"),
        ({"hours": 3, "minutes": 20}, "wacht 3\xa0uur"),
        ({"days": 2, "hours": 5}, "wacht 2\xa0dagen"),
    ],
)
def test_the_queue_says_how_long_a_story_waits_in_words(editor_client, member, ago, wording):
    story = submitted_story(member, title="Ons wijkteam")
    waiting_since(story, **ago)

    content = editor_client.get(reverse("submitted_stories")).content.decode()

    assert wording in content
    assert "wacht 0" not in content


def action_form(content, action):
    """The action URL and hidden fields of the queue's form for `action` ("approve", "reject")."""
    form = re.search(rf'<form[^>]*action="([^"]*/{action}/\d+/)"[^>]*>(.*?)</form>', content, re.S)
    assert form, f"no {action} form in the queue"
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form[2]))
    return html.unescape(form[1]), {name: html.unescape(value) for name, value in fields.items()}


def test_approving_from_the_queue_publishes_the_story_and_mails_the_member(
    editor_client, member, mailoutbox, django_capture_on_commit_callbacks
):
    story = submitted_story(member, title="Ons wijkteam")
    url, fields = action_form(editor_client.get(QUEUE).content.decode(), "approve")

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, fields)

    assert response.status_code == 302
    assert response["Location"] == QUEUE
    story.refresh_from_db()
    assert story.live
    [message] = mailoutbox
    assert message.to == [member.email]
    assert story.full_url in message.body
    assert "Ons wijkteam" not in editor_client.get(QUEUE).content.decode()


def test_requesting_changes_from_the_queue_mails_the_comment_and_shows_aanpassen_to_the_member(
    client, editor, member, mailoutbox, django_capture_on_commit_callbacks
):
    story = submitted_story(member, title="Ons wijkteam")
    client.force_login(editor)
    content = client.get(QUEUE).content.decode()
    url, fields = action_form(content, "reject")
    assert re.search(r'<textarea[^>]*name="comment"[^>]*required', content)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**fields, "comment": "Laat de naam van de school weg."})

    assert response.status_code == 302
    assert response["Location"] == QUEUE
    story.refresh_from_db()
    assert not story.live
    [message] = mailoutbox
    assert message.to == [member.email]
    assert "Laat de naam van de school weg." in message.body

    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    client.force_login(member)
    contributions = client.get("/mijn-bijdragen/").content.decode()
    assert "contribution--aanpassen" in contributions
    assert "Laat de naam van de school weg." in contributions


def test_an_article_in_the_queue_keeps_its_link_to_the_editor(editor_client, member):
    story = submitted_story(member, factory=ArticlePageFactory, title="Ons wijkteam")

    content = editor_client.get(QUEUE).content.decode()

    assert reverse("wagtailadmin_pages:edit", args=[story.pk]) in content
