"""The home page tells search engines who runs the site and how to search it
(home.structured_data): an Organization and a WebSite with a SearchAction."""

import pytest
from django.urls import reverse

from tests.factories import ContentPageFactory
from tests.project.json_ld import json_ld, of_type

pytestmark = pytest.mark.django_db


def test_the_home_page_names_the_organisation_with_its_logo(client, home):
    data = of_type(client.get(home.url), "Organization")

    assert data["name"] == "Hart voor de Jeugd"
    assert data["url"] == "http://testserver/"
    assert data["logo"]["url"].startswith("http://testserver/")


def test_the_home_page_offers_a_search_box_to_search_engines(client, home):
    data = of_type(client.get(home.url), "WebSite")

    assert data["url"] == home.get_full_url()
    action = data["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == (
        f"http://testserver{reverse('search')}?q={{search_term_string}}"
    )
    assert action["query-input"] == "required name=search_term_string"


def test_the_home_page_has_no_breadcrumbs(client, home):
    types = [data["@type"] for data in json_ld(client.get(home.url))]

    assert types == ["Organization", "WebSite"]


def test_a_content_page_has_only_breadcrumbs(client, home):
    page = ContentPageFactory(title="Over ons")

    data = json_ld(client.get(page.url))

    assert [item["@type"] for item in data] == ["BreadcrumbList"]
    assert [item["name"] for item in data[0]["itemListElement"]] == ["Home", "Over ons"]
