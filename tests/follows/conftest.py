import pytest

from tests.factories import (
    ChangeTaskFactory,
    DialogueThreadPageFactory,
    RegionFactory,
    ThemeFactory,
)


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Pleegzorg", slug="pleegzorg")


@pytest.fixture
def region(db):
    return RegionFactory(name="Twente", slug="twente")


@pytest.fixture
def change_task(db):
    return ChangeTaskFactory(name="Thuisnabij", slug="thuisnabij")


@pytest.fixture
def thread(home):
    """A live dialogue thread under /dialogen/."""
    return DialogueThreadPageFactory(title="Hoe vind je een pleeggezin?")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the e-mails) at the end of the `with` block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
