"""The region page lists what is applied there: approved marks on live public pages only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.adoptions.factories import AdoptionFactory, PracticeArticleFactory

pytestmark = pytest.mark.django_db


def region_page(client, region):
    response = client.get(f"/regio/{region.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_region_page_lists_approved_marks_with_their_organisation(client, utrecht, twente):
    applied = PracticeArticleFactory(title="Gezinscoach in de wijk")
    AdoptionFactory(
        page=applied, region=utrecht, organisation="Buurtteam Kanaleneiland", status="approved"
    )
    AdoptionFactory(page=PracticeArticleFactory(title="Nog te beoordelen"), region=utrecht)
    AdoptionFactory(
        page=PracticeArticleFactory(title="Elders toegepast"), region=twente, status="approved"
    )

    page = region_page(client, utrecht)

    assert "Toegepast in deze regio" in page
    assert f'<a href="{applied.url}">Gezinscoach in de wijk</a>' in page
    assert "Buurtteam Kanaleneiland" in page
    assert "Nog te beoordelen" not in page
    assert "Elders toegepast" not in page


def test_the_region_page_never_lists_private_or_draft_pages(client, utrecht):
    private = PracticeArticleFactory(title="Alleen voor leden")
    private.view_restrictions.create(restriction_type="login")
    draft = PracticeArticleFactory(title="Nog een concept")
    for page in (private, draft):
        AdoptionFactory(page=page, region=utrecht, status="approved")
    draft.unpublish()

    page = region_page(client, utrecht)

    assert "Alleen voor leden" not in page
    assert "Nog een concept" not in page
    assert "Toegepast in deze regio" not in page


def test_a_region_without_marks_and_a_theme_page_show_no_section(client, utrecht):
    assert "Toegepast in deze regio" not in region_page(client, utrecht)


def test_the_region_page_costs_the_same_queries_for_one_or_many_marks(client, utrecht):
    AdoptionFactory(region=utrecht, status="approved")
    region_page(client, utrecht)
    with CaptureQueriesContext(connection) as one:
        region_page(client, utrecht)
    for _number in range(8):
        AdoptionFactory(region=utrecht, status="approved")
    region_page(client, utrecht)
    with CaptureQueriesContext(connection) as many:
        region_page(client, utrecht)

    assert len(many) == len(one)
