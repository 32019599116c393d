"""The images and documents endpoints of the read API: only files everyone may see, never the
address of a private one."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from api.views import IMAGE_RENDITION
from tests.dialogues.conftest import verified
from tests.factories import ArticlePageFactory, ContributorFactory, EditorFactory, ImageFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
IMAGES = "/api/v2/images/"
DOCUMENTS = "/api/v2/documents/"
# Site, view and collection restrictions, count, files, tags and renditions.
FILES_QUERY_BUDGET = 7


def listed_ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def pdf(title, **kwargs):
    return get_document_model().objects.create(
        title=title, file=ContentFile(PDF, name=f"{title}.pdf"), **kwargs
    )


@pytest.fixture
def member(db):
    return verified(ContributorFactory())


def test_a_members_photo_is_absent_until_its_story_is_published(client, home, member):
    photo = ImageFactory(uploaded_by_user=member)
    story = ArticlePageFactory(live=False, contributor=member, hero_image=photo)
    redactie_photo = ImageFactory(uploaded_by_user=EditorFactory())

    assert listed_ids(client, IMAGES) == {redactie_photo.pk}
    assert client.get(f"{IMAGES}{photo.pk}/").status_code == 404

    story.save_revision().publish()

    assert listed_ids(client, IMAGES) == {redactie_photo.pk, photo.pk}
    assert client.get(f"{IMAGES}{photo.pk}/").status_code == 200


def test_an_image_shows_a_rendition_and_not_its_original_file(client, home):
    image = ImageFactory()

    listed = client.get(IMAGES).json()["items"][0]
    detail = client.get(f"{IMAGES}{image.pk}/").json()

    for data in (listed, detail):
        assert "download_url" not in data["meta"]
        assert data["rendition"]["url"].startswith("/media/images/")
        assert image.file.name not in str(data)


def test_a_members_attachment_is_absent_and_its_address_never_shown(client, home, member):
    attachment = pdf("ons-plan", uploaded_by_user=member)
    ArticlePageFactory(live=False, contributor=member, attachment=attachment)
    published = pdf("openbaar-plan", uploaded_by_user=member)
    ArticlePageFactory(contributor=member, attachment=published)
    leaflet = pdf("folder")

    response = client.get(DOCUMENTS)

    assert {item["id"] for item in response.json()["items"]} == {published.pk, leaflet.pk}
    assert "ons-plan" not in response.text
    assert client.get(f"{DOCUMENTS}{attachment.pk}/").status_code == 404
    assert (
        client.get(f"{DOCUMENTS}{published.pk}/")
        .json()["meta"]["download_url"]
        .endswith(published.url)
    )


def test_a_document_in_a_private_collection_is_absent(client, home):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    inner = private.add_child(name="Intern/Vergaderingen")
    hidden = pdf("notulen", collection=inner)
    shown = pdf("jaarverslag")

    assert listed_ids(client, DOCUMENTS) == {shown.pk}
    assert client.get(f"{DOCUMENTS}{hidden.pk}/").status_code == 404


def test_the_image_and_document_listings_cost_the_same_queries_for_more_files(
    client, home, member, django_assert_max_num_queries
):
    def add_files(count):
        for number in range(count):
            image = ImageFactory(uploaded_by_user=member if number % 2 else None)
            image.tags.add("pleegzorg")
            image.get_rendition(IMAGE_RENDITION)  # made once, on the first request that shows it
            ArticlePageFactory(hero_image=image)
            pdf(f"folder-{count}-{number}").tags.add("folder")

    add_files(2)
    client.get("/api/v2/pages/")  # writes the new pages to the search index (conftest)
    with django_assert_max_num_queries(FILES_QUERY_BUDGET):
        assert len(client.get(IMAGES).json()["items"]) == 2
    with django_assert_max_num_queries(FILES_QUERY_BUDGET):
        assert len(client.get(DOCUMENTS).json()["items"]) == 2
    add_files(8)
    client.get("/api/v2/pages/")
    with django_assert_max_num_queries(FILES_QUERY_BUDGET):
        assert len(client.get(IMAGES).json()["items"]) == 10
    with django_assert_max_num_queries(FILES_QUERY_BUDGET):
        assert len(client.get(DOCUMENTS).json()["items"]) == 10
