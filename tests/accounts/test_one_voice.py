"""The site speaks with one voice, "je": also in the texts of Django and django-allauth."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.factories import PASSWORD, ContributorFactory
from tests.utils import NEW_MEMBER, post_form

pytestmark = pytest.mark.django_db

# "u" and "uw" as words, and the "a.u.b." ("alstublieft") of formal Dutch.
FORMAL = re.compile(r"\b(?:[Uu]w?|a\.u\.b)\b")
READABLE_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


def visible_text(response):
    """What a visitor reads on a page: its text and the attributes a screen reader speaks."""
    soup = BeautifulSoup(response.content, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    attributes = [
        element[name]
        for name in READABLE_ATTRIBUTES
        for element in soup.find_all(attrs={name: True})
    ]
    return " ".join([soup.get_text(" "), *attributes])


@pytest.fixture
def member(db):
    """A verified member with a password and an e-mail address as its username."""
    member = ContributorFactory(username="nieuwe.bezoeker", display_name="Sanne de Vries")
    member.emailaddress_set.create(email=member.email, verified=True, primary=True)
    return member


def account_pages(client, member):
    """The account pages and their refusals, as a visitor and then as a member."""
    numeric = {"password1": "12345678", "password2": "12345678"}
    pages = {
        "sign-up": client.get("/account/signup/"),
        "sign-up refused": post_form(
            client, "/account/signup/", {"email": "geen-adres", "password1": "123"}
        ),
        "sign-up refused, numeric password": post_form(
            client, "/account/signup/", {"email": "sanne@example.org", **numeric}
        ),
        "login refused": post_form(
            client, "/account/login/", {"login": member.email, "password": "fout"}
        ),
        "password reset": client.get("/account/password/reset/"),
        "password reset sent": post_form(
            client, "/account/password/reset/", {"email": "niemand@example.org"}, follow=True
        ),
        "password reset bad link": client.get("/account/password/reset/key/1-bestaat-niet/"),
        "verification sent": post_form(
            client,
            "/account/signup/",
            NEW_MEMBER,
            follow=True,
        ),
    }
    client.force_login(member)
    pages["password change"] = client.get("/account/password/change/")
    pages["password change refused"] = post_form(
        client, "/account/password/change/", {"oldpassword": "fout", **numeric}
    )
    return pages


def test_the_account_pages_and_their_errors_never_say_u_or_uw(client, member):
    formal = {
        name: FORMAL.findall(visible_text(response))
        for name, response in account_pages(client, member).items()
    }

    assert {name: words for name, words in formal.items() if words} == {}


def test_the_password_rules_say_je(client):
    text = visible_text(client.get("/account/signup/"))

    assert "Je wachtwoord moet minstens 8 tekens lang zijn." in text


def test_logging_in_greets_the_member_by_display_name_not_by_username(member):
    client = Client()
    response = post_form(
        client, "/account/login/", {"login": member.email, "password": PASSWORD}, follow=True
    )
    text = visible_text(response)

    assert "ingelogd als Sanne de Vries" in text
    assert not re.search(r"als nieuwe\.bezoeker\b", text)
