"""The redactie's "Toepassingen" list in the Wagtail admin: see and judge every mark."""

import pytest
from django.test import Client

from adoptions.models import Adoption
from tests.adoptions.factories import AdoptionFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/toepassingen/"


@pytest.fixture
def waiting(practice, utrecht):
    return AdoptionFactory(
        page=practice, region=utrecht, organisation="Wijkteam Zuid", note="Met drie scholen."
    )


def test_the_redactie_sees_every_mark_with_page_region_organisation_and_note(
    editor_client, waiting
):
    page = editor_client.get(LIST).content.decode()

    for text in (
        "Samen aan tafel met school en wijkteam",
        "Utrecht Stad",
        "Wijkteam Zuid",
        "Met drie scholen.",
        waiting.member.public_name,
        "Wacht op de redactie",
    ):
        assert text in page, text


def test_the_list_filters_by_status(editor_client, waiting, practice):
    AdoptionFactory(page=practice, organisation="Al goedgekeurd", status="approved")

    page = editor_client.get(LIST, {"status": "approved"}).content.decode()

    assert "Al goedgekeurd" in page
    assert "Wijkteam Zuid" not in page


@pytest.fixture
def visitor():
    return Client()


def test_approving_shows_the_mark_on_the_page(editor_client, editor, waiting, practice, visitor):
    response = editor_client.post(f"{LIST}{waiting.pk}/goedkeuren/", {"next": LIST})

    assert response.status_code == 302
    assert response["Location"] == LIST
    waiting.refresh_from_db()
    assert (waiting.status, waiting.decided_by) == ("approved", editor)
    assert waiting.decided_at is not None
    assert "Wijkteam Zuid" in visitor.get(practice.url).content.decode()


def test_rejecting_keeps_the_mark_off_the_page(editor_client, waiting, practice, visitor):
    editor_client.post(f"{LIST}{waiting.pk}/afwijzen/")

    assert Adoption.objects.get().status == "rejected"
    assert "Wijkteam Zuid" not in visitor.get(practice.url).content.decode()


def test_approving_empties_the_page_cache(editor_client, waiting, practice, visitor, settings):
    settings.HVDJ_PAGE_CACHE_SECONDS = 300
    visitor.get(practice.url)
    assert visitor.get(practice.url)["X-Page-Cache"] == "hit"

    editor_client.post(f"{LIST}{waiting.pk}/goedkeuren/")

    assert "Wijkteam Zuid" in visitor.get(practice.url).content.decode()


def test_a_plain_member_or_admin_user_outside_the_redactie_may_not(
    client, member, admin_user_outside_the_redactie, waiting
):
    client.force_login(member)
    assert client.get(LIST).status_code in (302, 403)
    for user in (member, admin_user_outside_the_redactie):
        client.force_login(user)
        assert client.get(LIST).status_code in (302, 403)
        assert client.post(f"{LIST}{waiting.pk}/goedkeuren/").status_code in (302, 403)
    assert Adoption.objects.get().status == "pending"


def test_the_admin_menu_has_toepassingen_for_the_redactie(editor_client):
    assert "/admin/toepassingen/" in editor_client.get("/admin/").content.decode()


def test_the_dashboard_counts_the_marks_that_wait(editor_client, waiting, practice):
    AdoptionFactory(page=practice, status="approved")

    page = editor_client.get("/admin/").content.decode()

    assert "1 melding „Wij passen dit ook toe” wacht op de redactie" in page
    assert 'href="/admin/toepassingen/?status=pending"' in page
