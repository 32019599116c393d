"""The dialogue index and a thread page cost the same queries for any number of replies."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dialogues.replies import post_reply, toggle_like
from tests.factories import DialogueThreadPageFactory, EditorFactory, ThemeFactory

from .conftest import verified

pytestmark = pytest.mark.django_db


def add_replies(thread, authors, count):
    """`count` replies: a third at the top, the rest nested under them, some liked."""
    parent = None
    for number in range(count):
        author = authors[number % len(authors)]
        parent = None if number % 3 == 0 else parent
        reply = post_reply(thread=thread, member=author, text=f"Reactie {number}", parent=parent)
        if number % 5 == 0:
            toggle_like(reply=reply, member=authors[(number + 1) % len(authors)])
        parent = reply if reply.allow_thread() else None


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def authors(editor):
    """Editors, whose replies appear at once, and who may like each other's."""
    return [editor, *(verified(EditorFactory()) for _ in range(3))]


def test_a_thread_with_200_replies_costs_no_more_queries_than_one_with_5(
    client, home, authors, settings
):
    settings.HVDJ_REPLY_THREADS_PER_PAGE = 200
    small, large = DialogueThreadPageFactory(), DialogueThreadPageFactory()
    add_replies(small, authors, 5)
    add_replies(large, authors, 200)
    client.force_login(authors[1])

    small_count, large_count = queries(client, small.url), queries(client, large.url)

    assert large_count == small_count
    assert large_count <= 30
    assert client.get(large.url).content.decode().count('class="reply__text"') == 200


def test_a_thread_without_replies_counts_nothing(client, home):
    thread = DialogueThreadPageFactory()
    client.get(thread.url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(thread.url)

    assert "Nog geen reacties." in response.content.decode()
    assert not [query for query in context.captured_queries if "COUNT(" in query["sql"]]


def test_the_dialogue_index_costs_no_more_queries_with_more_threads_and_replies(
    client, home, authors
):
    theme = ThemeFactory()
    first = DialogueThreadPageFactory()
    first.themes.add(theme)
    first.save()
    add_replies(first, authors, 3)
    index_url = first.get_parent().url
    before = queries(client, index_url)

    for _number in range(8):
        thread = DialogueThreadPageFactory()
        thread.themes.add(theme)
        thread.save()
        add_replies(thread, authors, 10)

    assert queries(client, index_url) == before
    assert queries(client, f"{index_url}?thema={theme.slug}") <= before + 1
    assert before <= 16
