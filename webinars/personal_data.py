"""What this app keeps about a member, declared to accounts' registry of personal data
(wagtail_hooks.py): their webinar registrations, found by their verified addresses."""

from accounts.personal_data import PersonalData, verified_addresses

from .registrations import erase_registrations, export_registrations


def personal_data() -> list[PersonalData]:
    """The webinar registrations under any of the member's verified addresses."""
    return [
        PersonalData(
            "webinar_registrations",
            export=lambda member: export_registrations(verified_addresses(member)),
            erase=lambda member, *, keep_published: erase_registrations(
                verified_addresses(member)
            ),
        ),
    ]
