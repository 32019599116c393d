"""Replying in a dialogue: members, visitors with a confirmation link, and the hold rules."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from dialogues.exceptions import ReplyRefused
from dialogues.models import BlockedWord, Reply
from dialogues.moderation import approve_reply, remove_reply
from dialogues.personal_data import erase_replies
from dialogues.replies import post_reply
from tests.factories import DialogueThreadPageFactory

from .conftest import verified

pytestmark = pytest.mark.django_db


def send_reply(client, thread, **data):
    return client.post(reverse("reply", args=[thread.pk]), data)


def confirmation_link(message):
    return re.search(r"https?://\S+/dialogen/reactie-bevestigen/\S+/", message.body).group(0)


def path_of(url):
    return "/" + url.split("/", 3)[3]


def test_a_trusted_members_reply_appears_at_once(client, thread, trusted_member):
    client.force_login(trusted_member)

    response = send_reply(client, thread, comment="Wij hielden een dagboek bij.", followup="")

    reply = Reply.objects.get(comment="Wij hielden een dagboek bij.")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#reactie-{reply.pk}")
    assert reply.is_visible
    assert reply.user == trusted_member
    page = client.get(thread.url)
    assert "Wij hielden een dagboek bij." in page.content.decode()
    assert trusted_member.public_name in page.content.decode()


def test_a_members_first_reply_is_held_until_an_editor_approves_it(client, thread, member, editor):
    client.force_login(member)
    send_reply(client, thread, comment="Mijn eerste reactie hier.")
    reply = Reply.objects.get(comment="Mijn eerste reactie hier.")
    assert reply.is_held
    assert reply.held_because == Reply.HeldBecause.NEW_AUTHOR
    client.logout()
    assert "Mijn eerste reactie hier." not in client.get(thread.url).content.decode()

    approve_reply(reply=reply, editor=editor)

    assert "Mijn eerste reactie hier." in client.get(thread.url).content.decode()


def test_the_author_sees_their_own_held_reply_with_a_notice(client, thread, member):
    client.force_login(member)
    send_reply(client, thread, comment="Wacht nog even.")

    content = client.get(thread.url).content.decode()

    assert "Wacht nog even." in content
    assert "de redactie bekijkt hem nog" in content


def test_a_visitors_reply_appears_only_after_the_confirmation_link(
    client, thread, mailoutbox, editor, committed
):
    # An earlier approved reply from this address makes the visitor known.
    known = post_reply(thread=thread, member=editor, text="Welkom!")
    Reply.objects.filter(pk=known.pk).update(user=None, user_email="sam@example.org")

    with committed():
        response = send_reply(
            client,
            thread,
            comment="Als pleegouder herken ik dit.",
            name="Sam",
            email="sam@example.org",
        )

    assert response.status_code == 302
    assert not Reply.objects.filter(comment="Als pleegouder herken ik dit.").exists()
    assert "Als pleegouder herken ik dit." not in client.get(thread.url).content.decode()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["sam@example.org"]

    link = path_of(confirmation_link(mailoutbox[0]))
    asked = client.get(link)
    assert asked.status_code == 200
    assert "Als pleegouder herken ik dit." in asked.content.decode()
    assert not Reply.objects.filter(comment="Als pleegouder herken ik dit.").exists()
    confirmed = client.post(link)

    reply = Reply.objects.get(comment="Als pleegouder herken ik dit.")
    assert confirmed.status_code == 302
    assert reply.is_visible
    assert reply.user is None and reply.user_name == "Sam"
    assert "Als pleegouder herken ik dit." in client.get(thread.url).content.decode()


def test_a_new_visitors_confirmed_reply_waits_for_the_redactie(
    client, thread, mailoutbox, committed
):
    with committed():
        send_reply(
            client, thread, comment="Hallo allemaal.", name="Noor", email="noor@example.org"
        )

    client.post(path_of(confirmation_link(mailoutbox[0])))

    reply = Reply.objects.get(comment="Hallo allemaal.")
    assert reply.is_held
    assert reply.held_because == Reply.HeldBecause.NEW_AUTHOR


def test_confirming_twice_stores_the_reply_once(client, thread, mailoutbox, committed):
    with committed():
        send_reply(client, thread, comment="Dubbel?", name="Noor", email="noor@example.org")
    link = path_of(confirmation_link(mailoutbox[0]))

    client.post(link)
    client.post(link)
    opened_again = client.get(link)

    assert Reply.objects.filter(comment="Dubbel?").count() == 1
    assert opened_again.status_code == 302
    assert opened_again["Location"] == thread.url + "#reacties"  # held: not on the page yet


def test_a_damaged_confirmation_link_gets_a_dutch_message(client, thread):
    for send in (client.get, client.post):
        response = send(reverse("confirm_reply", args=["niet-echt.abc"]))

        assert response.status_code == 400
        assert "Deze bevestigingslink klopt niet" in response.content.decode()


def test_opening_the_confirmation_link_places_nothing_and_needs_the_csrf_token(
    client, thread, mailoutbox, committed
):
    """Mail scanners open links: only the button on the page places the reply."""
    with committed():
        send_reply(client, thread, comment="Nog niet.", name="Noor", email="noor@example.org")
    link = path_of(confirmation_link(mailoutbox[0]))
    scanner = Client(enforce_csrf_checks=True)

    opened = [scanner.get(link).status_code for _ in range(3)]
    forged = scanner.post(link)

    assert opened == [200, 200, 200]
    assert forged.status_code == 403
    assert not Reply.objects.filter(comment="Nog niet.").exists()


@pytest.mark.parametrize(
    "text",
    [
        "Kijk op https://voorbeeld.nl/hulp",
        "Zie www.voorbeeld.nl",
        "Mail of kijk op jeugdhulp.nl voor meer",
    ],
)
def test_a_reply_with_a_link_is_held_even_from_a_trusted_member(
    client, thread, trusted_member, text
):
    client.force_login(trusted_member)
    send_reply(client, thread, comment=text)

    reply = Reply.objects.get(comment=text)
    assert reply.held_because == Reply.HeldBecause.LINK
    assert not reply.is_visible


def test_a_reply_with_a_word_from_the_editors_list_is_held(client, thread, trusted_member):
    BlockedWord.objects.create(word="Sukkel")
    client.force_login(trusted_member)

    send_reply(client, thread, comment="Wat een sukkel, die ambtenaar.")
    send_reply(client, thread, comment="Geen sukkelaar te zien.")

    assert Reply.objects.get(comment__startswith="Wat een").held_because == "blocked_word"
    assert Reply.objects.get(comment__startswith="Geen").is_visible


def test_links_in_a_visible_reply_are_clickable_but_nofollow(client, thread, editor):
    post_reply(
        thread=thread, member=editor, text="Lees https://voorbeeld.nl/a?b=1\n\nTweede alinea"
    )

    content = client.get(thread.url).content.decode()

    assert '<a href="https://voorbeeld.nl/a?b=1" rel="nofollow">' in content
    assert "<p>Tweede alinea</p>" in content


def test_replies_nest_and_stop_at_the_maximum_depth(client, thread, trusted_member, settings):
    client.force_login(trusted_member)
    parent = None
    for level in range(settings.HVDJ_REPLY_MAX_DEPTH):
        parent = post_reply(
            thread=thread, member=trusted_member, text=f"Niveau {level}", parent=parent
        )
    assert parent.level == settings.HVDJ_REPLY_MAX_DEPTH - 1

    response = send_reply(client, thread, comment="Nog dieper", parent=parent.pk)

    assert response.status_code == 400
    assert "Dieper dan 3 niveaus kun je niet reageren" in response.content.decode()
    assert "Nog dieper" in response.content.decode()
    assert not Reply.objects.filter(comment="Nog dieper").exists()
    assert content_has_nested_lists(client.get(thread.url).content.decode(), depth=3)


def content_has_nested_lists(content, depth):
    return content.count('class="reply-list reply-list--nested"') == depth - 1


def test_a_closed_thread_refuses_replies_clearly(client, trusted_member):
    closed = DialogueThreadPageFactory(is_closed=True)
    client.force_login(trusted_member)

    response = send_reply(client, closed, comment="Te laat?")

    assert "Deze dialoog is gesloten" in response.content.decode()
    assert "Te laat?" in response.content.decode()
    assert not Reply.objects.filter(comment="Te laat?").exists()


def test_a_reply_to_a_removed_reply_is_refused(client, thread, trusted_member, editor):
    target = post_reply(thread=thread, member=trusted_member, text="Weg ermee")
    remove_reply(reply=target, editor=editor, reason="Dubbel geplaatst.")
    client.force_login(trusted_member)

    response = send_reply(client, thread, comment="Reactie op verwijderd", parent=target.pk)

    assert "Op deze reactie kun je niet reageren" in response.content.decode()
    assert not Reply.objects.filter(comment="Reactie op verwijderd").exists()


def test_a_reply_to_a_reply_in_another_thread_is_refused(client, thread, trusted_member):
    other = DialogueThreadPageFactory()
    elsewhere = post_reply(thread=other, member=trusted_member, text="Elders")
    client.force_login(trusted_member)

    response = send_reply(client, thread, comment="Verdwaald", parent=elsewhere.pk)

    assert "bestaat niet meer" in response.content.decode()
    assert not Reply.objects.filter(comment="Verdwaald").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"comment": "   "}, "Schrijf eerst je reactie."),
        ({"comment": "x" * 3001}, "Je reactie is te lang: maximaal 3000 tekens, nu 3001."),
    ],
)
def test_empty_or_too_long_replies_get_a_dutch_message(
    client, thread, trusted_member, data, message
):
    client.force_login(trusted_member)

    response = send_reply(client, thread, **data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Reply.objects.count() == 1  # only the trusted member's first reply


def test_a_too_long_reply_is_kept_in_the_form(client, thread, trusted_member):
    client.force_login(trusted_member)
    text = "Lange reactie " * 250

    response = send_reply(client, thread, comment=text)

    assert text.strip() in response.content.decode()


def test_a_visitor_must_give_a_name_and_a_valid_address(client, thread, mailoutbox):
    response = send_reply(client, thread, comment="Goed idee", name="", email="geen-adres")

    content = response.content.decode()
    assert "Vul de naam in die bij je reactie mag staan." in content
    assert "Dit e-mailadres klopt niet." in content
    assert "Goed idee" in content
    assert mailoutbox == []


def test_the_honeypot_stops_a_bot(client, thread, mailoutbox):
    response = send_reply(
        client, thread, comment="Koop nu", name="Bot", email="bot@example.org", website="x"
    )

    assert "Dit veld moet leeg blijven." in response.content.decode()
    assert mailoutbox == []


def test_a_flood_of_replies_is_rate_limited_per_person(client, thread, trusted_member, settings):
    settings.HVDJ_REPLIES_PER_HOUR = 2
    client.force_login(trusted_member)

    for number in range(3):
        response = send_reply(client, thread, comment=f"Reactie {number}")

    assert "Je hebt het afgelopen uur al veel reacties geplaatst" in response.content.decode()
    assert "Reactie 2" in response.content.decode()
    assert not Reply.objects.filter(comment="Reactie 2").exists()


def test_a_flood_of_replies_is_rate_limited_per_ip(
    client, thread, mailoutbox, settings, committed
):
    settings.HVDJ_REPLIES_PER_HOUR_PER_IP = 2

    for number in range(3):
        with committed():
            response = send_reply(
                client, thread, comment="Hoi", name="Lid", email=f"iemand{number}@example.org"
            )

    assert "Je hebt het afgelopen uur al veel reacties geplaatst" in response.content.decode()
    assert len(mailoutbox) == 2


def test_an_unverified_member_is_asked_to_confirm_their_address(client, thread, contributor):
    client.force_login(contributor)

    page = client.get(thread.url).content.decode()
    response = send_reply(client, thread, comment="Mag ik?")

    assert "Bevestig eerst je e-mailadres" in page
    assert response.status_code == 302
    assert not Reply.objects.filter(comment="Mag ik?").exists()


def test_a_reply_to_a_draft_or_unknown_thread_is_not_found(client, trusted_member):
    client.force_login(trusted_member)

    assert client.post(reverse("reply", args=[999999]), {"comment": "x"}).status_code == 404
    assert client.get(reverse("reply", args=[999999])).status_code == 405


def test_answering_a_reply_shows_whom_you_answer(client, thread, trusted_member):
    target = Reply.objects.get(user=trusted_member)

    content = client.get(f"{thread.url}?antwoord={target.pk}").content.decode()

    assert f"Reageer op {trusted_member.public_name}" in content
    assert f'name="parent" value="{target.pk}"' in content


@pytest.mark.parametrize("value", ["abc", "-1", "9" * 40, "0"])
def test_a_strange_antwoord_parameter_is_ignored(client, thread, value):
    response = client.get(f"{thread.url}?antwoord={value}")

    assert response.status_code == 200
    assert "Reageer op deze dialoog" in response.content.decode()


def test_a_verified_second_address_of_a_member_counts(db, thread):
    # verified() is what the fixtures use; a member without it cannot reply directly.
    from tests.factories import ContributorFactory

    person = ContributorFactory()
    assert not person.emailaddress_set.exists()
    verified(person)
    assert person.emailaddress_set.get().verified


@pytest.mark.parametrize("parent", ["abc", "-5", "9" * 30, "1.5"])
def test_a_tampered_parent_gets_a_message_above_the_form(client, thread, trusted_member, parent):
    client.force_login(trusted_member)

    response = send_reply(client, thread, comment="Gewoon een reactie", parent=parent)

    assert response.status_code == 400
    assert "bestaat niet" in response.content.decode()
    assert not Reply.objects.filter(comment="Gewoon een reactie").exists()


@pytest.mark.parametrize(
    "url",
    [
        "/dialogen/reactie/99999999999999999999999/melden/",
        "/dialogen/reactie/424242/melden/",
        "/dialogen/reageren/99999999999999999999/",
    ],
)
def test_unknown_or_absurd_ids_are_not_found(client, db, url):
    assert client.get(url).status_code in (404, 405)
    assert client.post(url, {"comment": "x", "reason": "spam"}).status_code == 404


def test_a_strange_page_number_on_a_thread_shows_a_page(client, thread, editor):
    post_reply(thread=thread, member=editor, text="Hallo")

    for number in ("abc", "0", "99999999999999999999", "-1"):
        response = client.get(thread.url, {"pagina": number})
        assert response.status_code == 200
        assert "Hallo" in response.content.decode()


def test_a_reply_erased_with_its_authors_account_cannot_be_restored(thread, member, editor):
    reply = approve_reply(
        reply=post_reply(thread=thread, member=member, text="Weg"), editor=editor
    )
    erase_replies(member)

    with pytest.raises(ReplyRefused):
        approve_reply(reply=Reply.objects.get(pk=reply.pk), editor=editor)
    assert not Reply.objects.get(pk=reply.pk).is_visible


def test_the_kept_reply_fields_of_visitors_and_members_stay_apart(client, thread, trusted_member):
    """An empty form's fields are rendered once per process (the "process" cache): a member's
    page never shows a visitor's name and address fields, nor the other way round."""
    member = Client()
    member.force_login(trusted_member)
    for _round in range(2):
        visitor_page = client.get(thread.url).content.decode()
        member_page = member.get(thread.url).content.decode()
        assert 'name="email"' in visitor_page and 'name="name"' in visitor_page
        assert 'name="email"' not in member_page and 'name="name"' not in member_page
        for page in (visitor_page, member_page):
            assert 'name="comment"' in page and 'name="website"' in page
    refused = send_reply(client, thread, comment="", name="", email="")
    assert "Schrijf eerst je reactie." in refused.content.decode()
