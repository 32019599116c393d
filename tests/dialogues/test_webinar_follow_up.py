"""Editors open a follow-up dialogue for a webinar that ended, from its page in the admin."""

import datetime

import pytest
from django.utils import timezone

from dialogues.models import DialogueThreadPage
from tests.factories import (
    DialogueIndexPageFactory,
    RegionFactory,
    ThemeFactory,
    WebinarPageFactory,
)


@pytest.fixture
def dialogues(home):
    return DialogueIndexPageFactory()


@pytest.fixture
def webinar(dialogues):
    """A webinar that ended yesterday, with a theme and a region."""
    start = timezone.now() - datetime.timedelta(days=1)
    page = WebinarPageFactory(
        title="Samen sterker na een uithuisplaatsing",
        start=start,
        end=start + datetime.timedelta(hours=1),
    )
    page.themes.add(ThemeFactory(name="Pleegzorg"))
    page.regions.add(RegionFactory(name="Amsterdam-Amstelland"))
    page.save_revision().publish()
    return page


def follow_up_url(webinar):
    return f"/admin/webinars/{webinar.pk}/nagesprek/"


def test_asking_for_a_follow_up_shows_a_confirmation_and_opens_nothing_yet(editor_client, webinar):
    response = editor_client.get(follow_up_url(webinar))

    assert response.status_code == 200
    assert "Nagesprek openen" in response.text
    assert not DialogueThreadPage.objects.exists()


def test_confirming_publishes_a_follow_up_dialogue_with_the_webinars_topics(
    editor_client, editor, webinar, dialogues
):
    response = editor_client.post(follow_up_url(webinar))

    thread = DialogueThreadPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{thread.pk}/edit/"
    assert thread.title == "Nagesprek: Samen sterker na een uithuisplaatsing"
    assert thread.live
    assert thread.get_parent().pk == dialogues.pk
    assert thread.webinar_id == webinar.pk
    assert thread.owner == editor
    assert [theme.name for theme in thread.themes.all()] == ["Pleegzorg"]
    assert [region.name for region in thread.regions.all()] == ["Amsterdam-Amstelland"]


def test_the_follow_up_dialogue_links_back_to_the_webinar(client, editor_client, webinar):
    editor_client.post(follow_up_url(webinar))
    thread = DialogueThreadPage.objects.get()

    response = client.get(thread.url)

    assert response.status_code == 200
    assert f'href="{webinar.url}"' in response.text


def test_the_webinar_page_links_to_its_follow_up_dialogue(client, editor_client, webinar):
    editor_client.post(follow_up_url(webinar))
    thread = DialogueThreadPage.objects.get()

    response = client.get(webinar.url)

    assert f'href="{thread.url}"' in response.text
    assert "Nagesprek" in response.text


def test_a_second_click_goes_to_the_existing_follow_up_dialogue(editor_client, webinar):
    editor_client.post(follow_up_url(webinar))
    first = DialogueThreadPage.objects.get()

    response = editor_client.post(follow_up_url(webinar))

    assert DialogueThreadPage.objects.count() == 1
    assert response["Location"] == f"/admin/pages/{first.pk}/edit/"


def test_a_webinar_that_has_not_ended_gets_no_follow_up_dialogue(editor_client, dialogues):
    upcoming = WebinarPageFactory()

    response = editor_client.post(follow_up_url(upcoming), follow=True)

    assert not DialogueThreadPage.objects.exists()
    assert "nog niet afgelopen" in response.text


def test_only_the_redactie_opens_a_follow_up_dialogue(
    client, admin_user_outside_the_redactie, webinar
):
    client.force_login(admin_user_outside_the_redactie)

    response = client.post(follow_up_url(webinar))

    assert response.status_code in {302, 403}
    assert not DialogueThreadPage.objects.exists()


def test_a_past_webinars_edit_view_offers_the_follow_up_and_an_upcoming_ones_does_not(
    editor_client, webinar
):
    upcoming = WebinarPageFactory()

    past_view = editor_client.get(f"/admin/pages/{webinar.pk}/edit/")
    upcoming_view = editor_client.get(f"/admin/pages/{upcoming.pk}/edit/")

    assert follow_up_url(webinar) in past_view.text
    assert "/nagesprek/" not in upcoming_view.text


def test_a_draft_follow_up_dialogue_is_not_linked_from_the_webinar_page(client, webinar):
    thread = DialogueThreadPage(title="Nagesprek in voorbereiding", intro="Nog niet klaar.")
    thread.webinar = webinar
    DialogueIndexPageFactory.section().add_child(instance=thread)
    thread.unpublish()

    response = client.get(webinar.url)

    assert "Nagesprek in voorbereiding" not in response.text
