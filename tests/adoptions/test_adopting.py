"""A member says "Wij passen dit ook toe" on a practice example; the redactie decides."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from adoptions.models import Adoption
from adoptions.services import decide
from tests.adoptions.factories import AdoptionFactory, PracticeArticleFactory
from tests.factories import ArticlePageFactory, DialogueThreadPageFactory

pytestmark = pytest.mark.django_db


def send(client, page, **fields):
    data = {"region": "", "organisation": "", "note": "", "website": "", **fields}
    return client.post(f"/toepassen/{page.pk}/", data)


def test_a_members_first_mark_waits_for_the_redactie_and_is_not_shown(
    member_client, member, practice, utrecht
):
    response = send(member_client, practice, region=utrecht.pk, organisation="Wijkteam Oost")

    assert response.status_code == 302
    assert response["Location"] == practice.url + "#toepassingen"
    adoption = Adoption.objects.get()
    assert (adoption.member, adoption.status) == (member, "pending")
    page = member_client.get(practice.url).content.decode()
    assert "De redactie bekijkt je melding" in page
    assert "Toegepast in 1 regio" not in page


def test_approved_marks_show_their_distinct_regions_and_how_many(
    client, practice, utrecht, twente, editor
):
    for region in (utrecht, twente, utrecht):
        decide(adoption=AdoptionFactory(page=practice, region=region), editor=editor, approve=True)
    AdoptionFactory(page=practice, organisation="Nog niet beoordeeld")

    page = client.get(practice.url).content.decode()

    assert "Toegepast in 2 regio&#x27;s:" in page or "Toegepast in 2 regio's:" in page
    assert page.index("Twente") < page.index("Utrecht Stad")
    assert "Nog niet beoordeeld" not in page
    assert "Log in om te laten weten dat jullie dit ook toepassen" in page


def test_a_member_with_an_approved_mark_is_shown_at_once_next_time(
    member_client, member, practice, utrecht, editor
):
    decide(adoption=AdoptionFactory(member=member), editor=editor, approve=True)

    send(member_client, practice, region=utrecht.pk, organisation="Jeugdteam Noord")

    assert Adoption.objects.get(page=practice).status == "approved"
    assert "Jeugdteam Noord" in member_client.get(practice.url).content.decode()


def test_the_form_starts_with_the_members_own_region(member_client, member, practice, twente):
    member.region = twente
    member.save()

    page = member_client.get(practice.url).content.decode()

    assert f'<option value="{twente.pk}" selected>' in page


def test_a_visitor_is_sent_to_log_in(client, practice, utrecht):
    response = send(client, practice, region=utrecht.pk, organisation="Wijkteam Oost")

    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=")
    assert not Adoption.objects.exists()


def test_one_mark_per_member_per_page(member_client, practice, utrecht):
    send(member_client, practice, region=utrecht.pk, organisation="Wijkteam Oost")
    response = send(member_client, practice, region=utrecht.pk, organisation="Een ander team")

    assert response.status_code == 400
    assert "Je hebt al laten weten dat jullie dit toepassen" in response.content.decode()
    assert Adoption.objects.count() == 1


def test_errors_show_the_form_again_with_the_input_kept(member_client, practice):
    response = send(member_client, practice, organisation="Wijkteam Oost", note="x" * 501)

    page = response.content.decode()
    assert response.status_code == 400
    assert "Kies de jeugdregio waar jullie dit toepassen." in page
    assert "Je toelichting is te lang" in page
    assert 'value="Wijkteam Oost"' in page
    assert not Adoption.objects.exists()


def test_the_privacy_guard_refuses_a_note_with_a_phone_number(member_client, practice, utrecht):
    response = send(
        member_client,
        practice,
        region=utrecht.pk,
        organisation="Wijkteam Oost",
        note="Bel de moeder op 06-12345678.",
    )

    assert response.status_code == 400
    assert "persoonsgegevens" in response.content.decode()
    assert not Adoption.objects.exists()


def test_the_honeypot_refuses_a_bot(member_client, practice, utrecht):
    response = send(
        member_client, practice, region=utrecht.pk, organisation="Spam", website="http://x"
    )

    assert response.status_code == 400
    assert not Adoption.objects.exists()


def test_a_member_withdraws_their_mark(member_client, member, practice, editor):
    decide(adoption=AdoptionFactory(page=practice, member=member), editor=editor, approve=True)

    response = member_client.post(f"/toepassen/{practice.pk}/intrekken/")

    assert response.status_code == 302
    assert not Adoption.objects.exists()


@pytest.mark.parametrize("kind", ["draft", "private", "dialogue", "no practice"])
def test_no_mark_on_a_page_that_is_not_a_public_practice_example(
    member_client, home, utrecht, kind
):
    if kind == "draft":
        page = PracticeArticleFactory(live=False)
    elif kind == "private":
        page = PracticeArticleFactory()
        page.view_restrictions.create(restriction_type="login")
    elif kind == "dialogue":
        page = DialogueThreadPageFactory(practice_aim="Samen werken")
    else:
        page = ArticlePageFactory()

    response = send(member_client, page, region=utrecht.pk, organisation="Wijkteam Oost")

    assert response.status_code == 404
    assert not Adoption.objects.exists()


def queries_of(client, url):
    client.get(url)  # renditions, site root paths and the like are made once
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_story_page_costs_the_same_queries_for_one_or_ten_marks(
    client, member, practice, editor, signed_in
):
    if signed_in:
        client.force_login(member)
    AdoptionFactory(page=practice, status="approved")
    one = queries_of(client, practice.url)
    AdoptionFactory.create_batch(9, page=practice, status="approved")

    assert queries_of(client, practice.url) == one


@pytest.mark.parametrize("page_id", ["9" * 19, "9" * 40])
def test_an_absurd_page_number_is_a_404(member_client, home, page_id):
    for path in (f"/toepassen/{page_id}/", f"/toepassen/{page_id}/intrekken/"):
        assert member_client.post(path).status_code == 404, path
