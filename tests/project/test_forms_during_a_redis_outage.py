"""Every rate-limited form while Redis, which keeps the limits, is away: each submission goes
through once, and a refused form still shows what was typed.

Redis "stops" by cutting the proxy between the site and the local Redis (see conftest.py).
"""

import logging
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from dialogues.models import DialogueThreadPage, Reply, ReplyReport
from dialogues.moderation import approve_reply
from dialogues.replies import post_reply
from stories.models import ArticlePage, WebinarRegistration
from tests.dialogues.conftest import verified
from tests.factories import (
    PASSWORD,
    ArticleIndexPageFactory,
    ContributorFactory,
    DialogueIndexPageFactory,
    DialogueThreadPageFactory,
    WebinarPageFactory,
)
from tests.utils import CONSENT

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(home, editor):
    """A live dialogue with one visible reply, to answer and to report."""
    thread = DialogueThreadPageFactory(title="Praten met school")
    post_reply(thread=thread, member=editor, text="Een reactie om op te reageren.")
    return thread


@pytest.fixture
def trusted_member(thread, editor):
    """A verified member whose earlier reply the redactie approved: their replies show at once."""
    member = verified(ContributorFactory())
    approve_reply(reply=post_reply(thread=thread, member=member, text="Eerder."), editor=editor)
    return member


@pytest.fixture
def redis_away(redis_proxy, client, caplog):
    """Redis is unreachable from here on; what the site logs from then on is captured."""
    redis_proxy.stop()
    caplog.set_level(logging.INFO)
    caplog.clear()
    return client


def test_a_webinar_registration_goes_through_once_while_redis_is_away(home, redis_proxy, client):
    url = f"{WebinarPageFactory(title='Samen sterker').url}aanmelden/"
    redis_proxy.stop()

    refused = client.post(url, {"name": "Sanne de Vries", "email": "geen-adres"})
    sent = client.post(url, {"name": "Sanne", "email": "sanne@example.org"})

    assert refused.status_code == 400
    assert "Sanne de Vries" in refused.text
    assert sent.status_code == 302
    assert WebinarRegistration.objects.filter(email="sanne@example.org").count() == 1


def test_a_visitors_reply_goes_through_once_while_redis_is_away(
    thread, redis_away, mailoutbox, django_capture_on_commit_callbacks
):
    typed = "Als pleegouder herken ik dit heel goed."
    url = reverse("reply", args=[thread.pk])

    refused = redis_away.post(url, {"comment": typed, "name": "Sam", "email": "geen-adres"})
    with django_capture_on_commit_callbacks(execute=True):
        sent = redis_away.post(url, {"comment": typed, "name": "Sam", "email": "sam@example.org"})

    assert refused.status_code == 400
    assert typed in refused.text
    assert sent.status_code == 302
    [message] = mailoutbox
    link = re.search(r"/dialogen/reactie-bevestigen/\S+/", message.body).group(0)
    assert redis_away.post(link).status_code == 302
    assert Reply.objects.filter(comment=typed).count() == 1


def test_a_members_reply_goes_through_once_while_redis_is_away(
    thread, trusted_member, redis_proxy, client
):
    client.force_login(trusted_member)
    redis_proxy.stop()
    typed = "Wij hebben dit ook meegemaakt en het hielp om samen met school te praten."

    refused = client.post(reverse("reply", args=[thread.pk]), {"comment": typed * 100})
    sent = client.post(reverse("reply", args=[thread.pk]), {"comment": typed})

    assert refused.status_code == 400
    assert typed in refused.text
    assert sent.status_code == 302
    assert Reply.objects.filter(comment=typed, user=trusted_member).count() == 1


def test_a_report_goes_through_once_while_redis_is_away(thread, redis_away):
    reply = Reply.objects.get(comment="Een reactie om op te reageren.")
    url = reverse("report_reply", args=[reply.pk])

    refused = redis_away.post(url, {"note": "Dit is kwetsend voor ouders."})
    sent = redis_away.post(url, {"reason": "hurtful", "note": "Dit is kwetsend voor ouders."})

    assert refused.status_code < 500
    assert "Dit is kwetsend voor ouders." in refused.text
    assert sent.status_code < 500
    assert ReplyReport.objects.filter(reply=reply).count() == 1


def test_a_shared_story_and_a_new_dialogue_go_through_once_while_redis_is_away(
    redis_proxy, client
):
    ArticleIndexPageFactory()
    DialogueIndexPageFactory()
    member = verified(ContributorFactory())
    client.force_login(member)
    redis_proxy.stop()

    story = client.post(
        "/deel-je-verhaal/artikel/",
        {**CONSENT, "title": "Samen naar school", "intro": "Kort.", "body": "Tekst."},
    )
    dialogue = client.post(
        "/start-een-dialoog/", {"question": "Wat heb jij nodig van school?", "explanation": ""}
    )

    assert story.status_code == 302
    assert dialogue.status_code == 302
    assert ArticlePage.objects.filter(title="Samen naar school").count() == 1
    assert DialogueThreadPage.objects.filter(title="Wat heb jij nodig van school?").count() == 1


def test_signing_up_and_logging_in_go_through_while_redis_is_away(home, redis_away, mailoutbox):
    signup = {
        "email": "nieuw@example.org",
        "display_name": "Sanne",
        "role": "ouder",
        "accept_rules": "on",
        "password1": "een-lang-wachtwoord-42",
        "password2": "een-lang-wachtwoord-42",
    }
    refused = redis_away.post(reverse("account_signup"), {**signup, "password2": "anders"})
    sent = redis_away.post(reverse("account_signup"), signup)
    member = verified(ContributorFactory())
    logged_in = redis_away.post(
        reverse("account_login"), {"login": member.email, "password": PASSWORD}
    )

    assert refused.status_code < 500
    assert "nieuw@example.org" in refused.text
    assert sent.status_code == 302
    assert get_user_model().objects.filter(email="nieuw@example.org").count() == 1
    assert logged_in.status_code == 302


def test_a_flood_during_a_redis_outage_logs_one_warning_without_a_traceback(
    thread, redis_away, caplog
):
    for number in range(5):
        response = redis_away.post(
            reverse("reply", args=[thread.pk]),
            {"comment": f"Reactie {number}", "name": "Sam", "email": "sam@example.org"},
        )
        assert response.status_code == 302

    warnings = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [record.name for record in warnings] == ["core.cache"]
    assert "unreachable" in warnings[0].getMessage()
    assert warnings[0].exc_info is None
