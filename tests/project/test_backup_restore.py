"""`manage.py backup` and `manage.py restore`: a restored site has the same content and files,
from pg_dump on PostgreSQL and from the portable fixtures, also in a fresh database."""

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError
from django.db import connection
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from dialogues.models import Reply
from dialogues.moderation import approve_reply
from dialogues.replies import post_reply
from hartvoordejeugd.backups import (
    BackupError,
    latest_migrations,
    postgresql_tool,
    stored_files,
)
from search.tantivy.index import writer
from tests.dialogues.conftest import verified
from tests.factories import (
    ArticlePageFactory,
    ContributorFactory,
    DialogueThreadPageFactory,
    ImageFactory,
)
from tests.utils import run_command

PROJECT = Path(django_settings.BASE_DIR)
NEEDS_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_dump backs up PostgreSQL only"
)


def snapshot():
    """What must survive: pages, members, replies and the bytes of every file."""
    return {
        "pages": sorted(
            Page.objects.values_list("url_path", "title", "live", "content_type__model")
        ),
        "members": sorted(get_user_model().objects.values_list("username", "email", "password")),
        "replies": sorted(Reply.objects.values_list("comment", "is_public", "is_removed")),
        "files": {
            name: hashlib.sha256(default_storage.open(name).read()).hexdigest()
            for name in stored_files()
        },
    }


@pytest.fixture
def site_with_content(editor, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        article = ArticlePageFactory(title="Samen aan tafel met school")
        article.hero_image = ImageFactory()
        article.save()
        thread = DialogueThreadPageFactory(title="Hoe vond jij een pleeggezin?")
        member = verified(ContributorFactory())
        reply = post_reply(thread=thread, member=member, text="Via de regio, na een lange tijd.")
        approve_reply(reply=reply, editor=editor)
        get_document_model().objects.create(
            title="Verslag", file=ContentFile(b"%PDF-1.4\n% demo\n", name="verslag.pdf")
        )
        yield
    # A restore empties the content type cache; the next test's serialized rollback must find
    # every type in it, or it creates one anew before the row with its own id arrives.
    ContentType.objects.get_for_models(*apps.get_models())


def manifest_of(archive):
    with tarfile.open(archive, "r:gz") as tar:
        return json.load(tar.extractfile("manifest.json"))


def expected_form(options):
    portable = "--portable" in options or connection.vendor != "postgresql"
    return "json" if portable else "pg_dump"


def table_rows(cursor):
    """Pages, members and replies read with plain SQL, from any database."""
    members = get_user_model()._meta.db_table
    replies = Reply._meta.get_field("comment").model._meta.db_table  # django_comments' table
    queries = {
        "pages": "SELECT url_path, title, live FROM wagtailcore_page",
        "members": f"SELECT username, email, password FROM {members}",  # noqa: S608
        "replies": f"SELECT comment, is_public, is_removed FROM {replies}",  # noqa: S608
    }
    rows = {}
    for key, query in queries.items():
        cursor.execute(query)
        rows[key] = sorted(tuple(row) for row in cursor.fetchall())  # SQLite's 1 == True
    return rows


def file_hashes(root):
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in Path(root).rglob("*")
        if path.is_file()
    }


@contextmanager
def fresh_database(kind, tmp_path):
    """(DATABASE_URL, connect) of a new, empty database of `kind`, dropped afterwards."""
    if kind == "sqlite":
        path = tmp_path / "fresh.sqlite3"
        yield f"sqlite:///{path}", lambda: sqlite3.connect(path)
        return
    here = connection.settings_dict
    name = f"{here['NAME']}_fresh"
    address = {"user": here["USER"], "password": here["PASSWORD"] or None}
    address |= {"host": here["HOST"] or None, "port": here["PORT"] or None}
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://{here['USER']}:{here['PASSWORD']}@{here['HOST']}:{here['PORT']}/{name}"
    try:
        yield url, lambda: psycopg.connect(dbname=name, **address)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def restore_elsewhere(archive, database_url, tmp_path):
    """`manage.py restore` in another installation: its own database, media and index."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hartvoordejeugd.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / "fresh-media"),
        "HVDJ_SEARCH_INDEX_DIR": str(tmp_path / "fresh-index"),
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "restore", str(archive), "--yes"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def write_archive(path, members):
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data.encode())
            tar.addfile(info, io.BytesIO(data.encode()))


# Transactional: PostgreSQL can't TRUNCATE (restore's flush) in a transaction with pending
# constraint checks, and pg_dump sees committed rows only; the migrations' data is put back
# after the test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("options", [[], ["--portable"]], ids=["default", "portable"])
def test_a_restored_site_has_the_same_pages_members_replies_and_files(
    site_with_content, tmp_path, settings, options
):
    before = snapshot()
    archive = tmp_path / "backup.tar.gz"
    output = run_command("backup", "--output", str(archive), *options)
    assert "Back-up gemaakt" in output
    assert manifest_of(archive)["database"] == expected_form(options)

    # An empty installation: nothing in the database but what the migrations made, no files.
    run_command("flush", "--no-input")
    settings.MEDIA_ROOT = tmp_path / "new-media"
    assert snapshot()["files"] == {}
    assert not Reply.objects.exists()

    output = run_command("restore", str(archive), "--yes")

    assert "Teruggezet" in output
    after = snapshot()
    assert after == before
    assert "documents/verslag.pdf" in after["files"]
    assert any(name.startswith("original_images/") for name in after["files"])
    assert any(title == "Samen aan tafel met school" for _, title, *_ in after["pages"])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_a_restore_the_search_index_holds_the_restored_stories(site_with_content, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    run_command("backup", "--output", str(archive))
    run_command("flush", "--no-input")
    backend = get_search_backend("tantivy")
    with writer(backend.index) as handle:
        handle.delete_all_documents()
    assert backend.search_stories("tafel school").ids == []

    run_command("restore", str(archive), "--yes")

    found = backend.search_stories("tafel school").ids
    assert [Page.objects.get(pk=pk).title for pk in found] == ["Samen aan tafel met school"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    ("kind", "options"),
    [
        pytest.param("sqlite", ["--portable"], id="portable-into-sqlite"),
        pytest.param("postgresql", [], id="pg_dump-into-postgresql", marks=NEEDS_POSTGRESQL),
        pytest.param(
            "postgresql", ["--portable"], id="portable-into-postgresql", marks=NEEDS_POSTGRESQL
        ),
    ],
)
def test_a_backup_restores_into_a_fresh_empty_database(site_with_content, tmp_path, kind, options):
    archive = tmp_path / "backup.tar.gz"
    run_command("backup", "--output", str(archive), *options)
    with connection.cursor() as cursor:
        before = table_rows(cursor)

    with fresh_database(kind, tmp_path) as (url, connect):
        result = restore_elsewhere(archive, url, tmp_path)
        assert result.returncode == 0, result.stderr
        with connect() as fresh:
            after = table_rows(fresh.cursor())

    assert "Teruggezet" in result.stdout
    assert manifest_of(archive)["database"] == expected_form(options)
    assert after == before
    assert any(title == "Samen aan tafel met school" for _, title, _ in after["pages"])
    assert file_hashes(tmp_path / "fresh-media") == file_hashes(tmp_path / "media")


def test_a_pg_dump_archive_is_refused_by_sqlite_with_the_way_out(tmp_path, db):
    archive = tmp_path / "postgresql.tar.gz"
    manifest = {"format": 2, "database": "pg_dump", "migrations": latest_migrations()}
    write_archive(archive, {"manifest.json": json.dumps(manifest), "database.pgdump": "PGDMP"})

    with fresh_database("sqlite", tmp_path) as (url, _connect):
        result = restore_elsewhere(archive, url, tmp_path)

    assert result.returncode != 0
    assert "alleen in PostgreSQL" in result.stderr
    assert "--portable" in result.stderr


def test_without_pg_dump_the_message_says_what_to_install_or_what_else_to_do(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(BackupError, match="pg_dump is niet gevonden") as raised:
        postgresql_tool("pg_dump")

    assert "postgresql-client" in str(raised.value)
    assert "--portable" in str(raised.value)


@NEEDS_POSTGRESQL
def test_without_pg_dump_a_postgresql_backup_stops_and_a_portable_one_still_works(
    tmp_path, monkeypatch, db
):
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(CommandError, match="pg_dump is niet gevonden"):
        run_command("backup", "--output", str(tmp_path / "backup.tar.gz"))
    output = run_command("backup", "--output", str(tmp_path / "backup.tar.gz"), "--portable")

    assert "draagbare JSON" in output


def test_restore_refuses_an_archive_with_migrations_this_version_lacks(tmp_path, db):
    archive = tmp_path / "nieuwer.tar.gz"
    migrations = {**latest_migrations(), "stories": ["9999_uit_de_toekomst"]}
    manifest = {"format": 2, "database": "json", "migrations": migrations}
    write_archive(archive, {"manifest.json": json.dumps(manifest)})

    with pytest.raises(CommandError, match="nieuwere versie"):
        run_command("restore", str(archive), "--yes")


def test_restore_refuses_something_that_is_not_a_backup(tmp_path, db):
    archive = tmp_path / "iets.tar.gz"
    archive.write_bytes(b"geen archief")

    with pytest.raises(CommandError):
        run_command("restore", str(archive), "--yes")


def test_restore_refuses_file_names_that_climb_out_of_the_media_folder(tmp_path, db):
    archive = tmp_path / "kwaad.tar.gz"
    write_archive(
        archive,
        {
            # Format 1, from before pg_dump: fixtures, still read.
            "manifest.json": json.dumps({"format": 1, "migrations": latest_migrations()}),
            "types.json": "[]",
            "database.json": "[]",
            "media/../../buiten.txt": "x",
        },
    )

    with pytest.raises(CommandError, match="Onveilige bestandsnaam"):
        run_command("restore", str(archive), "--yes")
    assert not (tmp_path.parent / "buiten.txt").exists()
