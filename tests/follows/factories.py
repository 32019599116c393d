"""Test-only factories of followers and follows."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from follows.models import Follow, Follower


class FollowerFactory(DjangoModelFactory):
    """A visitor's confirmed address (pass user=... for a member)."""

    email = factory.Sequence(lambda n: f"volger{n}@example.org")
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Follower


class FollowFactory(DjangoModelFactory):
    """A follow of a search (pass kind and theme=, region=, ... for the other kinds)."""

    follower = factory.SubFactory(FollowerFactory)
    kind = Follow.Kind.SEARCH
    query = factory.Sequence(lambda n: f"q=pleegzorg+{n}")

    class Meta:
        model = Follow
