"""Test-only factories of members: a plain member, a contributor, an editor."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

PASSWORD = "wachtwoord-voor-tests"  # noqa: S105 (test accounts only)


class UserFactory(DjangoModelFactory):
    """A member with a known password, in the groups (by name) that `_group_names` lists."""

    username = factory.Sequence(lambda n: f"lid{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    display_name = factory.Sequence(lambda n: f"Deelnemer {n}")
    password = factory.django.Password(PASSWORD)

    _group_names = ()

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        super()._after_postgeneration(instance, create, results)
        if create and cls._group_names:
            instance.groups.add(*Group.objects.filter(name__in=cls._group_names))


class ContributorFactory(UserFactory):
    """A member of the Bijdragers group, who shares stories but has no admin access."""

    _group_names = ("Bijdragers",)


class EditorFactory(UserFactory):
    """A member of the Redactie, who approves stories in the Wagtail admin."""

    _group_names = ("Redactie",)
