import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import override_settings

from home.models import HomePage
from tests.factories import ContributorFactory, EditorFactory, UserFactory
from tests.utils import run_command


@pytest.fixture(autouse=True, scope="session")
def _media_root(tmp_path_factory):
    """Uploaded and generated files go to a temporary folder, never to the project's media/."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


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
