"""Helpers of the digest tests: followers, follows made long ago, and pages and replies dated
inside a digest's window."""

import datetime

from django.utils import timezone

from dialogues.models import Reply, ThreadActivity
from dialogues.moderation import approve_reply
from dialogues.replies import post_reply
from follows.models import Follow, Follower, Period
from search.tantivy import changes
from tests.factories import ContributorFactory, EditorFactory

LONG_AGO = datetime.timedelta(days=60)


def member_follower(*, period=Period.WEEKLY, **user_fields):
    """A member who follows things (confirmed when made, as the follow button does)."""
    member = ContributorFactory(**user_fields)
    return Follower.objects.create(
        user=member, period=period, confirmed_at=timezone.now() - LONG_AGO
    )


def visitor_follower(email, *, period=Period.WEEKLY, confirmed=True):
    """A visitor's address; `confirmed=False` for one that never opened the link."""
    return Follower.objects.create(
        email=email, period=period, confirmed_at=timezone.now() - LONG_AGO if confirmed else None
    )


def follow(follower, *, since=None, **fields):
    """A follow made at `since` (default: long before any window)."""
    kind = next(key for key in ("theme", "region", "change_task", "dialogue") if key in fields)
    made = Follow.objects.create(follower=follower, kind=kind, **fields)
    return backdate(made, since)


def follow_search(follower, query, *, since=None):
    return backdate(Follow.objects.create(follower=follower, kind="search", query=query), since)


def backdate(made, since):
    made.created_at = since or timezone.now() - LONG_AGO
    Follow.objects.filter(pk=made.pk).update(created_at=made.created_at)
    return made


def inside(window, hours=36):
    """A moment inside `window`, `hours` after its start."""
    return window.start + datetime.timedelta(hours=hours)


def story(factory, window, *, hours=36, **fields):
    """A live page of `factory` first published inside `window`."""
    return factory(first_published_at=inside(window, hours), **fields)


def visible_reply(thread, at, text="Bij ons hielp een vaste contactpersoon."):
    """A reply the redactie approved at `at`."""
    member = ContributorFactory()
    reply = post_reply(thread=thread, member=member, text=text)
    approve_reply(reply=reply, editor=EditorFactory())
    Reply.objects.filter(pk=reply.pk).update(submit_date=at, moderated_at=at)
    ThreadActivity.refresh(thread.pk)
    return reply


def index_pages():
    """Write what publishing queued for the search index (tests never commit)."""
    changes.apply_recorded()
