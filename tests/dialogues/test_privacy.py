"""Commenters' IP addresses are deleted after the retention period; no third-party avatars."""

import datetime

import pytest
from django.utils import timezone

from dialogues.models import Reply
from dialogues.replies import post_reply
from tests.utils import run_command

pytestmark = pytest.mark.django_db


def age(reply, days):
    Reply.objects.filter(pk=reply.pk).update(
        submit_date=timezone.now() - datetime.timedelta(days=days)
    )


def test_the_command_deletes_ip_addresses_older_than_the_retention_period(thread, editor):
    old = post_reply(thread=thread, member=editor, text="Oud", ip_address="192.0.2.1")
    recent = post_reply(thread=thread, member=editor, text="Nieuw", ip_address="192.0.2.2")
    age(old, 31)
    age(recent, 29)

    output = run_command("forget_reply_addresses")

    assert Reply.objects.get(pk=old.pk).ip_address is None
    assert Reply.objects.get(pk=recent.pk).ip_address == "192.0.2.2"
    assert "1 reacties ouder dan 30 dagen" in output


def test_posting_a_reply_also_deletes_old_addresses(thread, editor, settings):
    settings.HVDJ_REPLY_IP_RETENTION_DAYS = 7
    old = post_reply(thread=thread, member=editor, text="Oud", ip_address="192.0.2.1")
    age(old, 8)

    post_reply(thread=thread, member=editor, text="Nieuw", ip_address="192.0.2.3")

    assert Reply.objects.get(pk=old.pk).ip_address is None


def test_the_thread_page_loads_nothing_from_other_sites(client, thread, editor):
    post_reply(thread=thread, member=editor, text="Hallo")

    content = client.get(thread.url).content.decode()

    assert "gravatar" not in content.lower()
    for attribute in ('src="http', "src='http", 'src="//', 'href="//'):
        assert attribute not in content


def test_deleting_a_thread_deletes_its_replies(thread, editor):
    post_reply(thread=thread, member=editor, text="Weg")

    thread.delete()

    assert not Reply.objects.exists()
