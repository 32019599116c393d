"""What follows when a reply appears or disappears: the thread's activity figures, its entry in
the search index, the page cache, and (the first time a reply is visible) its followers' e-mail.

Every action that posts a reply or changes its state calls `became_visible_or_hidden`.
"""

from django.db import transaction
from wagtail.search.index import insert_or_update_object

from core.page_cache import empty_page_cache

from .models import DialogueThreadPage, Reply, ThreadActivity
from .notifications import notify_followers


def became_visible_or_hidden(reply: Reply) -> None:
    """Keep search and followers in step with what visitors can see."""
    thread = DialogueThreadPage.objects.filter(pk=reply.object_pk).first()
    if thread is None:
        return
    ThreadActivity.refresh(thread.pk)
    # In the transaction, as Wagtail does for pages: the embedded index queues the change with it.
    insert_or_update_object(thread)
    # The state changes by a queryset update (set_state), which sends no post_save: the cached
    # pages and the kept counts (the thread's pages of replies) start anew, now and once more
    # after the commit (a page cached in between would show the state before it).
    empty_page_cache()
    transaction.on_commit(empty_page_cache)
    if reply.is_visible and not reply.followers_notified:
        notify_followers(reply=reply, thread=thread)
