"""A separate OS process for test_changes.py: a gunicorn worker publishing, or a rebuild holding
the writer lock. Run as `python -m tests.search.tantivy.worker MODE ...` with DATABASE_URL and
HVDJ_SEARCH_INDEX_DIR pointing at the test's database and index; prints a JSON line."""

import json
import os
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hartvoordejeugd.settings.test")
django.setup()

from wagtail.search.backends import get_search_backend  # noqa: E402

from search.tantivy import changes  # noqa: E402
from search.tantivy.backend import TantivyRebuilder  # noqa: E402
from stories.models import ArticleIndexPage, ArticlePage, StoryPage  # noqa: E402
from tests.factories import ArticlePageFactory  # noqa: E402

WAIT = 60
# How often this process found the writer lock taken (and left its changes to the holder).
busy = []
apply = changes.apply


def counting_apply(path):
    done = apply(path)
    busy.append(not done)
    return done


changes.apply = counting_apply


def wait_for(path):
    deadline = time.monotonic() + WAIT
    while not Path(path).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(path)
        time.sleep(0.01)


def publish(parent, count, ready, go, begin=None):
    """Write `count` drafts under the section `parent` (once `begin` exists, if given), then,
    when `go` exists, publish them one after the other, as editors in several workers do at
    the same moment."""
    if begin:
        wait_for(begin)
    section = ArticleIndexPage.objects.get(pk=parent)
    drafts = [
        ArticlePageFactory(parent=section, title=f"Werkverhaal {parent} {number}", live=False)
        for number in range(int(count))
    ]
    Path(ready).touch()
    wait_for(go)
    busy.clear()
    slowest = 0.0
    for page in drafts:
        started = time.monotonic()
        page.save_revision().publish()
        slowest = max(slowest, time.monotonic() - started)
    return {"pks": [page.pk for page in drafts], "slowest": slowest, "busy": sum(busy)}


def rebuild(locked, release):
    """update_index's rebuild of every story, holding the writer lock until `release` exists."""
    index = get_search_backend("tantivy").get_index_for_model(ArticlePage)
    rebuilder = TantivyRebuilder(index)
    index = rebuilder.start()
    index.add_items(ArticlePage, list(StoryPage.objects.specific()))
    Path(locked).touch()
    wait_for(release)
    rebuilder.finish()
    return {}


if __name__ == "__main__":
    mode, *arguments = sys.argv[1:]
    result = {"publish": publish, "rebuild": rebuild}[mode](*arguments)
    sys.stdout.write(json.dumps(result) + "\n")
