"""Keeping the embedded index current: changes are queued in the database with the change itself
and applied by whichever process holds the writer lock (search/tantivy/changes.py), also for
what Wagtail's own signals do not index (moves, view restrictions)."""

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.db import connection, connections
from wagtail.models import PageViewRestriction

from dialogues.moderation import approve_reply, remove_reply
from dialogues.replies import post_reply
from search.models import IndexChange
from search.tantivy import changes
from search.tantivy.index import open_index
from search.tantivy.query import search
from tests.dialogues.conftest import verified
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ContributorFactory,
    DialogueThreadPageFactory,
)

# The other processes must see what the test wrote: the migrations' data is put back after.
SHARED = pytest.mark.django_db(transaction=True, serialized_rollback=True)
WORKERS = 3
PAGES_PER_WORKER = 2
WAIT = 120


def found(path, words="", *, public_only=True):
    index = open_index(path)
    index.reload()
    return sorted(search(index, words, public_only=public_only, limit=1000).ids)


class SharedDatabase:
    """The test database as other processes reach it. On SQLite it lives in this process's
    memory, so they get a copy in a file, made by `url()` (after the test wrote its set-up)."""

    def __init__(self, folder):
        self.file = folder / "db.sqlite3"

    def url(self):
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            copy = sqlite3.connect(self.file)
            connection.connection.backup(copy)
            copy.close()
            return f"sqlite:///{self.file}"
        options = connection.settings_dict
        user = quote(options["USER"] or "")
        if options["PASSWORD"]:
            user += ":" + quote(options["PASSWORD"])
        host = options["HOST"] or "127.0.0.1"
        return f"postgres://{user}@{host}:{options['PORT'] or 5432}/{options['NAME']}"

    def queued(self):
        """The rows in the queue of changes, as the other processes left it."""
        if connection.vendor == "sqlite":
            with sqlite3.connect(self.file) as copy:
                return copy.execute("SELECT count(*) FROM search_indexchange").fetchone()[0]
        return IndexChange.objects.count()


@pytest.fixture
def shared_database(tmp_path):
    return SharedDatabase(tmp_path)


@pytest.fixture
def start_worker():
    """`start_worker(database_url, index_dir, mode, *arguments)`: a worker.py process; the ones
    a failing test leaves behind are stopped at its end."""
    started = []

    def start(database_url, index_dir, *arguments):
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hartvoordejeugd.settings.test",
            "DATABASE_URL": database_url,
            "HVDJ_SEARCH_INDEX_DIR": str(index_dir),
        }
        worker = subprocess.Popen(  # noqa: S603 - our own worker module
            [sys.executable, "-m", "tests.search.tantivy.worker", *map(str, arguments)],
            cwd=django_settings.BASE_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.poll() is None:
            worker.kill()
            worker.communicate()


def result_of(worker):
    stdout, stderr = worker.communicate(timeout=WAIT)
    assert worker.returncode == 0, stderr
    return json.loads(stdout.strip().splitlines()[-1])


def wait_for(path):
    deadline = time.monotonic() + WAIT
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} did not appear"
        time.sleep(0.02)


@SHARED
def test_every_page_that_several_processes_publish_at_once_arrives_in_the_index(
    home, index_dir, shared_database, start_worker, tmp_path
):
    sections = [
        ArticleIndexPageFactory(title=f"Verhalen {number}", slug=f"verhalen-{number}")
        for number in range(WORKERS)
    ]
    url = shared_database.url()
    go = tmp_path / "go"
    workers = [
        start_worker(
            url, index_dir, "publish", section.pk, PAGES_PER_WORKER, tmp_path / f"r{n}", go
        )
        for n, section in enumerate(sections)
    ]
    for number in range(WORKERS):
        wait_for(tmp_path / f"r{number}")
    go.touch()

    results = [result_of(worker) for worker in workers]
    published = [pk for result in results for pk in result["pks"]]

    assert len(published) == WORKERS * PAGES_PER_WORKER
    assert found(index_dir) == sorted(published), results
    assert shared_database.queued() == 0, results


@SHARED
def test_a_publish_while_a_rebuild_holds_the_lock_arrives_when_the_rebuild_lets_go(
    home, index_dir, shared_database, start_worker, tmp_path
):
    section = ArticleIndexPageFactory()
    earlier = ArticlePageFactory(parent=section, title="Gezinshuizen in Friesland")
    url = shared_database.url()
    locked, release = tmp_path / "locked", tmp_path / "release"
    rebuild = start_worker(url, index_dir, "rebuild", locked, release)
    # Starts at the same time; writes its draft and publishes it once the rebuild has the lock.
    editor = start_worker(url, index_dir, "publish", section.pk, 1, tmp_path / "r", locked, locked)

    # The publish neither waits for the lock nor fails; its change waits in the queue.
    published = result_of(editor)
    [story] = published["pks"]
    assert published["busy"] > 0
    assert rebuild.poll() is None
    assert shared_database.queued() > 0
    assert story not in found(index_dir)

    release.touch()
    result_of(rebuild)

    assert found(index_dir) == sorted([earlier.pk, story])
    assert shared_database.queued() == 0


@SHARED
def test_a_change_that_finds_the_lock_taken_is_applied_by_the_holder_after_it_lets_go(
    home, index_dir, monkeypatch
):
    """The race: the holder has read the queue, a change commits and finds the lock taken,
    then the holder lets go. The holder's look at the queue after letting go takes it."""
    earlier = ArticlePageFactory(title="Gezinsvoogden in Twente")
    holding, go_on = threading.Event(), threading.Event()
    replace = changes.replace

    def slow_replace(handle, pks):
        if threading.current_thread().name == "holder":
            holding.set()
            go_on.wait(WAIT)
        replace(handle, pks)

    def hold():
        try:
            changes.apply(index_dir)
        finally:
            connections.close_all()

    monkeypatch.setattr(changes, "replace", slow_replace)
    IndexChange.objects.create(index=changes.key(index_dir), page_id=earlier.pk)
    holder = threading.Thread(target=hold, name="holder")
    holder.start()
    assert holding.wait(WAIT)

    story = ArticlePageFactory(title="Gezinsvoogden in Zeeland")
    assert IndexChange.objects.filter(page_id=story.pk).exists()
    assert story.pk not in found(index_dir, public_only=False)

    go_on.set()
    holder.join(WAIT)

    assert found(index_dir, "gezinsvoogd") == sorted([earlier.pk, story.pk])
    assert not IndexChange.objects.exists()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit(): ...` runs what the block left for after the commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.mark.django_db
def test_a_change_is_queued_in_its_transaction_and_applied_after_the_commit(
    home, index_dir, commit
):
    with commit():
        story = ArticlePageFactory(title="Opvoedpoli in Rotterdam")
        assert IndexChange.objects.filter(page_id=story.pk).exists()
        assert found(index_dir, "opvoedpoli") == []

    assert found(index_dir, "opvoedpoli") == [story.pk]
    assert not IndexChange.objects.exists()


@pytest.mark.django_db
def test_a_story_that_cannot_be_indexed_does_not_hold_up_the_others(
    home, index_dir, commit, monkeypatch
):
    documents = changes.documents

    def failing_documents(pages):
        if any(page.title.startswith("Kapot") for page in pages):
            raise ValueError("a broken block")
        return documents(pages)

    monkeypatch.setattr(changes, "documents", failing_documents)
    with commit():
        broken = ArticlePageFactory(title="Kapot verhaal over jeugdhulp")
        story = ArticlePageFactory(title="Heel verhaal over jeugdhulp")

    assert found(index_dir, "jeugdhulp") == [story.pk]
    assert broken.pk not in found(index_dir, public_only=False)
    assert not IndexChange.objects.exists()


@pytest.mark.django_db
def test_a_rebuild_takes_the_queued_changes_along(home, index_dir, settings):
    from django.core.management import call_command

    story = ArticlePageFactory(title="Buurtgezinnen in Tilburg")
    assert IndexChange.objects.exists()

    call_command("update_index", backend_name="tantivy", verbosity=0)

    assert found(index_dir, "buurtgezin") == [story.pk]
    assert not IndexChange.objects.exists()


@pytest.mark.django_db
def test_a_view_restriction_takes_the_stories_below_out_of_the_public_search_and_back(
    home, index_dir, commit
):
    section = ArticleIndexPageFactory()
    with commit():
        story = ArticlePageFactory(parent=section, title="Supervisie voor pleegouders")
    assert found(index_dir, "supervisie") == [story.pk]

    with commit():
        restriction = PageViewRestriction.objects.create(page=section, restriction_type="login")
    assert found(index_dir, "supervisie") == []
    assert found(index_dir, "supervisie", public_only=False) == [story.pk]

    with commit():
        restriction.delete()
    assert found(index_dir, "supervisie") == [story.pk]


@pytest.mark.django_db
def test_moving_a_story_under_a_restricted_section_takes_it_out_of_the_public_search(
    home, index_dir, commit
):
    open_section = ArticleIndexPageFactory()
    closed = ArticleIndexPageFactory(title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=closed, restriction_type="login")
    with commit():
        story = ArticlePageFactory(parent=open_section, title="Teamcoaching in de jeugdzorg")
    assert found(index_dir, "teamcoaching") == [story.pk]

    with commit():
        story.move(closed, pos="last-child")

    assert found(index_dir, "teamcoaching") == []
    assert found(index_dir, "teamcoaching", public_only=False) == [story.pk]


@pytest.mark.django_db
def test_moving_a_section_reindexes_the_stories_below_it(home, index_dir, commit):
    section = ArticleIndexPageFactory()
    closed = ArticleIndexPageFactory(title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=closed, restriction_type="login")
    with commit():
        story = ArticlePageFactory(parent=section, title="Gezinsklassen op school")

    with commit():
        section.move(closed, pos="last-child")

    assert found(index_dir, "gezinsklas") == []
    assert found(index_dir, "gezinsklas", public_only=False) == [story.pk]


@pytest.mark.django_db
def test_unpublishing_and_deleting_take_a_story_out_of_the_public_search(home, index_dir, commit):
    with commit():
        gone = ArticlePageFactory(title="Jongerenraad in Breda")
        hidden = ArticlePageFactory(title="Jongerenraad in Leiden")
    assert found(index_dir, "jongerenraad") == sorted([gone.pk, hidden.pk])

    with commit():
        hidden.unpublish()
        gone.delete()

    assert found(index_dir, "jongerenraad") == []
    assert found(index_dir, "jongerenraad", public_only=False) == [hidden.pk]


@pytest.mark.django_db
def test_deleting_a_section_removes_its_stories_from_the_index(home, index_dir, commit):
    section = ArticleIndexPageFactory()
    with commit():
        story = ArticlePageFactory(parent=section, title="Ouderavonden over sociale media")

    with commit():
        section.delete()

    assert found(index_dir, "ouderavond", public_only=False) == []
    assert story.pk not in found(index_dir, public_only=False)


@pytest.mark.django_db
def test_a_reply_is_queued_with_its_approval_and_leaves_with_its_removal(
    home, index_dir, commit, editor
):
    member = verified(ContributorFactory())
    with commit():
        thread = DialogueThreadPageFactory(title="Wie helpt bij een verhuizing?")
        held = post_reply(thread=thread, member=member, text="De verhuisbus van de buurt.")
    assert found(index_dir, "verhuisbus") == []

    with commit():
        approve_reply(reply=held, editor=editor)
        assert IndexChange.objects.filter(page_id=thread.pk).exists()
    assert found(index_dir, "verhuisbus") == [thread.pk]

    with commit():
        remove_reply(reply=held, editor=editor, reason="Reclame")
    assert found(index_dir, "verhuisbus") == []
