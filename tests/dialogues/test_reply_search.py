"""What visitors can read in the replies is part of what search finds for a thread."""

import pytest

from dialogues.moderation import approve_reply, remove_reply
from dialogues.replies import post_reply

pytestmark = pytest.mark.django_db


def found(client, query):
    return [page.pk for page in client.get("/zoeken/", {"q": query}).context["results"]]


def test_search_finds_a_thread_by_the_text_of_a_visible_reply(client, thread, editor, committed):
    with committed():
        post_reply(thread=thread, member=editor, text="Het keukentafelgesprek hielp ons enorm.")

    assert found(client, "keukentafelgesprek") == [thread.pk]


def test_held_and_removed_replies_are_not_searchable(client, thread, member, editor, committed):
    with committed():
        held = post_reply(thread=thread, member=member, text="Over de zwemvereniging.")
    assert found(client, "zwemvereniging") == []

    with committed():
        approve_reply(reply=held, editor=editor)
    assert found(client, "zwemvereniging") == [thread.pk]

    with committed():
        remove_reply(reply=held, editor=editor, reason="Niet over het onderwerp.")
    assert found(client, "zwemvereniging") == []
