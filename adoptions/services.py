"""What members and the redactie do with adoption marks: say "Wij passen dit ook toe", take it
back, approve or reject it. Called by the public views, the admin and the demo loader alike.

A member's first mark waits for the redactie, as a member's first reply in a dialogue does
(`dialogues.replies.hold_reason`); once one of their marks was approved, later ones show at
once. Editors' own marks never wait.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.page_cache import empty_page_cache
from core.rate_limits import within_allowance
from core.redactie import can_moderate
from dialogues.models import DialogueThreadPage
from stories.models import Region, StoryPage

from .models import Adoption

# Marks per member per hour; a member marks a handful of practice examples at most.
DEFAULT_ADOPTIONS_PER_HOUR = 10


class AdoptionRefused(Exception):
    """A mark that cannot be placed, with the Dutch reason for the member."""


# A story is a practice example when its practice description is filled in
# (`StoryPage.is_practice_example`, the "Praktijkvoorbeeld" part of its page).
PRACTICE_FIELDS = (
    "practice_aim",
    "practice_target_group",
    "practice_approach",
    "practice_success_factors",
    "practice_results",
    "practice_contact",
    "evidence_level",
)


def adoptable_pages() -> QuerySet:
    """The practice examples a member can mark: live, public stories (articles, vlogs,
    podcasts, webinars) that describe a practice, not dialogues."""
    return (
        StoryPage.objects.live()
        .public()
        .not_type(DialogueThreadPage)
        .exclude(**dict.fromkeys(PRACTICE_FIELDS, ""))
    )


def is_trusted(member: User) -> bool:
    """Whether the member's mark may show at once: an editor, or a member with an approved one."""
    return can_moderate(member) or Adoption.objects.approved().filter(member=member).exists()


def check_adoption_rate(member: User) -> None:
    limit = getattr(settings, "HVDJ_ADOPTIONS_PER_HOUR", DEFAULT_ADOPTIONS_PER_HOUR)
    if not within_allowance(f"adoption:member:{member.pk}", limit):
        raise AdoptionRefused(
            _(
                "Je hebt het afgelopen uur al veel meldingen gedaan. Probeer het later "
                "opnieuw; wat je invulde staat hieronder nog."
            )
        )


def emptied_page_cache() -> None:
    """Now and after the commit: a page cached in between would show the state before."""
    empty_page_cache()
    transaction.on_commit(empty_page_cache)


@transaction.atomic
def adopt(
    *, member: User, page: StoryPage, region: Region, organisation: str, note: str = ""
) -> Adoption:
    """The member's "Wij passen dit ook toe" on a practice example: shown at once for a
    trusted member, else held for the redactie."""
    if Adoption.objects.filter(page=page, member=member).exists():
        raise AdoptionRefused(
            _(
                "Je hebt al laten weten dat jullie dit toepassen. Wil je iets veranderen, "
                "trek je melding dan in en doe een nieuwe."
            )
        )
    check_adoption_rate(member)
    trusted = is_trusted(member)
    adoption = Adoption.objects.create(
        page=page,
        member=member,
        region=region,
        organisation=organisation,
        note=note,
        status=Adoption.Status.APPROVED if trusted else Adoption.Status.PENDING,
        decided_at=timezone.now() if trusted else None,
    )
    emptied_page_cache()
    return adoption


@transaction.atomic
def withdraw(*, member: User, page: StoryPage) -> bool:
    """The member takes their mark on the page back; returns whether there was one."""
    deleted, _counts = Adoption.objects.filter(page=page, member=member).delete()
    emptied_page_cache()
    return bool(deleted)


@transaction.atomic
def decide(*, adoption: Adoption, editor: User, approve: bool) -> Adoption:
    """The redactie approves (shows) or rejects (hides) a mark."""
    adoption.status = Adoption.Status.APPROVED if approve else Adoption.Status.REJECTED
    adoption.decided_at = timezone.now()
    adoption.decided_by = editor
    adoption.save(update_fields=["status", "decided_at", "decided_by"])
    emptied_page_cache()
    return adoption
