"""Error pages after a form (the CSRF failure page, the 503 while the database is away) show
what the visitor typed: only the text fields of the site's own forms, each within its limit."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client, RequestFactory
from django.urls import reverse

from core.errors import MAX_KEPT_FIELDS, database_unavailable, known_text_fields

TYPED = "Bij ons hielp een vaste mentor op school."
ADVERT = "Goedkope medicijnen op kwaad.example.com"


def csrf_failure_page(data):
    # Starting a dialogue has no form to show again, so the error page keeps what was typed.
    response = Client(enforce_csrf_checks=True).post(reverse("start_dialogue"), data)
    assert response.status_code == 403
    return response.text


def database_away_page(data):
    response = database_unavailable(RequestFactory().post("/dialogen/reageren/1/", data))
    assert response.status_code == 503
    return response.text


def kept_values(html):
    return [area.text for area in BeautifulSoup(html, "html.parser").select("textarea")]


ERROR_PAGES = pytest.mark.parametrize("page", [csrf_failure_page, database_away_page])


@ERROR_PAGES
def test_a_post_with_thousands_of_unknown_fields_shows_only_the_forms_own(home, page):
    data = {"comment": TYPED, "name": "Sam", **{f"veld{n}": ADVERT for n in range(5000)}}

    html = page(data)

    assert kept_values(html) == [TYPED, "Sam"]
    assert ADVERT not in html
    assert len(html) < 30_000


@ERROR_PAGES
def test_a_kept_field_is_labelled_as_on_the_form_and_cut_at_its_limit(home, page):
    html = page({"comment": "a" * 3000 + "b" * 50_000})

    assert "Je reactie" in html
    assert kept_values(html) == ["a" * 3000]


@ERROR_PAGES
def test_passwords_tokens_and_hidden_fields_are_never_shown(home, page):
    data = {
        "comment": TYPED,
        "password": "geheim-wachtwoord",
        "password1": "geheim-wachtwoord",
        "csrfmiddlewaretoken": "oude-code-123",
        "parent": "987654",
    }

    html = page(data)

    assert kept_values(html) == [TYPED]
    assert "geheim-wachtwoord" not in html
    assert "oude-code-123" not in html
    assert "987654" not in html


@ERROR_PAGES
def test_no_more_than_the_cap_of_fields_is_shown(home, page):
    data = {name: f"Tekst voor {name}" for name in known_text_fields()}
    assert len(data) > MAX_KEPT_FIELDS

    assert len(kept_values(page(data))) == MAX_KEPT_FIELDS
