"""The redactie's queues narrow by youth region: the submitted stories and dialogues, and the
replies by their dialogue's region."""

import pytest
from django.test import Client
from django.urls import reverse

from dialogues.replies import post_reply
from tests.dialogues.conftest import verified
from tests.factories import (
    ContributorFactory,
    DialogueIndexPageFactory,
    DialogueThreadPageFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


def in_region(page, region):
    page.regions.set([region])
    page.save_revision().publish()
    return page


@pytest.fixture
def regions(home):
    return RegionFactory(name="Twente"), RegionFactory(name="Utrecht")


def test_the_reply_queue_shows_only_the_replies_in_the_chosen_regions_dialogues(
    editor_client, regions
):
    twente, utrecht = regions
    in_twente = in_region(DialogueThreadPageFactory(title="Dialoog in Twente"), twente)
    in_utrecht = in_region(DialogueThreadPageFactory(title="Dialoog in Utrecht"), utrecht)
    for thread, text in ((in_twente, "Reactie uit Twente"), (in_utrecht, "Reactie uit Utrecht")):
        post_reply(thread=thread, member=verified(ContributorFactory()), text=text)
    url = reverse("reply_moderation:index")

    everything = editor_client.get(url).text
    narrowed = editor_client.get(url, {"regio": twente.pk})

    assert "Reactie uit Twente" in everything
    assert "Reactie uit Utrecht" in everything
    assert narrowed.status_code == 200
    assert "Reactie uit Twente" in narrowed.text
    assert "Reactie uit Utrecht" not in narrowed.text
    # The tabs keep the region.
    tabs = narrowed.text.split('class="nice-padding reply-tabs"')[1].split("</nav>")[0]
    assert f"regio={twente.pk}" in tabs


def test_an_unknown_region_in_the_reply_queue_is_no_error(editor_client, regions):
    response = editor_client.get(reverse("reply_moderation:index"), {"regio": "geen-regio"})

    assert response.status_code == 200


def test_a_dialogue_sent_in_for_a_region_is_in_the_story_queue_under_that_region(
    editor_client, regions
):
    twente, utrecht = regions
    DialogueIndexPageFactory()
    member = verified(ContributorFactory())
    browser = Client()
    browser.force_login(member)
    browser.post(
        "/start-een-dialoog/",
        {"question": "Wie kent een goede gezinscoach?", "region": twente.pk},
    )
    url = reverse("submitted_stories")

    in_twente = editor_client.get(url, {"regio": twente.pk}).text
    in_utrecht = editor_client.get(url, {"regio": utrecht.pk}).text

    assert "Wie kent een goede gezinscoach?" in in_twente
    assert "Wie kent een goede gezinscoach?" not in in_utrecht
