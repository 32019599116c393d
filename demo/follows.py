"""The demo's follows: Ans follows a theme, a region, a change task, a dialogue and a search
(see them under Mijn account, Wat je volgt), and a visitor without an account follows a theme
by a confirmed address, so that a digest has someone to go to."""

from django.utils import timezone

from dialogues.models import DialogueThreadPage
from follows.models import Follow, Follower, Period
from follows.services import follow, member_follower
from follows.targets import Target, resolve
from stories.models import ChangeTask, Region, Theme

DEMO_MEMBER = "ans"
DEMO_VISITOR = "bezoeker@hartvoordejeugd.local"
DEMO_SEARCH = "q=pleegouders"


def demo_targets():
    """What the demo member follows: whichever of these the demo content has."""
    targets = []
    for kind, model, slug in [
        (Follow.Kind.THEME, Theme, "pleegzorg"),
        (Follow.Kind.REGION, Region, "twente"),
        (Follow.Kind.CHANGE_TASK, ChangeTask, None),
    ]:
        terms = model.objects.all()
        term = (terms.filter(slug=slug).first() if slug else None) or terms.first()
        if term is not None:
            targets.append(Target(kind, obj=term))
    thread = DialogueThreadPage.objects.live().public().order_by("pk").first()
    if thread is not None:
        targets.append(Target(Follow.Kind.DIALOGUE, obj=thread))
    targets.append(resolve(Follow.Kind.SEARCH, DEMO_SEARCH))
    return targets


def ensure_follows(members):
    """Add the demo follows that are not there yet."""
    member = members.get(DEMO_MEMBER)
    targets = demo_targets()
    if member is not None:
        follower = member_follower(member)
        for target in targets:
            follow(follower=follower, target=target)
    visitor, _created = Follower.objects.get_or_create(
        user=None,
        email=DEMO_VISITOR,
        defaults={"confirmed_at": timezone.now(), "period": Period.DAILY},
    )
    if targets and targets[0].kind == Follow.Kind.THEME:
        follow(follower=visitor, target=targets[0])
