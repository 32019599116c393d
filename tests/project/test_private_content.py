"""What must never be reachable without the right login: drafts, private pages, the files of
stories that are not published yet, and other members' stories."""

import importlib
from pathlib import PurePath

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import hartvoordejeugd.urls
from tests.dialogues.conftest import verified
from tests.factories import ArticlePageFactory, ContributorFactory, ImageFactory, ThemeFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def member(db):
    return verified(ContributorFactory())


@pytest.fixture
def draft_with_attachment(home, member):
    """A story a member sent in, with a PDF, waiting for the redactie."""
    document = get_document_model().objects.create(
        title="Ons plan", file=ContentFile(PDF, name="ons-plan.pdf"), uploaded_by_user=member
    )
    story = ArticlePageFactory(live=False, contributor=member, attachment=document)
    return story, document


def test_a_draft_page_is_not_found(client, home):
    draft = ArticlePageFactory(live=False, title="Nog niet klaar")

    response = client.get(draft.url_path.removeprefix(home.url_path.rstrip("/")))

    assert response.status_code == 404


def test_a_page_for_logged_in_members_sends_visitors_to_the_login(client, home, member):
    page = ArticlePageFactory(title="Alleen voor leden")
    PageViewRestriction.objects.create(page=page, restriction_type="login")

    response = client.get(page.url)
    client.force_login(member)

    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
    assert client.get(page.url).status_code == 200


def statuses(client, url, *viewers):
    """The status `url` answers each viewer with: a user, or None for a visitor."""
    answers = []
    for viewer in viewers:
        client.logout()
        if viewer is not None:
            client.force_login(viewer)
        answers.append(client.get(url).status_code)
    return answers


def test_the_file_of_an_unpublished_story_is_there_only_for_its_member_and_the_redactie(
    client, draft_with_attachment, member, editor
):
    _, document = draft_with_attachment
    other_member = verified(ContributorFactory())

    assert statuses(client, document.url, None, other_member) == [404, 404]
    assert statuses(client, document.url, member, editor) == [200, 200]


def test_the_file_is_public_once_its_story_is_published(client, draft_with_attachment):
    story, document = draft_with_attachment

    story.save_revision().publish()

    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_another_members_story_cannot_be_revised_or_withdrawn(client, draft_with_attachment):
    story, _ = draft_with_attachment
    client.force_login(verified(ContributorFactory()))

    assert client.get(f"/mijn-bijdragen/{story.pk}/aanpassen/").status_code == 404
    assert client.get(f"/mijn-bijdragen/{story.pk}/controleren/").status_code == 404
    assert client.post(f"/mijn-bijdragen/{story.pk}/intrekken/").status_code == 404
    assert story.__class__.objects.filter(pk=story.pk).exists()


def test_the_data_export_holds_only_the_members_own_data(client, draft_with_attachment, member):
    other = verified(ContributorFactory(display_name="Iemand Anders"))
    client.force_login(other)

    export = client.post("/mijn-account/gegevens/")

    assert export.status_code == 200
    assert member.email not in export.text
    assert "Ons plan" not in export.text


def test_an_uploaded_image_is_stored_under_a_random_name(home):
    image = ImageFactory(file__filename="sanne-12-jaar-bij-ons-thuis.png")
    rendition = image.get_rendition("fill-160x90")
    other = ImageFactory(file__filename="sanne-12-jaar-bij-ons-thuis.png")

    for name in (image.file.name, rendition.file.name, other.file.name):
        assert "sanne" not in name
    assert image.file.name.startswith("original_images/")
    assert image.file.name.endswith(".png")
    assert len(PurePath(image.file.name).stem) >= 20
    assert image.file.name != other.file.name


@pytest.fixture
def draft_with_a_members_photo(home, member):
    """A story a member sent in with a photo of their own, waiting for the redactie."""
    photo = ImageFactory(uploaded_by_user=member)
    story = ArticlePageFactory(live=False, contributor=member, hero_image=photo)
    return story, photo.get_rendition("fill-160x90")


def test_a_members_photo_is_there_for_the_member_the_redactie_and_after_publishing_everyone(
    client, draft_with_a_members_photo, member, editor
):
    story, rendition = draft_with_a_members_photo
    other_member = verified(ContributorFactory())

    assert rendition.url.startswith("/media/private_images/")
    assert statuses(client, rendition.url, None, other_member) == [404, 404]
    assert statuses(client, rendition.url, member, editor) == [200, 200]

    story.save_revision().publish()
    client.logout()
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == rendition.file.open("rb").read()


def test_the_redactie_s_own_images_stay_plain_files(home, editor):
    image = ImageFactory(uploaded_by_user=editor)

    assert image.get_rendition("fill-160x90").url.startswith("/media/images/")


def test_a_file_not_yet_public_is_never_kept_by_a_cache_and_is_once_published(
    client, draft_with_attachment, member, editor
):
    story, document = draft_with_attachment

    for viewer in (member, editor):
        client.force_login(viewer)
        assert client.get(document.url)["Cache-Control"] == "private, no-store"
    story.save_revision().publish()
    client.logout()
    assert "no-store" not in client.get(document.url).get("Cache-Control", "")


def test_a_members_photo_not_yet_public_is_never_kept_by_a_cache(
    client, draft_with_a_members_photo, member
):
    story, rendition = draft_with_a_members_photo
    client.force_login(member)

    assert client.get(rendition.url)["Cache-Control"] == "private, no-store"
    story.save_revision().publish()
    assert "no-store" not in client.get(rendition.url)["Cache-Control"]


def test_a_document_in_a_private_collection_is_never_kept_by_a_cache(client, home, member):
    collection = Collection.get_first_root_node().add_child(name="Alleen voor leden")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    document = get_document_model().objects.create(
        title="Verslag", file=ContentFile(PDF, name="verslag.pdf"), collection=collection
    )
    client.force_login(member)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@pytest.fixture
def make_run_urls():
    """The URLs of `make run` (DEBUG), which serve MEDIA_URL from MEDIA_ROOT themselves."""
    try:
        with override_settings(DEBUG=True):
            importlib.reload(hartvoordejeugd.urls)
            clear_url_caches()
            yield
    finally:
        importlib.reload(hartvoordejeugd.urls)
        clear_url_caches()


def test_under_make_run_media_holds_back_the_files_of_an_unpublished_story(
    client, make_run_urls, draft_with_attachment, draft_with_a_members_photo, editor
):
    _, document = draft_with_attachment
    _, rendition = draft_with_a_members_photo
    public_rendition = ImageFactory(uploaded_by_user=editor).get_rendition("fill-160x90")

    assert client.get(f"/media/{rendition.image.file.name}").status_code == 404
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(f"/media/images/../{document.file.name}").status_code == 404
    assert client.get(rendition.url).status_code == 404
    response = client.get(public_rendition.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == public_rendition.file.open("rb").read()


def test_vergelijkbare_praktijkvoorbeelden_show_no_draft_and_no_private_story(
    client, home, member
):
    theme = ThemeFactory(name="Schoolverzuim")

    def sharing(**fields):
        page = ArticlePageFactory(live=False, intro="Thuiszitters en leerplicht.", **fields)
        page.themes.set([theme])
        return page

    page, public = sharing(title="Onze aanpak"), sharing(title="Ook openbaar")
    draft, private = sharing(title="Nog een concept"), sharing(title="Alleen voor leden")
    for story in (page, public, private):
        story.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    client.force_login(member)  # a member who may read the private story

    html = client.get(page.url).content.decode()

    assert "Vergelijkbare praktijkvoorbeelden" in html
    assert "Ook openbaar" in html
    assert draft.title not in html
    assert private.title not in html
