from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page, WorkflowState

from stories.models import ArticlePage
from tests.factories import (
    ArticleIndexPageFactory,
    ContributorFactory,
    EditorFactory,
    WebinarPageFactory,
)
from tests.samples import image_bytes
from tests.utils import CONSENT


@pytest.fixture
def member(db):
    member = ContributorFactory(display_name="Marloes")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


@pytest.fixture
def logged_in(client, member):
    ArticleIndexPageFactory()
    client.force_login(member)
    return client


def share_article(client, title="Wat ons hielp", **extra):
    client.post(
        "/deel-je-verhaal/artikel/",
        {**CONSENT, "title": title, "intro": "Kort verhaal.", "body": "Tekst.", **extra},
    )
    return ArticlePage.objects.get(title=title)


def act(page, action, **kwargs):
    page = Page.objects.get(pk=page.pk).specific
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, EditorFactory(), action, **kwargs)
    return ArticlePage.objects.get(pk=page.pk)


def revise(client, page, **data):
    return client.post(
        f"/mijn-bijdragen/{page.pk}/aanpassen/",
        {**CONSENT, "title": page.title, "intro": "Kort verhaal.", "body": "Tekst.", **data},
    )


def test_a_member_revises_after_the_redactie_asked_for_changes_and_it_goes_back(logged_in, member):
    page = share_article(logged_in)
    page = act(page, "reject", comment="Kun je de naam van de school weghalen?")

    listing = logged_in.get("/mijn-bijdragen/").content.decode()
    assert "Aanpassen gevraagd" in listing
    assert "Kun je de naam van de school weghalen?" in listing
    form = logged_in.get(f"/mijn-bijdragen/{page.pk}/aanpassen/").content.decode()
    assert 'value="Wat ons hielp"' in form

    response = revise(logged_in, page, title="Wat ons hielp (aangepast)")

    assert response.status_code == 302
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.live
    page = act(page, "approve")
    assert page.live
    assert page.title == "Wat ons hielp (aangepast)"


def test_a_change_to_a_published_story_waits_for_review_while_the_live_version_stays(
    logged_in, member
):
    page = act(share_article(logged_in), "approve")
    assert page.live

    revise(logged_in, page, title="Nieuwe titel", body="Nieuwe tekst.")

    page = ArticlePage.objects.get(pk=page.pk)
    assert page.live
    assert page.title == "Wat ons hielp"
    assert "Nieuwe tekst." not in logged_in.get(page.url).content.decode()
    assert page.workflow_in_progress
    assert "Bij de redactie" in logged_in.get("/mijn-bijdragen/").content.decode()

    page = act(page, "approve")
    assert page.title == "Nieuwe titel"
    assert "Nieuwe tekst." in logged_in.get(page.url).content.decode()


def test_a_story_under_review_cannot_be_changed_meanwhile(logged_in):
    page = share_article(logged_in)

    response = logged_in.post(f"/mijn-bijdragen/{page.pk}/aanpassen/", {"title": "Nee"})

    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object().title != "Nee"


def test_withdrawing_removes_the_page_and_its_files_and_tells_the_member(
    logged_in, member, settings, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    page = share_article(
        logged_in,
        hero_image=SimpleUploadedFile("foto.jpg", image_bytes("JPEG")),
        hero_image_alt="Foto",
    )
    page = act(page, "approve")
    assert any(Path(tmp_path).rglob("original_images/*.jpg"))  # stored under a random name

    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in.post(f"/mijn-bijdragen/{page.pk}/intrekken/")

    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()
    assert not any(path.is_file() for path in Path(tmp_path).rglob("*"))
    assert [mail.to for mail in mailoutbox] == [[member.email]]
    assert "offline gehaald" in mailoutbox[0].subject


def test_a_member_cannot_withdraw_or_change_someone_elses_story(client, logged_in):
    page = share_article(logged_in)
    other = ContributorFactory()
    EmailAddress.objects.create(user=other, email=other.email, verified=True, primary=True)
    client.force_login(other)

    assert client.post(f"/mijn-bijdragen/{page.pk}/intrekken/").status_code == 404
    assert client.get(f"/mijn-bijdragen/{page.pk}/aanpassen/").status_code == 404
    assert Page.objects.filter(pk=page.pk).exists()


def test_a_page_type_without_a_form_of_its_own_cannot_be_revised_by_its_member(logged_in, member):
    webinar = WebinarPageFactory(contributor=member)

    assert webinar.revise_url() is None
    assert logged_in.get(f"/mijn-bijdragen/{webinar.pk}/aanpassen/").status_code == 404
