"""Unsubscribing: from one follow or from everything, by the page's button or by the mail
program's one-click POST (RFC 8058), without logging in; the links come from follows.links."""

import pytest
from django.test import Client

from follows.links import manage_url, unsubscribe_all_url, unsubscribe_url
from follows.models import Follow, Follower
from tests.follows.factories import FollowerFactory, FollowFactory

ONE_CLICK = {"List-Unsubscribe": "One-Click"}


@pytest.fixture
def follower(db):
    follower = FollowerFactory(email="sam@example.org")
    FollowFactory(follower=follower, query="q=pleegzorg")
    FollowFactory(follower=follower, query="q=wijkteam")
    return follower


def path_of(url):
    assert url.startswith("http://")
    return "/" + url.split("/", 3)[3]


def test_the_links_are_full_urls_with_the_tokens(follower):
    first = follower.follows.first()

    assert unsubscribe_url(first).endswith(f"/volgen/afmelden/{first.token}/")
    assert unsubscribe_all_url(follower).endswith(f"/volgen/alles-afmelden/{follower.token}/")
    assert manage_url(follower).endswith(f"/volgen/beheren/{follower.token}/")


def test_the_link_asks_and_the_button_stops_that_follow_only(follower):
    browser = Client(enforce_csrf_checks=True)
    first, second = follower.follows.all()
    link = path_of(unsubscribe_url(first))

    opened = browser.get(link)

    assert opened.status_code == 200
    assert "Ja, niet meer volgen" in opened.text
    assert Follow.objects.count() == 2

    stopped = browser.post(link, {"csrfmiddlewaretoken": "irrelevant"})

    assert stopped.status_code == 200
    assert "Je bent afgemeld" in stopped.text
    assert list(Follow.objects.all()) == [second]


def test_the_mail_programs_one_click_post_needs_no_csrf_token(follower):
    browser = Client(enforce_csrf_checks=True)
    first = follower.follows.first()

    response = browser.post(path_of(unsubscribe_url(first)), ONE_CLICK)

    assert response.status_code == 200
    assert not Follow.objects.filter(pk=first.pk).exists()


def test_one_click_on_everything_forgets_a_visitors_address(follower):
    browser = Client(enforce_csrf_checks=True)

    asked = browser.get(path_of(unsubscribe_all_url(follower)))
    response = browser.post(path_of(unsubscribe_all_url(follower)), ONE_CLICK)

    assert "Ja, meld me overal voor af" in asked.text
    assert response.status_code == 200
    assert not Follower.objects.exists()
    assert not Follow.objects.exists()


def test_everything_for_a_member_stops_the_follows_and_keeps_the_account(member):
    follower = FollowerFactory(user=member, email="")
    FollowFactory(follower=follower)

    Client(enforce_csrf_checks=True).post(path_of(unsubscribe_all_url(follower)), ONE_CLICK)

    assert not Follow.objects.exists()
    assert Follower.objects.filter(user=member).exists()


@pytest.mark.parametrize("name", ["afmelden", "alles-afmelden", "beheren"])
def test_an_unknown_or_used_token_is_a_dutch_404(client, db, name):
    opened = client.get(f"/volgen/{name}/bestaat-niet/")
    sent = client.post(f"/volgen/{name}/bestaat-niet/", ONE_CLICK)

    assert opened.status_code == sent.status_code == 404
    assert "klopt niet" in opened.text


def test_other_follow_urls_still_need_a_csrf_token(follower, member):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)

    response = browser.post("/volgen/", {"kind": "search", "value": "q=pleegzorg"})

    assert response.status_code == 400
    assert "nog een keer versturen" in response.text
    assert not Follow.objects.filter(follower__user=member).exists()
