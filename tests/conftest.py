import shutil

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.signals import request_started
from django.test import override_settings

from home.models import HomePage
from tests.factories import ContributorFactory, EditorFactory, UserFactory
from tests.utils import run_command


@pytest.fixture(autouse=True, scope="session")
def _media_root(tmp_path_factory):
    """Uploaded and generated files go to a temporary folder, never to the project's media/."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(autouse=True, scope="session")
def _search_index_dir(tmp_path_factory):
    """The embedded search index lives in a temporary folder for the whole session. Each test
    runs in a transaction that is never committed, so the changes Wagtail's signals queue for
    after the commit are applied when the next request starts instead (the same write, read
    from the database then)."""
    from search.tantivy import availability, changes, index

    def flush_pending(**kwargs):
        changes.apply_recorded()

    with override_settings(HVDJ_SEARCH_INDEX_DIR=tmp_path_factory.mktemp("search-index")):
        # Built and empty from the start, also for module-scoped fixtures, which run before
        # _empty_search_index: an index that is not built would be rebuilt in the background.
        index.open_index(index.default_path())
        availability.mark_built(index.default_path())
        request_started.connect(flush_pending, dispatch_uid="tests-flush-search-index")
        yield
        request_started.disconnect(dispatch_uid="tests-flush-search-index")


# The Django TestCase class whose data (setUpTestData) the search index holds, if any.
_indexed_class = []


@pytest.fixture(autouse=True)
def _empty_search_index(request, _search_index_dir):
    """Each test starts with an empty, built search index: the database is rolled back after
    a test, the index is not. The tests of one Django TestCase class share their class's data,
    so the index is emptied once for the class. Costs a write only after a test that indexed
    something."""
    from django.test import TestCase

    from search.tantivy import availability, changes, index

    if request.cls is not None and issubclass(request.cls, TestCase):
        if _indexed_class == [request.cls]:
            return
        # Keeps what the class's setUpTestData left to be written.
        _indexed_class[:] = [request.cls]
    else:
        _indexed_class.clear()
        changes.recorded.clear()
    path = index.default_path()
    try:
        tantivy_index = index.open_index(path)
        if tantivy_index.searcher().num_docs:
            with index.writer(tantivy_index) as handle:
                handle.delete_all_documents()
    except Exception:  # noqa: BLE001 (a test left it damaged: start afresh)
        index.forget(path)
        shutil.rmtree(path, ignore_errors=True)
        index.open_index(path)
    if not availability.is_built(path):
        availability.mark_built(path)


@pytest.fixture
def embedded_search(settings):
    """The public search runs on the embedded engine (search/tantivy/) in this test."""
    settings.HVDJ_PUBLIC_SEARCH_BACKEND = "tantivy"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: database ids repeat between tests, and Wagtail
    caches image renditions by id; allauth's rate limits live in the cache too."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """The HomePage the migrations create as the root of the default site."""
    return HomePage.objects.get()


@pytest.fixture
def contributor(db):
    """A member of the Bijdragers group."""
    return ContributorFactory()


@pytest.fixture
def member(db):
    """A member of the Bijdragers whose e-mail address is verified, so they may share."""
    member = ContributorFactory()
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


@pytest.fixture
def editor(db):
    """A member of the Redactie."""
    return EditorFactory()


@pytest.fixture
def editor_client(client, editor):
    """The test client, logged in as a member of the Redactie."""
    client.force_login(editor)
    return client


@pytest.fixture
def admin_user_outside_the_redactie(db):
    """Someone who may enter the Wagtail admin but is not in the Redactie."""
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def demo(db):
    """The demo site of `load_demo`."""
    run_command("load_demo")
