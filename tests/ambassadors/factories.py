"""Regions with regio-ambassadeurs who take questions."""

from tests.stories.factories import AmbassadorFactory, RegionFactory


def region_with_ambassadors(*emails, name="Twente", **fields):
    """A region and one ambassador per address given ("" for one without an address)."""
    region = RegionFactory(name=name)
    ambassadors = []
    for number, email in enumerate(emails):
        ambassador = AmbassadorFactory(
            name=f"Ambassadeur {name} {number}", email=email, help_with="Pleegzorg", **fields
        )
        ambassador.regions.set([region])
        ambassador.save()  # a ParentalManyToManyField is written on save
        ambassadors.append(ambassador)
    return region, ambassadors
