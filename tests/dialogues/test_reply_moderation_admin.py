"""The redactie's reply queue in the Wagtail admin: tabs, actions, access, dashboard, word list."""

import pytest
from django.test import Client
from django.urls import reverse

from dialogues.models import BlockedWord, Reply, ReplyReport
from dialogues.moderation import approve_reply, remove_reply, report_reply
from dialogues.replies import post_reply
from tests.factories import ContributorFactory, DialogueThreadPageFactory

from .conftest import verified

pytestmark = pytest.mark.django_db

QUEUE_URL = "/admin/reacties/"
# Measured: 17 queries for a tab with rows, SQLite and PostgreSQL alike; the real guard is
# that fifty replies need no more queries than five.
QUERY_CEILING = 20
Reason = ReplyReport.Reason


def held_reply(thread, text, **member_fields):
    """A new member's first reply: held with held_because new_author."""
    member = verified(ContributorFactory(**member_fields))
    return post_reply(thread=thread, member=member, text=text)


def visible_reply(thread, text, editor, **member_fields):
    return approve_reply(reply=held_reply(thread, text, **member_fields), editor=editor)


def reporter():
    return verified(ContributorFactory())


def queue(client, status=None):
    url = QUEUE_URL if status is None else f"{QUEUE_URL}?status={status}"
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def rows(html):
    """The listing's table rows, without the header."""
    return html.split("<tbody>")[1].split("</tbody>")[0].split("<tr")[1:]


def public_page(thread):
    """The thread page as an anonymous visitor sees it."""
    return Client().get(thread.url).content.decode()


def dashboard_panel(client):
    """The HTML of the "Reacties die wachten" panel on the dashboard, or "" without one."""
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    if 'id="waiting-replies-section"' not in content:
        return ""
    return content.split('id="waiting-replies-section"')[1].split("</section>")[0]


# The tabs


def test_the_queue_lives_at_reacties_in_the_admin():
    assert reverse("reply_moderation:index") == QUEUE_URL


def test_the_held_tab_is_the_default_and_lists_the_urgent_reply_first(
    editor_client, thread, editor
):
    held_reply(thread, "Ik wacht al het langst.")
    worrying = visible_reply(thread, "Mijn buurjongen slaapt vaak buiten.", editor)
    report_reply(reply=worrying, reason=Reason.CHILD_SAFETY, member=reporter())
    visible_reply(thread, "Deze staat gewoon online.", editor)

    html = queue(editor_client)

    listed = rows(html)
    assert len(listed) == 2
    assert "Wachtend&nbsp;(2)" in html
    assert "Mijn buurjongen slaapt vaak buiten." in listed[0]
    assert "Spoed" in listed[0]
    assert "Zorgen over de veiligheid van een kind" in listed[0]
    assert "Ik wacht al het langst." in listed[1]
    assert "Nieuwe schrijver" in listed[1]
    assert "Deze staat gewoon online." not in html
    explicit = rows(queue(editor_client, "wachtend"))
    assert len(explicit) == 2
    assert "Mijn buurjongen slaapt vaak buiten." in explicit[0]


def test_a_row_shows_the_author_and_links_the_dialogue_to_its_live_page(editor_client, thread):
    held_reply(thread, "Wat een herkenbare vraag.", display_name="Marloes")

    row = rows(queue(editor_client))[0]

    assert "Marloes" in row
    assert f'href="{thread.url}"' in row
    assert thread.title in row


def test_the_text_of_a_reply_is_escaped_in_the_queue(editor_client, thread):
    held_reply(thread, "<script>alert('x')</script> Hallo")

    html = queue(editor_client)

    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Hallo" in html


def test_the_reported_tab_shows_how_many_people_reported_a_reply_and_why(
    editor_client, thread, editor
):
    reply = visible_reply(thread, "Jullie zijn allemaal dom.", editor)
    report_reply(reply=reply, reason=Reason.HURTFUL, member=reporter())
    report_reply(reply=reply, reason=Reason.SPAM, member=reporter())
    report_reply(reply=reply, reason=Reason.HURTFUL, ip_address="192.0.2.7")
    unreported = visible_reply(thread, "Niemand heeft hier iets op tegen.", editor)

    html = queue(editor_client, "gemeld")

    (row,) = rows(html)
    assert "Gemeld&nbsp;(1)" in html
    assert "Jullie zijn allemaal dom." in row
    assert "3 melders" in row
    assert "Kwetsend, discriminerend of onvriendelijk (2×)" in row
    assert "Reclame of spam" in row
    assert unreported.comment not in html


def test_the_recent_tab_lists_replies_in_every_state_newest_first(editor_client, thread, editor):
    visible_reply(thread, "De eerste, zichtbaar.", editor)
    removed = visible_reply(thread, "De tweede, verwijderd.", editor)
    remove_reply(reply=removed, editor=editor, reason="Persoonsgegevens.")
    held_reply(thread, "De derde, wacht nog.")

    listed = rows(queue(editor_client, "recent"))

    assert len(listed) == 3
    assert "De derde, wacht nog." in listed[0]
    assert ">Wacht</span>" in listed[0]
    assert "De tweede, verwijderd." in listed[1]
    assert ">Verwijderd</span>" in listed[1]
    assert "De eerste, zichtbaar." in listed[2]
    assert ">Zichtbaar</span>" in listed[2]


def test_the_removed_tab_lists_removed_replies_with_their_reason(editor_client, thread, editor):
    removed = visible_reply(thread, "Bel me op 06-12345678.", editor)
    remove_reply(reply=removed, editor=editor, reason="Er staat een telefoonnummer in.")
    visible_reply(thread, "Deze mag blijven.", editor)

    (row,) = rows(queue(editor_client, "verwijderd"))

    assert "Bel me op 06-12345678." in row
    assert "Er staat een telefoonnummer in." in row
    assert "Terugzetten" in row


def test_the_inspect_view_shows_the_whole_text_and_every_report(editor_client, thread, editor):
    long_text = "Een lang verhaal. " * 20 + "Het einde."
    reply = visible_reply(thread, long_text, editor)
    report_reply(reply=reply, reason=Reason.OTHER, note="Klopt dit wel?", member=reporter())

    html = editor_client.get(reverse("reply_moderation:inspect", args=[reply.pk])).content.decode()

    assert "Het einde." in html
    assert "Iets anders" in html
    assert "Klopt dit wel?" in html


# The actions


def test_approving_a_held_reply_puts_it_on_the_thread_page_and_returns_to_the_same_tab(
    editor_client, thread, editor
):
    reply = held_reply(thread, "Wij hielden een dagboek bij.")
    assert "Wij hielden een dagboek bij." not in public_page(thread)
    tab = f"{QUEUE_URL}?status=wachtend"

    response = editor_client.post(
        reverse("reply_moderation:approve", args=[reply.pk]), {"next": tab}
    )

    assert response.status_code == 302
    assert response["Location"] == tab
    assert "is goedgekeurd en staat nu online" in editor_client.get(tab).content.decode()
    reply.refresh_from_db()
    assert reply.is_visible
    assert reply.moderated_by == editor
    assert "Wij hielden een dagboek bij." in public_page(thread)


def test_approving_needs_a_post_request(editor_client, thread):
    reply = held_reply(thread, "Nog niet goedgekeurd.")

    response = editor_client.get(reverse("reply_moderation:approve", args=[reply.pk]))

    assert response.status_code == 405
    reply.refresh_from_db()
    assert reply.is_held


def test_keeping_a_reported_reply_closes_its_reports(editor_client, thread, editor):
    reply = visible_reply(thread, "Ik vind dat een goed idee.", editor)
    report_reply(reply=reply, reason=Reason.SPAM, member=reporter())
    assert "Laten staan" in rows(queue(editor_client, "gemeld"))[0]

    editor_client.post(reverse("reply_moderation:approve", args=[reply.pk]))

    assert not reply.reports.filter(handled_at__isnull=True).exists()
    assert "Ik vind dat een goed idee." not in queue(editor_client, "gemeld")
    assert "Ik vind dat een goed idee." in public_page(thread)


def test_removing_a_reply_asks_for_a_reason_first(editor_client, thread, editor):
    reply = visible_reply(thread, "Iets wat weg moet.", editor)
    url = reverse("reply_moderation:remove", args=[reply.pk])
    assert "Iets wat weg moet." in editor_client.get(url).content.decode()

    response = editor_client.post(url, {"reason": "   "})

    assert response.status_code == 200
    assert "Geef een reden: de schrijver krijgt die te lezen." in response.content.decode()
    reply.refresh_from_db()
    assert reply.is_visible


def test_removing_a_reply_hides_it_and_mails_the_author_the_reason(
    editor_client, thread, editor, mailoutbox, committed
):
    reply = visible_reply(thread, "Hier woont de familie Jansen.", editor)
    tab = f"{QUEUE_URL}?status=recent"

    with committed():
        response = editor_client.post(
            reverse("reply_moderation:remove", args=[reply.pk]),
            {"reason": "Je noemt een gezin bij naam.", "next": tab},
        )

    assert response.status_code == 302
    assert response["Location"] == tab
    assert "is verwijderd" in editor_client.get(tab).content.decode()
    assert "Hier woont de familie Jansen." not in public_page(thread)
    (message,) = mailoutbox
    assert message.to == [reply.user.email]
    assert "Je noemt een gezin bij naam." in message.body


def test_restoring_a_removed_reply_shows_it_on_the_thread_page_again(
    editor_client, thread, editor
):
    reply = visible_reply(thread, "Toch niet zo erg.", editor)
    remove_reply(reply=reply, editor=editor, reason="Te snel geoordeeld.")
    assert "Toch niet zo erg." not in public_page(thread)
    tab = f"{QUEUE_URL}?status=verwijderd"

    response = editor_client.post(
        reverse("reply_moderation:restore", args=[reply.pk]), {"next": tab}
    )

    assert response["Location"] == tab
    assert "is teruggezet" in editor_client.get(tab).content.decode()
    assert "Toch niet zo erg." in public_page(thread)


def test_an_action_on_a_reply_someone_else_already_judged_changes_nothing(
    editor_client, thread, editor, mailoutbox, committed
):
    reply = visible_reply(thread, "Al verwijderd door een collega.", editor)
    remove_reply(reply=reply, editor=editor, reason="Eerste reden.")

    with committed():
        editor_client.post(
            reverse("reply_moderation:remove", args=[reply.pk]), {"reason": "Tweede reden."}
        )
        editor_client.post(reverse("reply_moderation:approve", args=[reply.pk]))

    reply.refresh_from_db()
    assert reply.is_removed
    assert reply.removal_reason == "Eerste reden."
    assert mailoutbox == []


# Who may moderate


def test_a_contributor_cannot_open_the_queue_or_approve_a_reply(client, contributor, thread):
    reply = held_reply(thread, "Wacht op de redactie.")
    client.force_login(contributor)

    response = client.get(QUEUE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    client.post(reverse("reply_moderation:approve", args=[reply.pk]))

    reply.refresh_from_db()
    assert reply.is_held


def test_an_admin_user_outside_the_redactie_gets_no_queue_and_no_menu_item(
    client, admin_user_outside_the_redactie, thread
):
    reply = held_reply(thread, "Wacht op de redactie.")
    client.force_login(admin_user_outside_the_redactie)

    # Wagtail answers a refused page with a redirect to the dashboard and a message.
    for response in [
        client.get(QUEUE_URL),
        client.get(reverse("reply_moderation:inspect", args=[reply.pk])),
        client.post(reverse("reply_moderation:approve", args=[reply.pk])),
        client.get(reverse("reply_moderation:remove", args=[reply.pk])),
        client.post(reverse("reply_moderation:remove", args=[reply.pk]), {"reason": "Weg."}),
    ]:
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert "Woordenlijst" not in client.get(reverse("wagtailadmin_home")).content.decode()
    reply.refresh_from_db()
    assert reply.is_held


def test_editors_find_reacties_and_the_word_list_in_the_dialogen_menu(editor_client):
    home = editor_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Dialogen" in home
    assert QUEUE_URL in home
    assert "Woordenlijst" in home


def test_the_queue_offers_no_way_to_write_or_delete_replies(editor_client, thread):
    held_reply(thread, "Alleen beoordelen.")

    html = queue(editor_client)

    assert f"{QUEUE_URL}new/" not in html
    assert f"{QUEUE_URL}edit/" not in html
    assert f"{QUEUE_URL}delete/" not in html
    assert editor_client.get(f"{QUEUE_URL}new/").status_code == 404


# The dashboard


def test_the_dashboard_counts_the_waiting_and_the_urgent_replies(editor_client, thread, editor):
    held_reply(thread, "Eerste reactie van een nieuw lid.")
    worrying = visible_reply(thread, "Er klopt iets niet thuis bij hem.", editor)
    report_reply(reply=worrying, reason=Reason.CHILD_SAFETY, member=reporter())

    panel = dashboard_panel(editor_client)

    assert "Reacties die wachten" in panel
    assert "2 reacties wachten op de redactie" in panel
    assert "1 reactie is gemeld met zorgen over de veiligheid van een kind" in panel
    assert f'href="{QUEUE_URL}"' in panel


def test_the_dashboard_says_there_is_nothing_to_do_when_no_reply_waits(editor_client):
    assert "Niets te doen" in dashboard_panel(editor_client)


def test_the_dashboard_panel_is_only_for_the_redactie(
    client, admin_user_outside_the_redactie, thread
):
    held_reply(thread, "Wacht op de redactie.")
    client.force_login(admin_user_outside_the_redactie)

    assert dashboard_panel(client) == ""


# The word list


def test_editors_add_a_word_to_the_word_list_and_replies_with_it_wait(
    editor_client, thread, editor
):
    add_url = reverse(BlockedWord.snippet_viewset.get_url_name("add"))
    assert editor_client.get(add_url).status_code == 200

    response = editor_client.post(add_url, {"word": " Sukkel ", "note": "Scheldwoord."})

    assert response.status_code == 302
    assert BlockedWord.objects.get().word == "sukkel"
    listing = reverse(BlockedWord.snippet_viewset.get_url_name("list"))
    assert "sukkel" in editor_client.get(listing).content.decode()
    member = verified(ContributorFactory())
    first = post_reply(thread=thread, member=member, text="Mijn eerste reactie.")
    approve_reply(reply=first, editor=editor)
    reply = post_reply(thread=thread, member=member, text="Wat een SUKKEL is dat.")
    assert reply.held_because == Reply.HeldBecause.BLOCKED_WORD


# Query budget


def test_the_queue_renders_in_the_same_number_of_queries_with_5_and_50_replies(
    editor_client, editor, subtests, django_assert_max_num_queries
):
    threads = [DialogueThreadPageFactory() for _ in range(3)]

    def add_replies(count):
        for number in range(count):
            thread = threads[number % len(threads)]
            reply = visible_reply(thread, f"Reactie nummer {number}.", editor)
            report_reply(reply=reply, reason=Reason.HURTFUL, member=reporter())
            if number % 3 == 0:
                report_reply(reply=reply, reason=Reason.CHILD_SAFETY, member=reporter())
            elif number % 3 == 1:
                remove_reply(reply=reply, editor=editor, reason="Te persoonlijk.")
            held_reply(thread, f"Nieuw lid nummer {number}.")

    add_replies(5)
    before = {}
    for status in ["wachtend", "gemeld", "recent", "verwijderd"]:
        queue(editor_client, status)
        with django_assert_max_num_queries(QUERY_CEILING) as context:
            queue(editor_client, status)
        before[status] = len(context.captured_queries)

    add_replies(45)

    for status, count in before.items():
        with subtests.test(status=status):
            queue(editor_client, status)
            with django_assert_max_num_queries(QUERY_CEILING) as context:
                html = queue(editor_client, status)
            assert len(rows(html)) > 5
            assert len(context.captured_queries) == count
