"""Whatever members type as organisation or note reaches pages as text, never as markup: on the
story page, the region page, the form shown again and the redactie's list."""

import math

import pytest

from adoptions.models import Adoption
from adoptions.templatetags import adoption_tags
from tests.adoptions.factories import AdoptionFactory
from tests.sharing.test_submitted_text_is_inert import dangers_in
from tests.stories.xss_payloads import XSS_PAYLOADS

pytestmark = pytest.mark.django_db


@pytest.fixture
def marked(practice, utrecht):
    for payload in XSS_PAYLOADS:
        AdoptionFactory(
            page=practice,
            region=utrecht,
            organisation=payload[:150],
            note=f"Toelichting: {payload}",
            status="approved",
        )
    return practice


def test_at_least_fifty_payloads_are_inert_on_the_story_page(client, marked):
    assert len(XSS_PAYLOADS) >= 50

    html = client.get(marked.url).content.decode()

    assert html.count('class="adoptions__item"') == len(XSS_PAYLOADS)
    assert dangers_in(html) == []


def test_payloads_are_inert_on_the_region_page(client, marked, utrecht, monkeypatch):
    monkeypatch.setattr(adoption_tags, "REGION_PAGE_ITEMS", len(XSS_PAYLOADS))

    html = client.get(f"/regio/{utrecht.slug}/").content.decode()

    assert html.count('class="adoptions__item"') == len(XSS_PAYLOADS)
    assert dangers_in(html) == []


def test_payloads_are_inert_in_the_redactie_list(editor_client, marked):
    Adoption.objects.update(status="pending")
    markup = [payload for payload in XSS_PAYLOADS if "<" in payload]

    pages = [
        editor_client.get("/admin/toepassingen/", {"p": number}).content.decode()
        for number in range(1, math.ceil(len(XSS_PAYLOADS) / 50) + 1)
    ]

    html = "".join(pages)
    assert html.count("Goedkeuren</button>") == len(XSS_PAYLOADS)
    for payload in markup:
        assert payload[:150] not in html, payload


def test_payloads_are_inert_in_the_form_shown_again(member_client, practice, subtests):
    for payload in XSS_PAYLOADS:
        with subtests.test(payload=payload):
            response = member_client.post(
                f"/toepassen/{practice.pk}/",
                {"region": "", "organisation": payload[:150], "note": payload},
            )
            assert response.status_code == 400
            assert dangers_in(response.content.decode()) == []
    assert not Adoption.objects.exists()
