"""The latest threads by activity, read along two indexes, are the same as sorting every
thread by activity (dialogues.models.most_recently_active), on every page of /dialogen/."""

import datetime

import pytest
from django.utils import timezone

from dialogues.models import (
    ByActivity,
    DialogueThreadPage,
    ThreadActivity,
    most_recently_active,
    with_activity,
)
from tests.factories import DialogueThreadPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def threads(home):
    """Eight threads published a day apart; some with a reply since, one of them on a day
    between two publications, one with a reply that was taken away (no last reply)."""
    start = timezone.now() - datetime.timedelta(days=30)
    pages = []
    for day in range(8):
        page = DialogueThreadPageFactory(title=f"Dialoog {day}")
        DialogueThreadPage.objects.filter(pk=page.pk).update(
            first_published_at=start + datetime.timedelta(days=day)
        )
        pages.append(page)
    for page, reply_day in [(pages[0], 20), (pages[2], 7.5), (pages[5], 5.5)]:
        ThreadActivity.objects.create(
            thread=page,
            reply_count=1,
            last_reply_at=start + datetime.timedelta(days=reply_day),
        )
    ThreadActivity.objects.create(thread=pages[1], reply_count=0, last_reply_at=None)
    return DialogueThreadPage.objects.live()


def titles(pages):
    return [page.title for page in pages]


def test_the_latest_by_activity_are_those_a_full_sort_finds(threads):
    everything = titles(with_activity(threads).order_by("-last_activity", "-pk"))

    for count in range(len(everything) + 1):
        assert titles(most_recently_active(threads, count)) == everything[:count]
    assert everything[:3] == ["Dialoog 0", "Dialoog 2", "Dialoog 7"]


def test_a_page_of_threads_by_activity_is_a_slice_of_the_full_sort(threads):
    everything = titles(with_activity(threads).order_by("-last_activity", "-pk"))
    by_activity = ByActivity(threads)

    assert by_activity.count() == len(everything) == 8
    assert titles(by_activity[3:6]) == everything[3:6]
    assert by_activity[4].title == everything[4]
