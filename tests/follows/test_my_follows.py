"""“Wat je volgt”: a member's follows under Mijn account, a visitor's by the link from a
digest, each with “Niet meer volgen” and the choice of daily or weekly."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from follows.models import Follow, Follower
from tests.follows.factories import FollowerFactory, FollowFactory
from tests.sharing.test_submitted_text_is_inert import dangers_in
from tests.stories.xss_payloads import XSS_PAYLOADS


@pytest.fixture
def member_follower(member, theme, thread):
    follower = FollowerFactory(user=member, email="")
    FollowFactory(follower=follower, kind="theme", theme=theme, query="")
    FollowFactory(follower=follower, kind="dialogue", dialogue=thread, query="")
    FollowFactory(follower=follower, query="q=pleegzorg&thema=pleegzorg")
    return follower


def items(response):
    page = BeautifulSoup(response.text, "html.parser")
    return [" ".join(li.get_text(" ").split()) for li in page.select(".follow-list__item")]


def test_mijn_account_links_to_what_you_follow(client, member):
    client.force_login(member)

    response = client.get(reverse("my_account"))

    assert reverse("my_follows") in response.text


def test_a_member_sees_what_they_follow_with_links(client, member, member_follower, thread):
    client.force_login(member)

    response = client.get(reverse("my_follows"))

    assert response.status_code == 200
    listed = items(response)
    assert listed[0].startswith("Thema: Pleegzorg sinds")
    assert listed[1].startswith(f"Dialoog: {thread.title}")
    assert listed[2].startswith("Zoekopdracht: pleegzorg · Thema: pleegzorg")
    page = BeautifulSoup(response.text, "html.parser")
    links = [a["href"] for a in page.select(".follow-list__item a")]
    assert links == ["/thema/pleegzorg/", thread.url, "/zoeken/?q=pleegzorg&thema=pleegzorg"]


def test_a_member_who_follows_nothing_reads_so(client, member):
    client.force_login(member)

    response = client.get(reverse("my_follows"))

    assert "Je volgt nog niets." in response.text
    assert not items(response)


def test_the_page_needs_a_login(client, db):
    response = client.get(reverse("my_follows"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_member_stops_one_follow_and_chooses_daily(client, member, member_follower):
    client.force_login(member)
    theme_follow = member_follower.follows.get(kind="theme")

    stopped = client.post(reverse("my_follows"), {"stoppen": theme_follow.pk})
    daily = client.post(reverse("my_follows"), {"period": "daily"})
    wrong = client.post(reverse("my_follows"), {"period": "elk-uur"})

    assert stopped.status_code == daily.status_code == 302
    assert not Follow.objects.filter(pk=theme_follow.pk).exists()
    assert Follow.objects.filter(follower=member_follower).count() == 2
    member_follower.refresh_from_db()
    assert member_follower.period == "daily"
    assert wrong.status_code == 400


def test_a_member_cannot_stop_anothers_follow_from_the_page(client, member, member_follower):
    client.force_login(member)
    others = FollowFactory()

    client.post(reverse("my_follows"), {"stoppen": others.pk})

    assert Follow.objects.filter(pk=others.pk).exists()


def test_a_visitor_manages_by_the_link_with_the_token(client, db):
    follower = FollowerFactory(email="sam@example.org", period="weekly")
    follow = FollowFactory(follower=follower, query="q=pleegzorg")
    path = reverse("manage_follows", args=[follower.token])

    listed = client.get(path)
    stopped = client.post(path, {"stoppen": follow.pk})
    daily = client.post(path, {"period": "daily"})

    assert items(listed)[0].startswith("Zoekopdracht: pleegzorg")
    assert "no-store" in listed["Cache-Control"]
    assert stopped["Location"] == daily["Location"] == path
    assert not Follow.objects.exists()
    assert Follower.objects.get().period == "daily"


@pytest.mark.parametrize("payload", XSS_PAYLOADS[::4])
def test_a_followed_search_with_markup_stays_text(client, member, payload):
    client.force_login(member)

    client.post(reverse("follow"), {"kind": "search", "value": f"q={payload}"})
    response = client.get(reverse("my_follows"))

    assert Follow.objects.filter(follower__user=member).count() == 1
    assert not dangers_in(response.text)
