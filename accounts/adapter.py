from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group

CONTRIBUTORS_GROUP = "Bijdragers"


class AccountAdapter(DefaultAccountAdapter):
    """Every member who signs up on the site joins the Bijdragers group (no admin access)."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user.groups.add(Group.objects.get(name=CONTRIBUTORS_GROUP))
        return user


def user_display(user):
    """How allauth names a member in its messages and pages (ACCOUNT_USER_DISPLAY): the
    display name, never the username made from the e-mail address."""
    return str(user.public_name)
