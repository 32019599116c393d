import pytest

from tests.adoptions.factories import PracticeArticleFactory
from tests.factories import RegionFactory


@pytest.fixture
def practice(db):
    return PracticeArticleFactory(title="Samen aan tafel met school en wijkteam")


@pytest.fixture
def utrecht(db):
    return RegionFactory(name="Utrecht Stad", slug="utrecht-stad")


@pytest.fixture
def twente(db):
    return RegionFactory(name="Twente", slug="twente")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client
