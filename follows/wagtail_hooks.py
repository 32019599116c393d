"""The follows app in the registry of personal data."""

from wagtail import hooks

from accounts.personal_data import PERSONAL_DATA_HOOK, PersonalData

from .personal_data import erase_follows, export_follows


@hooks.register(PERSONAL_DATA_HOOK)
def personal_data():
    """What the member follows, and how often they hear about it."""
    return [
        PersonalData(
            "follows",
            export=export_follows,
            erase=lambda member, *, keep_published: erase_follows(member),
        )
    ]
