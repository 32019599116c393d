"""Whatever people type in a reply, a name or a report reaches pages as text, never as markup."""

import pytest
from django.urls import reverse

from dialogues.models import Reply
from dialogues.replies import post_reply
from tests.sharing.test_submitted_text_is_inert import dangers_in
from tests.stories.xss_payloads import XSS_PAYLOADS

pytestmark = pytest.mark.django_db


def test_at_least_fifty_payloads_in_replies_render_inert(client, thread, editor, settings):
    settings.HVDJ_REPLY_THREADS_PER_PAGE = len(XSS_PAYLOADS)
    assert len(XSS_PAYLOADS) >= 50
    for payload in XSS_PAYLOADS:
        post_reply(thread=thread, member=editor, text=f"Reactie: {payload}")
    Reply.objects.update(user_name="x")

    html = client.get(thread.url).content.decode()

    assert html.count('class="reply__text"') == len(XSS_PAYLOADS)
    assert dangers_in(html) == []


def test_payloads_in_a_visitors_name_and_reply_are_inert_in_the_form_and_on_the_page(
    client, thread, editor, subtests
):
    for number, payload in enumerate(XSS_PAYLOADS):
        with subtests.test(payload=payload):
            response = client.post(
                reverse("reply", args=[thread.pk]),
                {"comment": payload, "name": payload[:50], "email": "niet-geldig"},
            )
            assert response.status_code == 400
            assert dangers_in(response.content.decode()) == []
            reply = post_reply(thread=thread, member=editor, text=payload)
            Reply.objects.filter(pk=reply.pk).update(user=None, user_name=payload[:50])
            assert dangers_in(client.get(thread.url).content.decode()) == []
            assert (
                dangers_in(client.get(f"{thread.url}?antwoord={reply.pk}").content.decode()) == []
            )
            report_page = client.post(
                reverse("report_reply", args=[reply.pk]), {"note": payload}
            ).content.decode()
            assert dangers_in(report_page) == []
            if number % 10 == 0:
                Reply.objects.all().delete()
