"""Only the methods the site uses reach its views: TRACE and unknown methods get 405 and
OPTIONS a bodiless answer with Allow, on every kind of URL."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.factories import ArticlePageFactory, ImageFactory, UserFactory
from tests.samples import PDF


@pytest.fixture
def urls(home):
    """One URL of each kind: pages, search, a document, a member's photo, the admin login."""
    member = UserFactory()
    document = get_document_model().objects.create(
        title="Ons plan", file=ContentFile(PDF, name="ons-plan.pdf")
    )
    photo = ImageFactory(uploaded_by_user=member)
    story = ArticlePageFactory(title="Samen naar school", attachment=document, hero_image=photo)
    return {
        "home": "/",
        "story": story.url,
        "search": "/zoeken/?q=school",
        "document": document.url,
        "photo": photo.get_rendition("fill-160x90").url,
        "admin login": "/admin/login/",
    }


KINDS = pytest.mark.parametrize(
    "kind", ["home", "story", "search", "document", "photo", "admin login"]
)


@KINDS
def test_trace_and_unknown_methods_get_405_without_a_body(client, urls, kind):
    url = urls[kind]
    assert client.get(url).status_code in {200, 302}

    for method in ("TRACE", "PROPFIND", "BREW"):
        response = client.generic(method, url)
        assert response.status_code == 405, method
        assert response.content == b""
        assert "GET" in response["Allow"]


@KINDS
def test_options_gets_a_bodiless_answer_that_names_the_allowed_methods(client, urls, kind):
    response = client.options(urls[kind])

    assert response.status_code == 200
    assert response.content == b""
    assert response["Allow"].split(", ")[:4] == ["GET", "HEAD", "POST", "OPTIONS"]


def test_a_public_page_refuses_put_patch_and_delete(client, urls):
    for method in ("PUT", "PATCH", "DELETE"):
        assert client.generic(method, urls["story"]).status_code == 405
