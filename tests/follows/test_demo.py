"""The demo's follows: a member with one follow of each kind and a visitor's confirmed
address, added once however often `load_demo` runs."""

from demo.follows import DEMO_VISITOR, ensure_follows
from follows.models import Follow, Follower
from tests.factories import ContributorFactory


def test_the_demo_member_follows_each_kind_once_and_a_visitor_follows_a_theme(
    theme, region, change_task, thread
):
    ans = ContributorFactory(username="ans")

    ensure_follows({"ans": ans})
    ensure_follows({"ans": ans})

    kinds = Follow.objects.filter(follower__user=ans).values_list("kind", flat=True)
    assert sorted(kinds) == sorted(Follow.Kind.values)
    visitor = Follower.objects.get(email=DEMO_VISITOR)
    assert visitor.confirmed_at is not None
    assert [follow.theme for follow in visitor.follows.all()] == [theme]
