"""The demo dialogues' conversation: blocked words, replies with likes and reports, a held one."""

import datetime

from django.conf import settings
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG

from demo.content.replies import BLOCKED_WORDS
from dialogues.models import BlockedWord, Reply
from dialogues.moderation import approve_reply, report_reply
from dialogues.replies import post_reply

# The most time between two demo replies in a dialogue, so that recent ones look lively.
MAX_REPLY_GAP = datetime.timedelta(hours=5)


def ensure_blocked_words():
    """Add the demo word list that holds replies for the redactie."""
    for word, note in BLOCKED_WORDS:
        BlockedWord.objects.get_or_create(word=word, defaults={"note": note})


def ensure_replies(thread, replies, *, members, editor, now):
    """Add the demo replies a dialogue lacks, all visible, with their likes.

    They go through the same domain functions as real replies: the redactie approves
    each member's first reply, after which the member's replies appear at once. None of
    them asks for e-mails about follow-ups, so nobody is e-mailed.
    """
    if thread.is_closed:
        return
    step = min(MAX_REPLY_GAP, (now - thread.first_published_at) / (count(replies) + 1))
    times = (thread.first_published_at + step * n for n in range(1, count(replies) + 1))
    ensure_branch(thread, replies, parent=None, times=times, members=members, editor=editor)


def ensure_branch(thread, replies, *, parent, times, members, editor):
    for data in replies:
        reply = ensure_reply(
            thread, data, parent=parent, submitted=next(times), members=members, editor=editor
        )
        if reply.is_visible:
            ensure_branch(
                thread,
                data.get("replies", []),
                parent=reply,
                times=times,
                members=members,
                editor=editor,
            )


def ensure_reply(thread, data, *, parent, submitted, members, editor):
    member = members[data["by"]]
    reply = Reply.objects.of_thread(thread).filter(user=member, comment=data["text"]).first()
    if reply is None:
        reply = post_reply(thread=thread, member=member, text=data["text"], parent=parent)
        dates = {"submit_date": submitted}
        if not reply.is_visible:  # the member's first reply
            approve_reply(reply=reply, editor=editor)
            dates["moderated_at"] = submitted + MAX_REPLY_GAP / 10
        Reply.objects.filter(pk=reply.pk).update(**dates)
    for username in data.get("liked_by", []):
        CommentFlag.objects.get_or_create(
            comment_id=reply.pk, user=members[username], flag=LIKEDIT_FLAG
        )
    report = data.get("reported")
    if report and reply.is_visible and not reply.reports.exists():
        report_reply(
            reply=reply,
            reason=report["reason"],
            note=report["note"],
            member=members[report["by"]],
        )
    return reply


def ensure_held_reply(thread, data, *, now):
    """A visitor's confirmed first reply, waiting for the redactie (as after the e-mail)."""
    replies = Reply.objects.of_thread(thread)
    if replies.filter(user_email=data["email"], comment=data["text"]).exists():
        return
    Reply.objects.create(
        content_type=Reply.thread_content_type(),
        object_pk=str(thread.pk),
        site_id=settings.SITE_ID,
        user_name=data["name"],
        user_email=data["email"],
        comment=data["text"],
        submit_date=now - datetime.timedelta(hours=3),
        is_public=False,
        held_because=Reply.HeldBecause.NEW_AUTHOR,
    )


def count(replies):
    """The number of replies in a nested list of demo replies."""
    return sum(1 + count(data.get("replies", [])) for data in replies)
