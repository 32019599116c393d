"""A card's image rendition, prefetched with the story, is not written to the cache again on
every render (Wagtail's get_rendition does that; stories.models.images.SafeImage)."""

from unittest import mock

from stories.models import SafeRendition
from tests.factories import ArticlePageFactory, ImageFactory


def test_rendering_cards_again_writes_no_rendition_to_the_cache(client, home):
    for number in range(3):
        ArticlePageFactory(title=f"Verhaal {number}", hero_image=ImageFactory())
    client.get("/verhalen/")  # makes the renditions, and caches them once

    backend = SafeRendition.cache_backend

    with (
        mock.patch.object(backend, "set", wraps=backend.set) as set_one,
        mock.patch.object(backend, "set_many", wraps=backend.set_many) as set_many,
    ):
        response = client.get("/verhalen/")

    assert response.text.count("card__image") == 3
    written = [call.args[0] for call in set_one.call_args_list]
    assert not [key for key in written if "rendition" in key], written
    assert not set_many.called


def test_a_new_rendition_is_still_made_and_cached(home):
    image = ImageFactory()

    rendition = image.get_rendition("fill-640x360")

    assert rendition.filter_spec == "fill-640x360"
    assert SafeRendition.cache_backend.get(rendition.get_cache_key()) == rendition


def test_a_story_page_asks_the_cache_for_each_rendition_once_and_writes_none_back(client, home):
    story = ArticlePageFactory(title="Verhaal met foto", hero_image=ImageFactory())
    client.get(story.url)  # makes the renditions, and caches them once
    backend = SafeRendition.cache_backend

    with (
        mock.patch.object(backend, "get_many", wraps=backend.get_many) as get_many,
        mock.patch.object(backend, "set_many", wraps=backend.set_many) as set_many,
    ):
        response = client.get(story.url)

    assert response.status_code == 200
    asked = [key for call in get_many.call_args_list for key in call.args[0]]
    assert asked, "the hero's renditions come from the cache"
    assert len(asked) == len(set(asked)), asked  # the share image and structured data reuse
    assert not set_many.called


def test_a_rendition_found_in_the_table_and_not_in_the_cache_is_cached(home):
    image = ImageFactory()
    rendition = image.get_rendition("fill-640x360")
    SafeRendition.cache_backend.clear()

    found = type(image).objects.get(pk=image.pk).get_rendition("fill-640x360")

    assert found.pk == rendition.pk
    assert SafeRendition.cache_backend.get(rendition.get_cache_key()) == rendition
