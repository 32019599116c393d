"""A dialogue is a DiscussionForumPosting in its JSON-LD (dialogues.structured_data), with the
number of replies a visitor can read."""

import pytest

from dialogues.moderation import approve_reply
from dialogues.replies import post_reply
from tests.factories import ContributorFactory
from tests.project.json_ld import of_type

pytestmark = pytest.mark.django_db


def test_a_thread_is_a_discussion_posting_by_its_starter(client, thread):
    thread.contributor = ContributorFactory(display_name="Pleegmoeder Anouk")
    thread.save_revision().publish()
    thread.refresh_from_db()

    data = of_type(client.get(thread.url), "DiscussionForumPosting")

    assert data["headline"] == "Hoe praat je met je kind over een uithuisplaatsing?"
    assert data["text"] == f"{thread.intro}\n\nVertel het ons in een reactie."
    assert data["url"] == thread.get_full_url()
    assert data["datePublished"]
    assert data["author"] == {"@type": "Person", "name": "Pleegmoeder Anouk"}
    assert data["interactionStatistic"] == {
        "@type": "InteractionCounter",
        "interactionType": "https://schema.org/CommentAction",
        "userInteractionCount": 0,
    }


def test_the_reply_count_counts_a_held_reply_once_an_editor_approves_it(
    client, thread, trusted_member, member, editor
):
    def reply_count():
        data = of_type(client.get(thread.url), "DiscussionForumPosting")
        return data["interactionStatistic"]["userInteractionCount"]

    held = post_reply(thread=thread, member=member, text="Mijn eerste reactie hier.")
    assert held.is_held
    assert reply_count() == 1  # the trusted member's approved reply

    approve_reply(reply=held, editor=editor)

    assert reply_count() == 2


def test_a_thread_has_breadcrumbs_through_the_dialogues(client, thread):
    data = of_type(client.get(thread.url), "BreadcrumbList")

    names = [item["name"] for item in data["itemListElement"]]
    assert names == ["Home", thread.get_parent().title, thread.title]
