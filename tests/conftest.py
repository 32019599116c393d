import pytest
from django.core.cache import cache
from django.test import override_settings

from home.models import HomePage
from tests.factories import ContributorFactory, EditorFactory
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
def demo(db):
    """The demo site of `load_demo`."""
    run_command("load_demo")
