"""Whole pages cached for anonymous visitors, fresh for members, emptied by every publish."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse

from core.page_cache import (
    GENERATION_KEY,
    AnonymousPageCacheMiddleware,
    current_generation,
    new_generation,
)
from dialogues.moderation import approve_reply
from dialogues.replies import post_reply
from tests.dialogues.conftest import verified
from tests.factories import ArticlePageFactory, ContributorFactory, DialogueThreadPageFactory


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.HVDJ_PAGE_CACHE_SECONDS = 300


def test_an_anonymous_visitor_gets_the_second_view_from_the_cache_without_queries(
    client, home, django_assert_num_queries
):
    article = ArticlePageFactory(title="Koken met de kinderen")
    first = client.get(article.url)

    with django_assert_num_queries(0):
        second = client.get(article.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    for header in ("X-Frame-Options", "Content-Security-Policy", "X-Content-Type-Options"):
        assert second[header] == first[header]


def test_publishing_a_change_shows_at_once(client, home):
    article = ArticlePageFactory(title="Koken met de kinderen")
    client.get(article.url)

    article.title = "Samen koken met de kinderen"
    article.save_revision().publish()
    response = client.get(article.url)

    assert response["X-Page-Cache"] == "miss"
    assert "Samen koken met de kinderen" in response.text


def test_unpublishing_a_page_takes_it_away_at_once(client, home):
    article = ArticlePageFactory(title="Koken met de kinderen")
    client.get(article.url)

    article.unpublish()

    assert client.get(article.url).status_code == 404


def test_members_always_get_a_fresh_page(client, home):
    article = ArticlePageFactory()
    client.get(article.url)
    client.force_login(verified(ContributorFactory(display_name="Sanne")))

    response = client.get(article.url)

    assert "X-Page-Cache" not in response
    assert response.context["user"].display_name == "Sanne"  # rendered for them just now


def test_a_page_with_a_form_is_shared_without_its_tokens(client, home):
    thread = DialogueThreadPageFactory()

    client.get(thread.url)
    response = client.get(thread.url)

    assert response["X-Page-Cache"] == "hit"
    assert 'name="csrfmiddlewaretoken" value=""' in response.text


def test_each_search_has_its_own_cached_page(client, home):
    ArticlePageFactory(title="Pleegzorg in de regio")
    ArticlePageFactory(title="Wijkteam op school")

    pleegzorg = client.get("/zoeken/?q=pleegzorg")
    wijkteam = client.get("/zoeken/?q=wijkteam")

    assert wijkteam["X-Page-Cache"] == "miss"
    assert "Wijkteam op school" in wijkteam.text
    assert "Wijkteam op school" not in pleegzorg.text


def test_an_approved_reply_refreshes_the_dialogue_index(client, home, editor):
    thread = DialogueThreadPageFactory(title="Hoe vond jij een pleeggezin?")
    before = client.get("/dialogen/")
    reply = post_reply(thread=thread, member=verified(ContributorFactory()), text="Via de regio.")

    approve_reply(reply=reply, editor=editor)
    after = client.get("/dialogen/")

    assert after["X-Page-Cache"] == "miss"
    assert after.content != before.content


def test_an_approved_reply_shows_on_the_cached_thread_page_at_once(client, home, editor):
    thread = DialogueThreadPageFactory()
    reply = post_reply(thread=thread, member=verified(ContributorFactory()), text="Via de wijk.")
    assert reply.is_held
    client.get(thread.url)
    assert client.get(thread.url)["X-Page-Cache"] == "hit"

    approve_reply(reply=reply, editor=editor)
    after = client.get(thread.url)

    assert after["X-Page-Cache"] == "miss"
    assert "Via de wijk." in after.text


def test_the_cache_is_off_when_set_to_zero(client, home, settings):
    settings.HVDJ_PAGE_CACHE_SECONDS = 0
    article = ArticlePageFactory()

    client.get(article.url)

    assert "X-Page-Cache" not in client.get(article.url)


def test_a_request_reads_the_generation_once_and_again_after_its_own_change(rf):
    """The generation is read from the cache once per request (a round trip to Redis each
    time was half a dozen per page); another process's change counts from the next request,
    a change the request makes itself at once."""
    seen = []

    def view(request):
        seen.append(current_generation())
        cache.set(GENERATION_KEY, seen[0] + 10, timeout=None)  # another process, meanwhile
        seen.append(current_generation())
        new_generation()  # this request publishes
        seen.append(current_generation())
        return HttpResponse("ok")

    AnonymousPageCacheMiddleware(view)(rf.get("/zoeken/", {"q": "x"}))

    first = seen[0]
    assert seen == [first, first, first + 11]
    assert current_generation() == first + 11  # outside a request: read every time
