"""Live changes to the embedded index from several processes: a queue in the database, applied
by whichever process holds the writer lock.

Hand-written: tantivy allows one writer per index directory and gunicorn runs several workers,
and no library queues changes for an embedded index. The rules:

- A change is recorded as rows (search.models.IndexChange: index, page) in the transaction that
  makes it (Wagtail's signals run inside the publish, unpublish or delete, and the reply
  functions of dialogues/replies.py inside theirs), so the rows exist exactly when the change
  does. The stories below a moved page or a new or removed view restriction, and those with a
  renamed or deleted theme, change task, region or audience, are recorded by the handlers at
  the end of this module, right after that change.
- After the commit, `apply` tries the writer lock without waiting. Got it: it reads a batch of
  rows, reads those pages again (the current state, or their absence), replaces their entries,
  commits the index and then deletes exactly the rows it read (never "up to an id": a row with
  a lower id may commit later). It repeats until the queue is empty.
- Busy: the request goes on. Whoever holds the lock lets go of it first and then looks at the
  queue again (every writer does: `apply` itself, the rebuild, `reset`), so a row committed
  before a process failed to take the lock is seen by the holder's look after letting go.
  A process that dies holding the lock leaves its rows for the next write or `update_index`.
- A database error leaves the rows for the next write; a page whose document cannot be made
  (a fault in its content) is logged and left out, so that one page does not hold up the rest.
- A rebuild deletes the rows that were there when it started (it read those pages later) and
  applies the ones that arrived meanwhile once it has let go of the lock.

Searchers in every process see a commit within about half a second: tantivy's reader follows
the index's meta.json, nothing is reopened.
"""

import functools
import logging
from pathlib import Path

from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, pre_delete
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.models import IndexChange
from stories.models import Audience, ChangeTask, Region, StoryPage, Theme

from . import availability
from . import index as index_module
from .documents import documents

logger = logging.getLogger(__name__)

# Rows applied per writer commit.
BATCH = 500

# The indexes this process recorded changes for that it has not seen applied: the tests apply
# them when the next request starts (their transactions never commit).
recorded = set()


def key(path):
    """The queue's name of the index in directory `path` (the same in every process)."""
    return str(Path(path).resolve())


def record(path, pks):
    """Note that the entries of `pks` in the index at `path` must be brought in line with the
    database, and apply that after the transaction commits (at once when there is none).

    The pages are read after the commit: a publish saves the page before its taxonomy
    (modelcluster writes the M2M rows after the page row), and a rolled-back change leaves no
    row at all."""
    pks = set(pks)
    if not pks:
        return
    name = key(path)
    IndexChange.objects.bulk_create(IndexChange(index=name, page_id=pk) for pk in pks)
    recorded.add(name)
    transaction.on_commit(functools.partial(apply, name))


def record_subtree(path, tree_path):
    """Record every story at or below the tree path `tree_path` (a move, a view restriction)."""
    record(path, StoryPage.objects.filter(path__startswith=tree_path).values_list("pk", flat=True))


def queued(name, limit=BATCH):
    """[(row id, page pk)] of the oldest rows of the index `name`."""
    return list(
        IndexChange.objects.filter(index=name).order_by("pk").values_list("pk", "page_id")[:limit]
    )


def apply(path):
    """Apply the queued changes of the index at `path` unless another writer holds its lock
    (that writer applies them after letting go). Never waits; never raises: the change is in the
    database already and must not fail the request that made it. Returns whether the queue was
    found empty at the end."""
    name = key(path)
    try:
        while rows := queued(name):
            with index_module.writer(index_module.open_index(name)) as handle:
                replace(handle, {page for _row, page in rows})
            IndexChange.objects.filter(pk__in=[row for row, _page in rows]).delete()
    except index_module.IndexBusy:
        logger.info("tantivy index %s: its writer applies the queued changes", name)
        return False
    except Exception:
        logger.exception("tantivy index %s: the queued changes wait for the next write", name)
        return False
    recorded.discard(name)
    return True


def replace(handle, pks):
    """Replace the entries of `pks` by their pages as the database has them now."""
    pages = list(StoryPage.objects.filter(pk__in=pks).specific())
    docs = documents_of(pages)
    for pk in pks:
        handle.delete_documents_by_term("id", int(pk))
    for doc in docs:
        handle.add_document(doc)


def documents_of(pages):
    """The documents of `pages`. A page whose document cannot be made (a fault in its content,
    not the database: then the rows stay for the next write) is logged and left out of the
    index, so that it does not hold up the queue."""
    try:
        return documents(pages)
    except DatabaseError:
        raise
    except Exception:  # noqa: BLE001 (one page's fault: find it, page by page)
        return [doc for page in pages for doc in document_or_nothing(page)]


def document_or_nothing(page):
    try:
        return documents([page])
    except DatabaseError:
        raise
    except Exception:
        logger.exception("tantivy: page %s cannot be indexed; it is left out", page.pk)
        return []


def apply_recorded():
    """Apply the queues this process recorded into (the tests' stand-in for the commit)."""
    for name in list(recorded):
        apply(name)


def pending_rows(path):
    """The ids of the rows of the index at `path` now (a rebuild covers them)."""
    return list(IndexChange.objects.filter(index=key(path)).values_list("pk", flat=True))


def forget(ids):
    """Delete the rows `ids` (a rebuild that started after they were written covered them)."""
    ids = list(ids)
    for start in range(0, len(ids), BATCH):
        IndexChange.objects.filter(pk__in=ids[start : start + BATCH]).delete()


# --- Changes Wagtail's signals do not index -----------------------------------------------------


def embedded_paths():
    """The directories of the embedded indexes in WAGTAILSEARCH_BACKENDS."""
    return [get_search_backend(alias).path for alias in availability.embedded_aliases()]


def page_moved(sender, instance, **kwargs):
    """post_page_move: a moved page's stories may come under a view restriction or out of one."""
    for path in embedded_paths():
        record_subtree(path, instance.path)


def view_restriction_changed(sender, instance, created=True, **kwargs):
    """post_save (when created) and post_delete of a PageViewRestriction: the stories at and
    below its page change between public and not public. A changed password or group does not
    change that."""
    if not created:
        return
    paths = embedded_paths()
    tree_path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if paths and tree_path:
        for path in paths:
            record_subtree(path, tree_path)


# The relation on StoryPage of each kind of taxonomy term: a story's entry holds the names of its
# terms (the `taxonomy` text) and their ids (the facets).
TERM_RELATIONS = {
    Theme: "themes",
    ChangeTask: "change_tasks",
    Region: "regions",
    Audience: "audiences",
}


def stories_with_term(term):
    relation = TERM_RELATIONS[type(term)]
    return list(StoryPage.objects.filter(**{relation: term.pk}).values_list("pk", flat=True))


def term_about_to_change(sender, instance, **kwargs):
    """pre_save and pre_delete of a term: what its stories' entries depend on, before the change
    (the stories themselves, for a delete, which takes them off the term first)."""
    if instance.pk is None or not embedded_paths():
        return
    if kwargs.get("signal") is pre_delete:
        instance._indexed_stories = stories_with_term(instance)
    else:
        instance._indexed_name = (
            sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
        )


def term_changed(sender, instance, created=False, **kwargs):
    """post_save and post_delete of a term: a new name, or no term at all, re-indexes its
    stories. Recorded after the change, so that a change outside a transaction is applied once
    it is written. A term with thousands of stories takes a while to apply: the writer does it
    after the commit, in batches of BATCH."""
    if created:
        return
    if kwargs.get("signal") is post_delete:
        pks = getattr(instance, "_indexed_stories", [])
    elif getattr(instance, "_indexed_name", instance.name) != instance.name:
        pks = stories_with_term(instance)
    else:
        return
    for path in embedded_paths():
        record(path, pks)
