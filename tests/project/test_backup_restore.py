"""`manage.py backup` and `manage.py restore`: a restored site has the same content and files."""

import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from dialogues.models import Reply
from dialogues.replies import approve_reply, post_reply
from hartvoordejeugd.backups import stored_files
from search.tantivy.index import writer
from tests.dialogues.conftest import verified
from tests.factories import (
    ArticlePageFactory,
    ContributorFactory,
    DialogueThreadPageFactory,
    ImageFactory,
)
from tests.utils import run_command


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


# Transactional: PostgreSQL can't TRUNCATE (restore's flush) in a transaction with pending
# constraint checks; the migrations' data is put back after the test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_site_has_the_same_pages_members_replies_and_files(
    site_with_content, tmp_path, settings
):
    before = snapshot()
    archive = tmp_path / "backup.tar.gz"
    output = run_command("backup", "--output", str(archive))
    assert "Back-up gemaakt" in output

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


def test_restore_refuses_something_that_is_not_a_backup(tmp_path, db):
    archive = tmp_path / "iets.tar.gz"
    archive.write_bytes(b"geen archief")

    with pytest.raises(CommandError):
        run_command("restore", str(archive), "--yes")


def test_restore_refuses_file_names_that_climb_out_of_the_media_folder(tmp_path, db):
    import io
    import json
    import tarfile

    from hartvoordejeugd.backups import latest_migrations

    archive = tmp_path / "kwaad.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in (
            ("manifest.json", json.dumps({"format": 1, "migrations": latest_migrations()})),
            ("types.json", "[]"),
            ("database.json", "[]"),
            ("media/../../buiten.txt", "x"),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data.encode())
            tar.addfile(info, io.BytesIO(data.encode()))

    with pytest.raises(CommandError, match="Onveilige bestandsnaam"):
        run_command("restore", str(archive), "--yes")
    assert not (tmp_path.parent / "buiten.txt").exists()
