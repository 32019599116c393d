import pytest
from allauth.account.models import EmailAddress

from dialogues.moderation import approve_reply
from dialogues.replies import post_reply
from tests.factories import ContributorFactory, DialogueThreadPageFactory


def verified(member):
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


@pytest.fixture
def thread(home):
    """A live dialogue thread under /dialogen/."""
    return DialogueThreadPageFactory(title="Hoe praat je met je kind over een uithuisplaatsing?")


@pytest.fixture
def member(db):
    """A member with a verified e-mail address who has never replied."""
    return verified(ContributorFactory())


@pytest.fixture
def trusted_member(thread, editor):
    """A verified member whose earlier reply the redactie approved."""
    person = verified(ContributorFactory())
    approve_reply(
        reply=post_reply(thread=thread, member=person, text="Eerste keer."), editor=editor
    )
    return person


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit (e-mails, the search index) at the end of
    the `with` block: tests run inside a transaction that never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
