"""Following a dialogue: one e-mail per newly visible reply, none for held ones, one-click stop."""

import re

import pytest
from django.urls import reverse

from dialogues.models import Reply
from dialogues.moderation import approve_reply, report_reply
from dialogues.replies import post_reply
from tests.factories import ContributorFactory

from .conftest import verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def follower(thread, editor):
    """A member who replied and asked for e-mails about new replies."""
    person = verified(ContributorFactory(email="volger@example.org"))
    reply = post_reply(thread=thread, member=person, text="Ik volg dit.", followup=True)
    approve_reply(reply=reply, editor=editor)
    return person


@pytest.fixture
def writer(thread, editor):
    """A member whose replies appear at once."""
    person = verified(ContributorFactory(email="schrijver@example.org"))
    approve_reply(reply=post_reply(thread=thread, member=person, text="Hallo"), editor=editor)
    return person


def follow_up_mails(mailoutbox):
    return [message for message in mailoutbox if "Nieuwe reactie" in message.subject]


def unsubscribe_link(message):
    return re.search(r"https?://\S+(/dialogen/afmelden/\S+/)", message.body).group(1)


def test_a_follower_gets_one_mail_per_new_visible_reply(
    thread, follower, writer, mailoutbox, committed
):
    with committed():
        post_reply(thread=thread, member=writer, text="Nieuw antwoord.")
        post_reply(thread=thread, member=writer, text="Nog een antwoord.")

    mails = follow_up_mails(mailoutbox)
    assert [mail.to for mail in mails] == [["volger@example.org"], ["volger@example.org"]]
    assert "Nieuw antwoord." in mails[0].body
    assert thread.title in mails[0].subject
    assert mails[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_link(mails[0]) in mails[0].extra_headers["List-Unsubscribe"]


def test_a_held_reply_sends_nothing_until_it_is_approved_and_then_once(
    thread, follower, member, editor, mailoutbox, committed
):
    with committed():
        held = post_reply(thread=thread, member=member, text="Eerste keer hier.")
    assert held.is_held
    assert follow_up_mails(mailoutbox) == []

    with committed():
        approve_reply(reply=held, editor=editor)
    with committed():
        # Hidden by reports and restored: not new, so no second mail.
        for number in range(3):
            report_reply(reply=held, reason="spam", ip_address=f"10.1.0.{number}")
        approve_reply(reply=Reply.objects.get(pk=held.pk), editor=editor)

    assert len(follow_up_mails(mailoutbox)) == 1


def test_the_author_of_a_reply_gets_no_mail_about_it(thread, follower, mailoutbox, committed):
    with committed():
        post_reply(thread=thread, member=follower, text="Mijn eigen aanvulling.")

    assert follow_up_mails(mailoutbox) == []


@pytest.mark.parametrize(
    ("method", "page_says", "mails"),
    [
        # The button on the page: no more e-mails.
        ("post", "Je bent afgemeld", 1),
        # Only opening the link, as mail scanners do: the page asks, the e-mails keep coming.
        ("get", "Ja, meld me af", 2),
    ],
)
def test_the_unsubscribe_link_asks_and_its_button_stops_the_mails(
    client, thread, follower, writer, mailoutbox, committed, method, page_says, mails
):
    with committed():
        post_reply(thread=thread, member=writer, text="Eerste.")
    link = unsubscribe_link(follow_up_mails(mailoutbox)[0])

    response = getattr(client, method)(link)
    with committed():
        post_reply(thread=thread, member=writer, text="Tweede.")

    assert response.status_code == 200
    assert page_says in response.content.decode()
    assert len(follow_up_mails(mailoutbox)) == mails


def test_mail_programs_can_unsubscribe_with_a_post_without_csrf_token(
    thread, follower, writer, mailoutbox, committed
):
    from django.test import Client

    with committed():
        post_reply(thread=thread, member=writer, text="Eerste.")
    link = unsubscribe_link(follow_up_mails(mailoutbox)[0])

    response = Client(enforce_csrf_checks=True).post(link, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not Reply.objects.filter(user=follower, followup=True).exists()


def test_a_damaged_unsubscribe_link_gets_a_dutch_message(client, db):
    for send in (client.get, client.post):
        response = send(reverse("unsubscribe_replies", args=["kapot"]))

        assert response.status_code == 400
        assert "Deze afmeldlink klopt niet" in response.content.decode()
