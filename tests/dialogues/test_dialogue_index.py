"""/dialogen/: threads with their replies' count and last activity, newest activity first."""

import datetime

import pytest
from django.utils import timezone

from dialogues.moderation import remove_reply
from dialogues.replies import post_reply
from tests.factories import DialogueThreadPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_threads_are_listed_by_last_activity_with_their_reply_count(client, home, editor):
    old = DialogueThreadPageFactory(title="Oude vraag")
    new = DialogueThreadPageFactory(title="Nieuwe vraag")
    for text in ("Een", "Twee"):
        post_reply(thread=old, member=editor, text=text)
    removed = post_reply(thread=old, member=editor, text="Verborgen")
    remove_reply(reply=removed, editor=editor, reason="Dubbel geplaatst.")
    week_ago = timezone.now() - datetime.timedelta(days=7)
    type(new).objects.filter(pk=new.pk).update(first_published_at=week_ago)

    content = client.get(old.get_parent().url).content.decode()

    assert content.index("Oude vraag") < content.index("Nieuwe vraag")
    assert "2 reacties" in content
    assert "0 reacties" in content
    assert "laatste activiteit" in content


def test_the_index_filters_by_theme(client, home):
    theme = ThemeFactory(name="Pleegzorg")
    chosen = DialogueThreadPageFactory(title="Over pleegzorg")
    chosen.themes.add(theme)
    chosen.save_revision().publish()
    DialogueThreadPageFactory(title="Over iets anders")

    content = client.get(f"{chosen.get_parent().url}?thema={theme.slug}").content.decode()

    assert "Over pleegzorg" in content
    assert "Over iets anders" not in content
    assert 'aria-current="page">Pleegzorg</a>' in content


@pytest.mark.parametrize("value", ["bestaat-niet", "x" * 500, "%00", "' OR 1=1"])
def test_an_unknown_theme_shows_all_threads(client, home, value):
    thread = DialogueThreadPageFactory(title="Een vraag")

    response = client.get(thread.get_parent().url, {"thema": value})

    assert response.status_code == 200
    assert "Een vraag" in response.content.decode()


def test_the_index_is_paginated(client, home, settings):
    settings.HVDJ_PAGE_SIZE = 2
    threads = [DialogueThreadPageFactory(title=f"Vraag {n}") for n in range(3)]

    second = client.get(threads[0].get_parent().url, {"pagina": 2}).content.decode()

    assert "Pagina 2 van 2" in second


def test_the_home_page_shows_the_most_recently_active_dialogues(client, home, editor):
    quiet = DialogueThreadPageFactory(title="Stille vraag")
    busy = DialogueThreadPageFactory(title="Drukke vraag")
    type(busy).objects.filter(pk=busy.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=30)
    )
    post_reply(thread=busy, member=editor, text="Net gereageerd")

    content = client.get("/").content.decode()

    assert content.index("Drukke vraag") < content.index("Stille vraag")
    assert quiet.title in content
