"""The demo's "Wij passen dit ook toe" marks: practice examples applied in several regions
(approved, so story pages, region pages and "Meest toegepast" show them), and one mark that
waits for the redactie under Toepassingen in the admin."""

from django.utils import timezone

from adoptions.models import Adoption
from stories.models import Region, StoryPage

# (practice example's title, member, region, organisation, note, approved)
ADOPTIONS = [
    (
        "Het keukentafelgesprek dat een uithuisplaatsing voorkwam",
        "fatima",
        "Amsterdam-Amstelland",
        "Wijkteam Amsterdam-Oost",
        "We plannen het eerste gesprek nu altijd bij het gezin thuis, binnen een week na de "
        "melding. Ouders zeggen dat ze zich daardoor minder beoordeeld voelen.",
        True,
    ),
    (
        "Het keukentafelgesprek dat een uithuisplaatsing voorkwam",
        "jeroen",
        "Rijnmond",
        "Gemeente Rotterdam, team Jeugd",
        "Onze wijkteams doen het sinds dit voorjaar ook zo; we houden bij hoe vaak een "
        "plaatsing uitblijft.",
        True,
    ),
    (
        "Het keukentafelgesprek dat een uithuisplaatsing voorkwam",
        "kevin",
        "Twente",
        "Jeugdhulp Twente",
        "",
        True,
    ),
    (
        "School en jeugdhulp onder één dak",
        "fatima",
        "Amsterdam-Amstelland",
        "Wijkteam Amsterdam-Oost",
        "Op twee basisscholen heeft onze jeugdprofessional een vast spreekuur op dinsdag.",
        True,
    ),
    (
        "Pleegouders en ouders aan één kant van de tafel",
        "ans",
        "Twente",
        "Pleegzorg Oost",
        "Wij beginnen elke plaatsing met een kennismaking tussen ouders en pleegouders, "
        "zonder het kind erbij.",
        True,
    ),
    (
        "School en jeugdhulp onder één dak",
        "jeroen",
        "Rijnmond",
        "Gemeente Rotterdam, team Onderwijs",
        "We beginnen na de zomer op drie scholen in Zuid. Wie heeft tips voor de start?",
        False,
    ),
]


def ensure_adoptions(members, editor):
    """Add the demo marks that are not there yet (on practice examples the demo has)."""
    regions = {region.name: region for region in Region.objects.all()}
    titles = {title for title, *_rest in ADOPTIONS}
    pages = {page.title: page for page in StoryPage.objects.filter(title__in=titles)}
    for title, username, region, organisation, note, approved in ADOPTIONS:
        page, member = pages.get(title), members.get(username)
        if page is None or member is None or region not in regions:
            continue
        Adoption.objects.get_or_create(
            page=page,
            member=member,
            defaults={
                "region": regions[region],
                "organisation": organisation,
                "note": note,
                "status": Adoption.Status.APPROVED if approved else Adoption.Status.PENDING,
                "decided_at": timezone.now() if approved else None,
                "decided_by": editor if approved else None,
            },
        )
