"""Registering for webinars: seats, the waiting list, cancelling, privacy and the admin list."""

import csv
import datetime
import io
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone
from icalendar import Calendar
from wagtail.documents.models import Document

from accounts.services import delete_member, export_member_data
from demo.media import make_video
from stories.models import RegistrationStatus, WebinarRegistration
from tests.factories import ContributorFactory, WebinarPageFactory
from tests.utils import run_command
from webinars.registrations import (
    RegistrationRefused,
    cancel,
    fill_free_seats_of,
    register,
    waiting_position,
)

ONLINE_LINK = "https://meet.example.org/geheim-alleen-voor-deelnemers"
CANCEL_LINK = re.compile(r"https?://\S+/webinars/afmelden/[\w-]+/")


@pytest.fixture
def webinar(home):
    """An upcoming webinar with two seats and a secret meeting link."""
    return WebinarPageFactory(
        title="Samen sterker na een uithuisplaatsing", capacity=2, online_link=ONLINE_LINK
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the e-mails) at the end of the `with` block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def sign_up(webinar, name, *, email=None):
    return register(webinar=webinar, name=name, email=email or f"{name.lower()}@example.org")


def past_webinar(**fields):
    start = timezone.now() - datetime.timedelta(days=2)
    return WebinarPageFactory(start=start, end=start + datetime.timedelta(hours=1), **fields)


def registration_url(webinar):
    return f"{webinar.url}aanmelden/"


def form_data(**fields):
    return {"name": "Sanne", "email": "sanne@example.org", **fields}


def calendar_attached_to(message):
    [part] = [
        part for part in message.message().walk() if part.get_content_type() == "text/calendar"
    ]
    assert part.get_param("method") == "PUBLISH"
    return Calendar.from_ical(part.get_payload(decode=True))


def cancel_path(message):
    return CANCEL_LINK.search(message.body).group().split("testserver", 1)[-1]


# --- Seats and the waiting list ---------------------------------------------------------------


def test_a_free_seat_confirms_the_registration(webinar):
    registration = sign_up(webinar, "Sanne")

    assert registration.status == RegistrationStatus.CONFIRMED
    assert waiting_position(registration) is None


def test_the_confirmation_mail_holds_the_link_the_time_in_amsterdam_and_a_cancel_link(
    webinar, committed, mailoutbox
):
    webinar.start = datetime.datetime(2030, 1, 15, 18, 30, tzinfo=datetime.UTC)
    webinar.end = webinar.start + datetime.timedelta(hours=1)
    webinar.save()
    with committed():
        sign_up(webinar, "Sanne")

    [message] = mailoutbox
    assert message.to == ["sanne@example.org"]
    assert "Je bent aangemeld" in message.subject
    assert ONLINE_LINK in message.body
    assert "dinsdag 15 januari 2030, 19:30–20:30" in message.body
    assert CANCEL_LINK.search(message.body)
    [event] = calendar_attached_to(message).events
    assert event["SUMMARY"] == webinar.title
    assert event["LOCATION"] == ONLINE_LINK
    assert event.start == webinar.start


def test_people_beyond_the_capacity_go_on_the_waiting_list_in_order(webinar):
    sign_up(webinar, "Anna")
    sign_up(webinar, "Bram")
    third = sign_up(webinar, "Chris")
    fourth = sign_up(webinar, "Dewi")

    assert [third.status, fourth.status] == [RegistrationStatus.WAITING] * 2
    assert [waiting_position(third), waiting_position(fourth)] == [1, 2]


def test_the_waiting_list_mail_gives_the_place_and_no_meeting_link(webinar, committed, mailoutbox):
    sign_up(webinar, "Anna")
    sign_up(webinar, "Bram")
    with committed():
        sign_up(webinar, "Chris")

    [message] = mailoutbox
    assert "wachtlijst" in message.subject
    assert "op plaats 1" in message.body
    assert ONLINE_LINK not in message.body
    assert not message.attachments
    assert CANCEL_LINK.search(message.body)


def test_a_webinar_without_a_capacity_seats_everyone(home):
    webinar = WebinarPageFactory(capacity=None)

    registrations = [sign_up(webinar, f"Deelnemer{number}") for number in range(5)]

    assert {registration.status for registration in registrations} == {
        RegistrationStatus.CONFIRMED
    }


def test_a_full_webinar_page_says_you_go_on_the_waiting_list(client, webinar):
    response = client.get(webinar.url)
    assert "Nog 2 plaatsen vrij" in response.text
    sign_up(webinar, "Anna")
    sign_up(webinar, "Bram")

    response = client.get(webinar.url)

    assert "Vol: je komt op de wachtlijst" in response.text
    assert "Zet me op de wachtlijst" in response.text


def test_registering_through_the_form_leads_to_the_thanks_page(client, webinar):
    response = client.post(registration_url(webinar), form_data(organisation="Wijkteam Noord"))

    assert response.status_code == 302
    assert response["Location"] == f"{webinar.url}aanmelden/bedankt/"
    thanks = client.get(response["Location"])
    assert "Je bent aangemeld" in thanks.text
    registration = WebinarRegistration.objects.get()
    assert registration.organisation == "Wijkteam Noord"


def test_the_thanks_page_of_a_full_webinar_gives_the_place_on_the_waiting_list(client, webinar):
    sign_up(webinar, "Anna")
    sign_up(webinar, "Bram")
    sign_up(webinar, "Chris")

    response = client.post(registration_url(webinar), form_data(), follow=True)

    assert "Je staat op de wachtlijst, op plaats 2" in response.text


def test_the_thanks_page_without_a_registration_goes_back_to_the_webinar(client, webinar):
    response = client.get(f"{webinar.url}aanmelden/bedankt/")

    assert response.status_code == 302
    assert response["Location"] == webinar.url


# --- Cancelling and promotion -----------------------------------------------------------------


def test_a_cancelled_seat_goes_to_the_first_on_the_waiting_list_who_is_told(
    webinar, committed, mailoutbox
):
    anna = sign_up(webinar, "Anna")
    sign_up(webinar, "Bram")
    chris = sign_up(webinar, "Chris")
    dewi = sign_up(webinar, "Dewi")

    with committed():
        [promoted] = cancel(registration=anna)

    chris.refresh_from_db()
    dewi.refresh_from_db()
    assert promoted == chris
    assert chris.status == RegistrationStatus.CONFIRMED
    assert chris.promoted_at is not None
    assert dewi.status == RegistrationStatus.WAITING
    assert waiting_position(dewi) == 1
    assert not WebinarRegistration.objects.filter(pk=anna.pk).exists()
    [message] = mailoutbox
    assert message.to == ["chris@example.org"]
    assert "plaats vrij" in message.subject
    assert ONLINE_LINK in message.body
    [event] = calendar_attached_to(message).events
    assert event["LOCATION"] == ONLINE_LINK
    assert ONLINE_LINK in event["DESCRIPTION"]


def test_cancelling_a_place_on_the_waiting_list_promotes_nobody(webinar, committed, mailoutbox):
    sign_up(webinar, "Anna")
    sign_up(webinar, "Bram")
    chris = sign_up(webinar, "Chris")
    dewi = sign_up(webinar, "Dewi")

    with committed():
        assert cancel(registration=chris) == []

    dewi.refresh_from_db()
    assert dewi.status == RegistrationStatus.WAITING
    assert mailoutbox == []


def test_a_lowered_capacity_takes_no_seat_away_and_promotes_nobody_until_there_is_room(webinar):
    anna = sign_up(webinar, "Anna")
    bram = sign_up(webinar, "Bram")
    chris = sign_up(webinar, "Chris")
    webinar.capacity = 1
    webinar.save()

    assert cancel(registration=anna) == []
    bram.refresh_from_db()
    chris.refresh_from_db()
    assert bram.status == RegistrationStatus.CONFIRMED
    assert chris.status == RegistrationStatus.WAITING

    assert cancel(registration=bram) == [chris]


def test_a_raised_capacity_gives_the_new_seats_to_the_waiting_list(webinar):
    sign_up(webinar, "Anna")
    sign_up(webinar, "Bram")
    chris = sign_up(webinar, "Chris")
    webinar.capacity = 3
    webinar.save()

    assert fill_free_seats_of(webinar) == [chris]


def test_cancelling_twice_is_refused_with_a_dutch_message(webinar):
    anna = sign_up(webinar, "Anna")
    cancel(registration=anna)

    with pytest.raises(RegistrationRefused, match="bestaat niet meer"):
        cancel(registration=anna)


def test_opening_the_cancel_link_does_not_cancel(client, webinar, committed, mailoutbox):
    with committed():
        sign_up(webinar, "Anna")

    response = client.get(cancel_path(mailoutbox[0]))

    assert response.status_code == 200
    assert "Ja, meld me af" in response.text
    assert WebinarRegistration.objects.count() == 1


def test_the_cancel_button_cancels_and_pressing_it_again_says_it_no_longer_exists(
    client, webinar, committed, mailoutbox
):
    with committed():
        sign_up(webinar, "Anna")
    path = cancel_path(mailoutbox[0])

    first = client.post(path)
    second = client.post(path)

    assert first.status_code == 200
    assert "Je bent afgemeld" in first.text
    assert WebinarRegistration.objects.count() == 0
    assert second.status_code == 200
    assert "bestaat niet meer" in second.text


def test_a_made_up_cancel_link_is_not_found(client, webinar):
    response = client.get("/webinars/afmelden/verzonnen-token/")

    assert response.status_code == 404
    assert "bestaat niet meer" in response.text


# --- Bad input --------------------------------------------------------------------------------


def test_registering_twice_with_the_same_address_in_other_letters_is_refused(client, webinar):
    sign_up(webinar, "Sanne", email="Sanne@Example.org")

    response = client.post(
        registration_url(webinar), form_data(email="sanne@example.ORG", role="pleegouder")
    )

    assert response.status_code == 400
    assert "Met dit e-mailadres ben je al aangemeld" in response.text
    assert 'value="sanne@example.ORG"' in response.text
    assert 'value="pleegouder"' in response.text
    assert WebinarRegistration.objects.count() == 1


def test_the_same_address_in_other_letters_is_refused_by_the_domain_function(webinar):
    sign_up(webinar, "Sanne", email="sanne@example.org")

    with pytest.raises(RegistrationRefused, match="al aangemeld"):
        sign_up(webinar, "Sanne", email="SANNE@example.org")


def test_a_bad_address_gets_a_dutch_message_and_keeps_the_input(client, webinar):
    response = client.post(
        registration_url(webinar), form_data(email="sanne@", organisation="GGD")
    )

    assert response.status_code == 400
    assert "Dit e-mailadres klopt niet" in response.text
    assert 'value="Sanne"' in response.text
    assert 'value="GGD"' in response.text
    assert WebinarRegistration.objects.count() == 0


def test_many_registrations_from_one_address_are_refused_with_the_input_kept(
    client, home, settings
):
    settings.HVDJ_REGISTRATIONS_PER_HOUR_PER_IP = 2
    webinar = WebinarPageFactory(capacity=None)
    for name in ("Anna", "Bram"):
        client.post(registration_url(webinar), form_data(name=name, email=f"{name}@example.org"))

    response = client.post(registration_url(webinar), form_data(organisation="GGD"))
    other_address = client.post(
        registration_url(webinar),
        form_data(name="Cor", email="cor@example.org"),
        REMOTE_ADDR="10.1.2.3",
    )

    assert response.status_code == 429
    assert "al veel aanmeldingen" in response.text
    assert 'value="Sanne"' in response.text
    assert 'value="GGD"' in response.text
    assert other_address.status_code == 302
    assert sorted(webinar.registrations.values_list("name", flat=True)) == ["Anna", "Bram", "Cor"]


def test_a_past_webinar_shows_no_form_and_refuses_registrations(client, home):
    webinar = past_webinar()

    page = client.get(webinar.url)
    response = client.post(registration_url(webinar), form_data())

    assert 'action="' + registration_url(webinar) not in page.text
    assert response.status_code == 400
    assert "Dit webinar is al geweest" in response.text
    with pytest.raises(RegistrationRefused, match="al geweest"):
        sign_up(webinar, "Anna")
    assert WebinarRegistration.objects.count() == 0


def test_closed_registration_is_refused(client, home):
    webinar = WebinarPageFactory(registration_open=False)

    page = client.get(webinar.url)
    response = client.post(registration_url(webinar), form_data())

    assert "Aanmelden voor dit webinar is gesloten" in page.text
    assert response.status_code == 400
    assert "Aanmelden voor dit webinar is gesloten" in response.text
    assert WebinarRegistration.objects.count() == 0


def test_a_filled_in_honeypot_is_refused(client, webinar):
    response = client.post(registration_url(webinar), form_data(website="https://spam.example"))

    assert response.status_code == 400
    assert WebinarRegistration.objects.count() == 0


def test_registering_needs_the_csrf_token(webinar):
    client = Client(enforce_csrf_checks=True)

    response = client.post(registration_url(webinar), form_data())

    assert response.status_code == 403
    assert WebinarRegistration.objects.count() == 0


def test_opening_the_registration_route_goes_back_to_the_form(client, webinar):
    response = client.get(registration_url(webinar))

    assert response.status_code == 302
    assert response["Location"] == f"{webinar.url}#aanmelden"


# --- The meeting link stays private -----------------------------------------------------------


def test_the_meeting_link_is_neither_on_the_page_nor_in_the_public_calendars(client, webinar):
    page = client.get(webinar.url)
    own_calendar = client.get(f"{webinar.url}agenda.ics")
    feed = client.get("/webinars/agenda.ics")

    assert page.status_code == own_calendar.status_code == feed.status_code == 200
    assert ONLINE_LINK not in page.text
    assert ONLINE_LINK.encode() not in own_calendar.content
    assert ONLINE_LINK.encode() not in feed.content
    assert b"geheim" not in feed.content


# --- After the event --------------------------------------------------------------------------


def document(title, content, filename):
    return Document.objects.create(title=title, file=ContentFile(content, name=filename))


def test_a_past_webinar_shows_its_recording_file_and_slides(client, home):
    recording = document("Opname", make_video(1, "mp4"), "opname.mp4")
    slides = document("Presentatie", b"%PDF-1.4\n%%EOF\n", "presentatie.pdf")
    webinar = past_webinar(recording_file=recording, slides=slides)

    response = client.get(webinar.url)

    assert '<video class="media__video" controls preload="metadata">' in response.text
    assert f'src="{recording.url}"' in response.text
    assert f'href="{slides.url}"' in response.text
    assert "Download de presentatie" in response.text


def test_a_past_webinar_loads_a_youtube_recording_only_on_request(client, home):
    webinar = past_webinar(recording_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")

    response = client.get(webinar.url)

    assert "data-video-embed" in response.text
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' in response.text
    assert "<iframe" not in response.text


def test_a_past_webinar_links_to_a_recording_elsewhere(client, home):
    webinar = past_webinar(recording_url="https://video.example.org/opname-42")

    response = client.get(webinar.url)

    assert 'href="https://video.example.org/opname-42"' in response.text
    assert "data-video-embed" not in response.text


def test_an_upcoming_webinar_does_not_show_its_recording_yet(client, home):
    webinar = WebinarPageFactory(recording_url="https://video.example.org/opname-42")

    response = client.get(webinar.url)

    assert "opname-42" not in response.text


# --- Privacy ----------------------------------------------------------------------------------


@override_settings(HVDJ_WEBINAR_REGISTRATION_RETENTION_DAYS=30)
def test_the_retention_command_deletes_only_registrations_of_webinars_that_ended_long_ago(home):
    long_ago = past_webinar()
    recent = past_webinar()
    upcoming = WebinarPageFactory()
    for webinar in (long_ago, recent, upcoming):
        WebinarRegistration.objects.create(
            webinar=webinar, name="Anna", email="anna@example.org", status="aangemeld"
        )
    long_ago.end = timezone.now() - datetime.timedelta(days=31)
    long_ago.start = long_ago.end - datetime.timedelta(hours=1)
    long_ago.save()
    recent.end = timezone.now() - datetime.timedelta(days=29)
    recent.start = recent.end - datetime.timedelta(hours=1)
    recent.save()

    output = run_command("forget_webinar_registrations")

    assert "1 aanmeldingen gewist" in output
    assert set(WebinarRegistration.objects.values_list("webinar", flat=True)) == {
        recent.pk,
        upcoming.pk,
    }


def test_a_new_registration_also_forgets_old_ones(home, webinar):
    old = past_webinar()
    WebinarRegistration.objects.create(
        webinar=old, name="Anna", email="anna@example.org", status="aangemeld"
    )
    old.end = timezone.now() - datetime.timedelta(days=400)
    old.start = old.end - datetime.timedelta(hours=1)
    old.save()

    sign_up(webinar, "Bram")

    assert list(WebinarRegistration.objects.values_list("name", flat=True)) == ["Bram"]


def verified_member(email):
    member = ContributorFactory(email=email)
    EmailAddress.objects.create(user=member, email=email, verified=True, primary=True)
    return member


def test_a_members_data_export_holds_their_registrations_under_a_verified_address(webinar):
    member = verified_member("sanne@example.org")
    sign_up(webinar, "Sanne", email="Sanne@example.org")
    sign_up(webinar, "Someone", email="someone@example.org")

    [exported] = export_member_data(member=member)["webinar_registrations"]

    assert exported["webinar"] == webinar.title
    assert exported["email"] == "Sanne@example.org"


def test_deleting_an_account_cancels_its_registrations_and_hands_on_the_seat(webinar):
    member = verified_member("sanne@example.org")
    sign_up(webinar, "Sanne", email="sanne@example.org")
    sign_up(webinar, "Bram")
    chris = sign_up(webinar, "Chris")

    delete_member(member=member, keep_stories=False)

    chris.refresh_from_db()
    assert not WebinarRegistration.objects.filter(email="sanne@example.org").exists()
    assert chris.status == RegistrationStatus.CONFIRMED


# --- The admin --------------------------------------------------------------------------------


def test_an_editor_exports_the_registrations_of_one_webinar_as_csv(editor_client, webinar, home):
    other = WebinarPageFactory(title="Een ander webinar")
    sign_up(webinar, "Anna")
    register(
        webinar=webinar,
        name="Bram",
        email="bram@example.org",
        organisation="Wijkteam Zuid",
        role="jeugdprofessional",
    )
    sign_up(webinar, "Chris")
    sign_up(other, "Dewi")

    response = editor_client.get("/admin/aanmeldingen/", {"webinar": webinar.pk, "export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[1:6] for row in rows[1:]] == [
        ["Anna", "anna@example.org", "", "", "aangemeld"],
        ["Bram", "bram@example.org", "Wijkteam Zuid", "jeugdprofessional", "aangemeld"],
        ["Chris", "chris@example.org", "", "", "wachtlijst"],
    ]
    assert {row[0] for row in rows[1:]} == {webinar.title}


def test_an_editor_sees_the_registrations_of_a_webinar_in_the_admin(editor_client, webinar):
    sign_up(webinar, "Anna")

    response = editor_client.get("/admin/aanmeldingen/", {"webinar": webinar.pk})

    assert response.status_code == 200
    assert "anna@example.org" in response.text


def test_someone_outside_the_redactie_cannot_see_or_export_registrations(
    client, admin_user_outside_the_redactie, webinar
):
    sign_up(webinar, "Anna")
    client.force_login(admin_user_outside_the_redactie)

    listing = client.get("/admin/aanmeldingen/")
    export = client.get("/admin/aanmeldingen/", {"export": "csv"})

    assert listing.status_code in {302, 403}
    assert export.status_code in {302, 403}
    assert b"anna@example.org" not in listing.content + export.content


def test_the_webinar_edit_view_links_to_its_registrations_with_the_count(editor_client, webinar):
    sign_up(webinar, "Anna")
    sign_up(webinar, "Bram")

    response = editor_client.get(f"/admin/pages/{webinar.pk}/edit/")

    assert response.status_code == 200
    assert "Aanmeldingen (2)" in response.text
    assert f"/admin/aanmeldingen/?webinar={webinar.pk}" in response.text


# --- Concurrency ------------------------------------------------------------------------------


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: run with DATABASE_URL=postgres://...",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_people_taking_the_last_seat_at_the_same_moment_exactly_one_gets_it():
    people = 8
    webinar = WebinarPageFactory(capacity=2)
    register(webinar=webinar, name="Anna", email="anna@example.org")
    start_together = threading.Barrier(people)

    def take_the_last_seat(number):
        try:
            start_together.wait()
            return register(webinar=webinar, name=f"P{number}", email=f"p{number}@example.org")
        finally:
            connection.close()  # each thread has its own connection

    with ThreadPoolExecutor(max_workers=people) as pool:
        registrations = list(pool.map(take_the_last_seat, range(people)))

    statuses = sorted(registration.status for registration in registrations)
    assert statuses == [RegistrationStatus.CONFIRMED] + [RegistrationStatus.WAITING] * (people - 1)
    assert WebinarRegistration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 2
    waiting = WebinarRegistration.objects.filter(status=RegistrationStatus.WAITING)
    assert sorted(waiting_position(registration) for registration in waiting) == list(
        range(1, people)
    )


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: run with DATABASE_URL=postgres://...",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_address_sent_twice_at_the_same_moment_is_registered_once():
    attempts = 6
    webinar = WebinarPageFactory(capacity=10)
    start_together = threading.Barrier(attempts)

    def register_sanne(_number):
        try:
            start_together.wait()
            register(webinar=webinar, name="Sanne", email="sanne@example.org")
        except RegistrationRefused:
            return "refused"
        finally:
            connection.close()
        return "registered"

    with ThreadPoolExecutor(max_workers=attempts) as pool:
        outcomes = sorted(pool.map(register_sanne, range(attempts)))

    assert outcomes == ["refused"] * (attempts - 1) + ["registered"]
    assert WebinarRegistration.objects.count() == 1
