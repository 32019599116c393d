"""The demo site's accounts: the editor in the Redactie group and the members who contribute."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from demo.content.members import MEMBERS

EDITOR_USERNAME = "redactie"
EDITOR_EMAIL = "redactie@hartvoordejeugd.local"
DEFAULT_EDITOR_PASSWORD = "hart-voor-de-jeugd"  # noqa: S105 (demo sites only, printed by make run)


def ensure_editor(*, password):
    """The demo editor, in the Redactie group, with `password` and a verified e-mail address."""
    user, created = get_user_model().objects.get_or_create(
        username=EDITOR_USERNAME,
        defaults={"email": EDITOR_EMAIL, "display_name": "Redactie", "first_name": "Redactie"},
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    user.groups.add(Group.objects.get(name="Redactie"))
    # The admin's login is the site's (allauth), which asks for a verified address.
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def ensure_members():
    """The demo members by username, each with a verified e-mail address and no password."""
    members = {}
    contributors = Group.objects.get(name="Bijdragers")
    for username, email, display_name, role in MEMBERS:
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={"email": email, "display_name": display_name, "role": role},
        )
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(contributors)
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        members[username] = user
    return members
