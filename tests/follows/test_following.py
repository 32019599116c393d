"""A member follows a theme, region, change task, dialogue or search with one button, sees
that they follow it, and stops with another; the same search is one follow."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageViewRestriction

from follows.models import Follow, Follower
from follows.targets import normalise_search
from tests.factories import DialogueThreadPageFactory
from tests.follows.factories import FollowFactory


def follow(client, kind, value):
    return client.post(reverse("follow"), {"kind": kind, "value": value})


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.mark.parametrize(
    ("kind", "fixture", "field"),
    [
        ("theme", "theme", "slug"),
        ("region", "region", "slug"),
        ("change_task", "change_task", "slug"),
        ("dialogue", "thread", "pk"),
    ],
)
def test_a_member_follows_each_kind_once_and_stops(
    member_client, member, request, kind, fixture, field
):
    thing = request.getfixturevalue(fixture)

    first = follow(member_client, kind, str(getattr(thing, field)))
    again = follow(member_client, kind, str(getattr(thing, field)))

    assert first.status_code == again.status_code == 302
    (followed,) = Follow.objects.filter(follower__user=member)
    assert followed.kind == kind
    assert getattr(followed, kind) == thing
    assert Follower.objects.get(user=member).confirmed_at is not None

    stopped = member_client.post(reverse("unfollow", args=[followed.pk]), {"next": "/"})

    assert stopped.status_code == 302
    assert stopped["Location"] == "/"
    assert not Follow.objects.exists()


def test_the_same_search_in_another_order_is_one_follow(member_client, member, theme, region):
    follow(
        member_client, "search", "regio=twente&q=pleeg++zorg&thema=pleegzorg&sortering=nieuwste"
    )
    follow(member_client, "search", "thema=pleegzorg&regio=twente&q=pleeg%20zorg")

    (followed,) = Follow.objects.filter(follower__user=member)
    assert followed.query == "q=pleeg+zorg&thema=pleegzorg&regio=twente"


def test_a_search_drops_unknown_filter_values_and_nothing_is_no_search(db, theme):
    assert normalise_search("thema=pleegzorg&thema=bestaat-niet") == "thema=pleegzorg"
    assert normalise_search("thema=bestaat-niet&sortering=nieuwste") == ""


def test_following_nothing_or_something_that_does_not_exist_is_a_dutch_404(member_client):
    empty = follow(member_client, "search", "sortering=nieuwste")
    missing = follow(member_client, "theme", "bestaat-niet")
    bad_kind = follow(member_client, "planeet", "mars")

    assert empty.status_code == missing.status_code == bad_kind.status_code == 404
    assert "Zoek eerst op een woord" in empty.text
    assert "bestaat niet (meer)" in missing.text
    assert not Follow.objects.exists()


def test_a_member_cannot_stop_someone_elses_follow(member_client, member, theme):
    others = FollowFactory()

    response = member_client.post(reverse("unfollow", args=[others.pk]))

    assert response.status_code == 404
    assert Follow.objects.filter(pk=others.pk).exists()


def test_a_member_without_a_confirmed_address_confirms_it_first(client, contributor, theme):
    client.force_login(contributor)

    response = follow(client, "theme", "pleegzorg")

    assert response["Location"] == reverse("account_email")
    assert not Follow.objects.exists()


def test_the_theme_page_shows_a_member_the_button_then_that_they_follow_it(member_client, theme):
    page = BeautifulSoup(member_client.get("/thema/pleegzorg/").text, "html.parser")
    button = page.select_one(".follow form button")
    assert button.text.strip() == "Volg dit thema"
    assert len(page.select_one(".follow [name=csrfmiddlewaretoken]")["value"]) > 20

    follow(member_client, "theme", "pleegzorg")

    page = BeautifulSoup(member_client.get("/thema/pleegzorg/").text, "html.parser")
    assert page.select_one(".follow__state").text.strip() == "Je volgt dit thema"
    assert page.select_one(".follow form button").text.strip() == "Niet meer volgen"


def test_the_region_and_dialogue_pages_have_their_buttons(client, region, thread):
    region_page = BeautifulSoup(client.get("/regio/twente/").text, "html.parser")
    thread_page = BeautifulSoup(client.get(thread.url).text, "html.parser")

    assert region_page.select_one(".follow summary").text.strip() == "Volg deze regio"
    assert thread_page.select_one(".follow summary").text.strip() == "Volg deze dialoog"
    assert thread_page.select_one(".follow [name=value]")["value"] == str(thread.pk)


def test_the_search_page_offers_the_search_or_the_change_task(client, change_task, theme):
    search = BeautifulSoup(client.get("/zoeken/?q=pleegzorg").text, "html.parser")
    task = BeautifulSoup(client.get("/zoeken/?opgave=thuisnabij").text, "html.parser")
    nothing = BeautifulSoup(client.get("/zoeken/").text, "html.parser")

    assert search.select_one(".follow summary").text.strip() == "Volg deze zoekopdracht"
    assert search.select_one(".follow [name=value]")["value"] == "q=pleegzorg"
    assert task.select_one(".follow summary").text.strip() == "Volg deze veranderopgave"
    assert task.select_one(".follow [name=value]")["value"] == "thuisnabij"
    assert nothing.select_one(".follow") is None


def test_a_draft_or_members_only_dialogue_cannot_be_followed(member_client, member, thread):
    draft = DialogueThreadPageFactory(title="Nog niet af", live=False)
    PageViewRestriction.objects.create(page=thread, restriction_type="login")

    refused = [follow(member_client, "dialogue", str(page.pk)) for page in (draft, thread)]

    assert [response.status_code for response in refused] == [404, 404]
    assert not Follow.objects.exists()
