"""The dialogues' models, one module per concern:

- `threads`: the dialogue pages (a thread, and the index at /dialogen/);
- `replies`: a reply (django-comments-xtd's threaded comment plus its moderation state) and the
  tree of replies a thread page shows;
- `activity`: each thread's kept reply count and last activity, and listing threads by it;
- `reports`: readers' reports about a reply, and the words that hold a reply for the redactie.
"""

from .activity import ByActivity, ThreadActivity, most_recently_active, with_activity
from .replies import Reply, ReplyNode, ReplyQuerySet, like_count, reply_tree
from .reports import BlockedWord, ReplyReport
from .threads import DialogueIndexPage, DialogueThreadPage, is_verified_member

__all__ = [
    "BlockedWord",
    "ByActivity",
    "DialogueIndexPage",
    "DialogueThreadPage",
    "Reply",
    "ReplyNode",
    "ReplyQuerySet",
    "ReplyReport",
    "ThreadActivity",
    "is_verified_member",
    "like_count",
    "most_recently_active",
    "reply_tree",
    "with_activity",
]
