"""Melden and Waarderen: reports hide a reply at the threshold; a child-safety report at once."""

import pytest
from django.urls import reverse

from dialogues.models import Reply, ReplyReport
from dialogues.moderation import approve_reply, report_reply
from dialogues.replies import post_reply
from tests.factories import ContributorFactory

from .conftest import verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def visible_reply(thread, editor):
    return post_reply(thread=thread, member=editor, text="Een reactie om te melden.")


def report(client, reply, reason="hurtful", note="", **extra):
    return client.post(
        reverse("report_reply", args=[reply.pk]), {"reason": reason, "note": note}, **extra
    )


def test_the_report_page_offers_every_reason_and_the_helplines(client, visible_reply):
    content = client.get(reverse("report_reply", args=[visible_reply.pk])).content.decode()

    assert "Zorgen over de veiligheid van een kind" in content
    assert "Reclame of spam" in content
    assert "0800-2000" in content


def test_a_reply_is_hidden_when_three_different_people_report_it(
    client, thread, visible_reply, settings
):
    assert settings.HVDJ_REPORT_THRESHOLD == 3
    for number in range(2):
        report(client, visible_reply, REMOTE_ADDR=f"10.0.0.{number}")
    visible_reply.refresh_from_db()
    assert visible_reply.is_visible

    response = report(client, visible_reply, REMOTE_ADDR="10.0.0.9")

    visible_reply.refresh_from_db()
    assert response.status_code == 302
    assert not visible_reply.is_visible
    assert visible_reply.held_because == Reply.HeldBecause.REPORTS
    assert "Een reactie om te melden." not in client.get(thread.url).content.decode()


def test_the_same_person_reporting_twice_counts_once(client, visible_reply):
    for _attempt in range(3):
        report(client, visible_reply, REMOTE_ADDR="10.0.0.1")

    visible_reply.refresh_from_db()
    assert visible_reply.is_visible
    assert visible_reply.reports.count() == 1


def test_members_are_counted_by_account_not_by_address(client, visible_reply):
    for _number in range(3):
        client.force_login(verified(ContributorFactory()))
        report(client, visible_reply, REMOTE_ADDR="10.0.0.1")

    visible_reply.refresh_from_db()
    assert visible_reply.held_because == Reply.HeldBecause.REPORTS


def test_a_child_safety_report_hides_at_once_mails_the_redactie_and_shows_help(
    client, thread, visible_reply, editor, mailoutbox, committed
):
    with committed():
        response = report(client, visible_reply, reason="child_safety", note="Zorgelijk verhaal.")

    content = response.content.decode()
    visible_reply.refresh_from_db()
    assert response.status_code == 200
    for help_line in ("112", "Veilig Thuis", "0800-2000", "De Kindertelefoon", "0800-0432"):
        assert help_line in content
    assert not visible_reply.is_visible
    assert visible_reply.urgent
    assert visible_reply.held_because == Reply.HeldBecause.CHILD_SAFETY
    assert [message.to for message in mailoutbox] == [[editor.email]]
    assert "Spoed" in mailoutbox[0].subject
    assert "Zorgelijk verhaal." in mailoutbox[0].body


def test_approving_a_reported_reply_closes_its_reports(thread, visible_reply, editor):
    for number in range(3):
        report_reply(reply=visible_reply, reason="spam", ip_address=f"10.0.1.{number}")

    approve_reply(reply=visible_reply, editor=editor)

    visible_reply.refresh_from_db()
    assert visible_reply.is_visible
    assert ReplyReport.objects.filter(handled_at__isnull=True).count() == 0
    # New reports start counting from zero again.
    report_reply(reply=visible_reply, reason="spam", ip_address="10.0.1.0")
    visible_reply.refresh_from_db()
    assert visible_reply.is_visible


def test_a_report_without_a_reason_gets_a_dutch_message(client, visible_reply):
    response = client.post(reverse("report_reply", args=[visible_reply.pk]), {"note": "Hm"})

    assert "Kies een reden." in response.content.decode()
    assert "Hm" in response.content.decode()


def test_reporting_a_hidden_reply_says_it_is_with_the_redactie(client, visible_reply):
    report(client, visible_reply, reason="child_safety")

    response = report(client, visible_reply, REMOTE_ADDR="10.9.9.9")

    assert response.status_code == 400
    assert "Deze reactie is al bij de redactie." in response.content.decode()


def test_reports_are_rate_limited_per_address(client, thread, editor, settings):
    settings.HVDJ_REPORTS_PER_HOUR_PER_IP = 2
    replies = [post_reply(thread=thread, member=editor, text=f"R{n}") for n in range(3)]

    responses = [report(client, reply) for reply in replies]

    assert [r.status_code for r in responses] == [302, 302, 400]
    assert "al veel meldingen gedaan" in responses[2].content.decode()


def test_an_unknown_reply_cannot_be_reported(client, db):
    assert client.get(reverse("report_reply", args=[424242])).status_code == 404


def test_a_member_likes_a_reply_and_can_take_it_back(client, thread, visible_reply, member):
    client.force_login(member)
    url = reverse("like_reply", args=[visible_reply.pk])

    client.post(url)
    liked = client.get(thread.url).content.decode()
    client.post(url)
    unliked = client.get(thread.url).content.decode()

    assert 'aria-pressed="true"' in liked
    assert '<span class="reply__likes">(1)</span>' in liked
    assert 'aria-pressed="true"' not in unliked


def test_visitors_see_the_number_of_likes_but_cannot_like(client, thread, visible_reply, member):
    client.force_login(member)
    client.post(reverse("like_reply", args=[visible_reply.pk]))
    client.logout()

    content = client.get(thread.url).content.decode()
    response = client.post(reverse("like_reply", args=[visible_reply.pk]))

    assert "1 waardering" in content
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_liking_is_a_post_only_action(client, visible_reply, member):
    client.force_login(member)

    assert client.get(reverse("like_reply", args=[visible_reply.pk])).status_code == 405


def test_a_trusted_member_is_no_longer_new_after_approval(thread, member, editor):
    first = post_reply(thread=thread, member=member, text="Een")
    approve_reply(reply=first, editor=editor)

    second = post_reply(thread=thread, member=member, text="Twee")

    assert first.held_because == "" and second.is_visible
