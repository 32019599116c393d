"""The index on disk: one writer at a time, and an index of another schema version rebuilt."""

import pytest

from search.tantivy.documents import make_document
from search.tantivy.index import (
    SCHEMA_VERSION,
    VERSION_FILE,
    IndexBusy,
    forget,
    open_index,
    writer,
)


def add(index, pk, title):
    with writer(index) as handle:
        handle.add_document(make_document(pk, {"title": title}, {}, type=1, published=None))


def test_a_second_writer_is_refused_with_index_busy(tmp_path):
    index = open_index(tmp_path)
    with writer(index), pytest.raises(IndexBusy), writer(index):
        pass

    add(index, 1, "Daarna mag het weer")  # the lock was let go
    assert index.searcher().num_docs == 1


def test_a_failed_batch_is_rolled_back_and_lets_go_of_the_lock(tmp_path):
    index = open_index(tmp_path)
    with pytest.raises(RuntimeError), writer(index) as handle:
        handle.add_document(make_document(1, {"title": "Half"}, {}, type=1, published=None))
        raise RuntimeError

    add(index, 2, "Heel")
    assert index.searcher().num_docs == 1


def test_an_index_of_another_schema_version_is_wiped_and_recreated(tmp_path):
    index = open_index(tmp_path)
    add(index, 1, "Oud")
    forget(tmp_path)
    (tmp_path / VERSION_FILE).write_text("0")

    index = open_index(tmp_path)

    assert index.searcher().num_docs == 0
    assert (tmp_path / VERSION_FILE).read_text() == SCHEMA_VERSION


def test_opening_an_index_again_leaves_its_version_file_alone(tmp_path):
    """Every worker opens the index; rewriting the version file each time let another worker
    read it empty and wipe a good index."""
    index = open_index(tmp_path)
    add(index, 1, "Blijft")
    before = (tmp_path / VERSION_FILE).stat()
    forget(tmp_path)

    index = open_index(tmp_path)

    after = (tmp_path / VERSION_FILE).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert index.searcher().num_docs == 1


def test_a_directory_another_worker_is_still_creating_is_not_wiped(tmp_path):
    (tmp_path / "begonnen").write_text("")  # created, no version file or index files yet

    index = open_index(tmp_path)

    assert (tmp_path / "begonnen").exists()
    assert (tmp_path / VERSION_FILE).read_text() == SCHEMA_VERSION
    add(index, 1, "Nieuw")
    assert index.searcher().num_docs == 1
