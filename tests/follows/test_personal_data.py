"""What a member follows is in their data export and goes with their account, with the
follows of a visitor's address they proved is theirs; other people's follows stay."""

import json

from allauth.account.models import EmailAddress
from django.urls import reverse

from follows.models import Follow, Follower
from follows.personal_data import erase_follows, export_follows
from tests.factories import PASSWORD
from tests.follows.factories import FollowerFactory, FollowFactory


def test_the_export_lists_each_follow_with_kind_subject_and_since(member, theme):
    follower = FollowerFactory(user=member, email="", period="daily")
    FollowFactory(follower=follower, kind="theme", theme=theme, query="")
    FollowFactory(follower=follower, query="q=pleegzorg")

    (exported,) = export_follows(member)

    assert exported["hoe_vaak"] == "Dagelijks"
    assert exported["e-mailadres"] == member.email
    assert [(f["soort"], f["onderwerp"]) for f in exported["volgt"]] == [
        ("Thema", "Pleegzorg"),
        ("Zoekopdracht", "pleegzorg"),
    ]
    assert all(f["sinds"] for f in exported["volgt"])


def test_the_download_holds_the_follows(client, member):
    FollowFactory(follower=FollowerFactory(user=member, email=""), query="q=mentor")
    client.force_login(member)

    exported = client.post(reverse("export_my_data")).json()

    assert "q=mentor" in json.dumps(exported["follows"])


def test_erasing_takes_the_members_and_their_addresses_follows_only(member):
    own = FollowerFactory(user=member, email="")
    FollowFactory(follower=own)
    EmailAddress.objects.create(user=member, email="Thuis@Example.org", verified=True)
    EmailAddress.objects.create(user=member, email="ongeverifieerd@example.org", verified=False)
    by_address = FollowerFactory(email="thuis@example.org")
    FollowFactory(follower=by_address)
    unproven = FollowerFactory(email="ongeverifieerd@example.org")
    someone_else = FollowerFactory(email="ander@example.org")

    assert len(export_follows(member)) == 2
    erase_follows(member)

    assert set(Follower.objects.all()) == {unproven, someone_else}
    assert not Follow.objects.filter(follower__in=[own, by_address]).exists()


def test_deleting_the_account_deletes_the_follows(client, member):
    FollowFactory(follower=FollowerFactory(user=member, email=""))
    client.force_login(member)

    response = client.post(
        reverse("delete_account"), {"stories": "verwijderen", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert not Follower.objects.exists()
    assert not Follow.objects.exists()
