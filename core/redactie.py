"""Who the redactie is: the editors who judge what members share, and the admin's rule that
follows them.

The Redactie is a Wagtail group (created by home/migrations/0004); superusers count too.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db.models import Model, Q, QuerySet
from wagtail.permission_policies import BasePermissionPolicy

REDACTIE = "Redactie"
AnyUser = AbstractUser | AnonymousUser


def can_moderate(user: AnyUser) -> bool:
    """Whether the user judges the stories and replies members send in."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=REDACTIE).exists()


def is_moderator(user: AnyUser) -> bool:
    """`can_moderate`, remembered on the user: a page of the admin asks it many times."""
    if not hasattr(user, "_hvdj_can_moderate"):
        setattr(user, "_hvdj_can_moderate", can_moderate(user))  # noqa: B010 (an attribute of ours)
    return getattr(user, "_hvdj_can_moderate")  # noqa: B009


def is_own_or_redactie(user: AnyUser, uploader_id: int | None) -> bool:
    """Whether `user` uploaded the file, or is in the redactie."""
    return user.is_authenticated and (user.pk == uploader_id or can_moderate(user))


def redactie_members() -> QuerySet:
    """The active editors with an e-mail address, who hear of what waits for them."""
    return (
        get_user_model()
        .objects.filter(groups__name=REDACTIE, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


class RedactiePermissionPolicy(BasePermissionPolicy):
    """Lets whoever passes `can_moderate` (the Redactie, superusers) perform `actions`.

    The reply queue and the word list follow who judges members' contributions, not
    per-model Django permissions that someone would have to remember to grant.
    """

    def __init__(self, model: type[Model], actions: Iterable[str]) -> None:
        super().__init__(model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user: AnyUser, action: str) -> bool:
        return action in self.actions and is_moderator(user)

    def user_has_any_permission(self, user: AnyUser, actions: Iterable[str]) -> bool:
        return bool(self.actions.intersection(actions)) and is_moderator(user)

    def users_with_any_permission(self, actions: Iterable[str]) -> QuerySet:
        users = get_user_model().objects.filter(is_active=True)
        if not self.actions.intersection(actions):
            return users.none()
        return users.filter(Q(is_superuser=True) | Q(groups__name=REDACTIE)).distinct()
