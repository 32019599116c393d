"""Content images are <picture>s with WebP in several widths, a JPEG fallback, their size set and
`sizes` that match the CSS, lazy below the fold (stories.renditions, {% responsive_image %}); a
phone is served a hero under 150 KB."""

import ast
import io
import operator
import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFilter

from home.models import HomeFeaturedItem
from stories.models import SafeRendition
from stories.renditions import BODY_IMAGE, CARD, COMPACT_CARD, HERO, POSTER
from tests.factories import (
    ArticlePageFactory,
    ImageFactory,
    VlogPageFactory,
)

pytestmark = pytest.mark.django_db
ROOT_FONT_SIZE = 16


def uploaded_photo(width, height, *, noisy=False, **kwargs):
    """An image uploaded as a JPEG: a gradient, or with `noisy` a photo's detail at every
    scale (large shapes, texture, grain), which compresses as badly as a real photo."""
    picture = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    if noisy:
        for scale, weight in ((100, 0.5), (20, 0.3), (4, 0.2), (1, 0.08)):
            size = (max(1, width // scale), max(1, height // scale))
            channels = [
                Image.effect_noise(size, 60).resize((width, height), Image.Resampling.BICUBIC)
                for _ in range(3)
            ]
            picture = Image.blend(picture, Image.merge("RGB", channels), weight)
        picture = picture.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return ImageFactory(file=SimpleUploadedFile("foto.jpg", buffer.getvalue()), **kwargs)


def pictures(response):
    """Each <picture> on the page: its WebP <source> and its <img>."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [(picture.source, picture.img) for picture in soup.select("main picture")]


def candidates(source):
    """A srcset as {width: url}."""
    found = {}
    for candidate in source["srcset"].split(", "):
        url, descriptor = candidate.split()
        assert descriptor.endswith("w"), candidate
        width = int(descriptor[:-1])
        assert width not in found, f"{width}w twice in {source['srcset']}"
        found[width] = url
    return found


def css_pixels(length, viewport):
    """A `sizes` length ("72rem", "92vw", "calc(100vw - 2rem)") in CSS pixels."""
    units = {"rem": ROOT_FONT_SIZE, "vw": viewport / 100, "px": 1}
    expression = re.sub(
        r"([\d.]+)(rem|vw|px)",
        lambda match: repr(float(match[1]) * units[match[2]]),
        length.removeprefix("calc"),
    )
    return arithmetic(ast.parse(expression, mode="eval").body)


def arithmetic(node):
    operations = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Div: operator.truediv}
    if isinstance(node, ast.Constant):
        return node.value
    return operations[type(node.op)](arithmetic(node.left), arithmetic(node.right))


def slot_width(sizes, viewport):
    """How wide a browser with this viewport takes the image to be, from `sizes`."""
    for entry in sizes.split(", "):
        condition, _, length = entry.rpartition(") ")
        if not condition:
            return css_pixels(length, viewport)
        feature, value = condition.removeprefix("(").split(": ")
        limit = css_pixels(value, viewport)
        if (feature == "min-width" and viewport >= limit) or (
            feature == "max-width" and viewport <= limit
        ):
            return css_pixels(length, viewport)
    raise AssertionError(f"no default length in sizes={sizes!r}")


def chosen(source, viewport, density):
    """The candidate a browser picks: the narrowest at least as wide as the slot needs."""
    widths = candidates(source)
    needed = slot_width(source["sizes"], viewport) * density
    width = min((w for w in widths if w >= needed), default=max(widths))
    return width, widths[width]


def rendition_at(url):
    return SafeRendition.objects.get(file=url.removeprefix("/media/"))


def test_the_sizes_follow_the_css_layout():
    # A 390px phone: the container's content is 390 - 2 × 16px; a compact card 5rem.
    assert slot_width(HERO.sizes, 390) == 358
    assert slot_width(CARD.sizes, 390) == 358
    assert slot_width(COMPACT_CARD.sizes, 390) == 80
    # A wide screen: 72rem of content, three cards in it, running text 42rem, the story's
    # column 46rem.
    assert slot_width(HERO.sizes, 1440) == 1152
    assert slot_width(CARD.sizes, 1440) == 368
    assert slot_width(BODY_IMAGE.sizes, 1440) == 672
    assert slot_width(POSTER.sizes, 1440) == 736
    # Two columns of cards on a tablet.
    assert 330 <= slot_width(CARD.sizes, 800) <= 360


def test_a_story_s_hero_is_webp_in_every_width_with_a_jpeg_fallback_fetched_first(client, home):
    story = ArticlePageFactory(
        hero_image=uploaded_photo(1600, 1200), hero_image_alt="Een gezin aan tafel"
    )

    (source, img), *_ = pictures(client.get(story.url))

    assert source["type"] == "image/webp"
    assert source["sizes"] == HERO.sizes
    assert sorted(candidates(source)) == [480, 720, 1080, 1440]
    assert all(".format-webp" in url for url in candidates(source).values())
    assert ".format-jpeg" in img["src"] and img["src"].endswith(".jpg")
    assert (img["width"], img["height"]) == ("1080", "608")
    assert img["alt"] == "Een gezin aan tafel"
    assert "story-hero__image" in img["class"]
    assert img.get("fetchpriority") == "high"
    assert "loading" not in img.attrs
    assert "srcset" not in img.attrs and "sizes" not in img.attrs


def test_a_small_original_gives_each_width_once(client, home):
    story = ArticlePageFactory(hero_image=ImageFactory())  # 160 × 90

    (source, img), *_ = pictures(client.get(story.url))

    assert list(candidates(source)) == [160]
    assert (img["width"], img["height"]) == ("160", "90")


def test_in_a_listing_only_the_first_card_s_image_is_loaded_at_once(client, home):
    for number in range(3):
        ArticlePageFactory(title=f"Verhaal {number}", hero_image=ImageFactory())

    found = pictures(client.get("/verhalen/"))

    assert len(found) == 3
    for position, (source, img) in enumerate(found):
        assert source["type"] == "image/webp" and candidates(source)
        assert source["sizes"] == CARD.sizes
        assert img["width"] and img["height"] and img["alt"] is not None
        assert "fetchpriority" not in img.attrs
        if position == 0:
            assert "loading" not in img.attrs
        else:
            assert (img["loading"], img["decoding"]) == ("lazy", "async")


def test_the_home_page_s_compact_cards_ask_for_a_small_picture_on_a_phone(client, home):
    for number in range(2):
        story = ArticlePageFactory(title=f"Uitgelicht {number}", hero_image=ImageFactory())
        HomeFeaturedItem.objects.create(home=home, page=story, sort_order=number)

    found = pictures(client.get("/"))

    assert found
    assert {source["sizes"] for source, _ in found} == {COMPACT_CARD.sizes}
    assert "loading" not in found[0][1].attrs
    assert all(img["loading"] == "lazy" for _, img in found[1:])


def test_an_image_in_the_story_s_text_is_lazy_with_its_alt_text(client, home):
    image = uploaded_photo(1200, 900)
    story = ArticlePageFactory(
        hero_image=ImageFactory(),
        body=[("image", {"image": image, "alt_text": "Het schema van de aanpak", "caption": ""})],
    )

    hero, (source, img) = pictures(client.get(story.url))

    assert source["sizes"] == BODY_IMAGE.sizes
    # width-1440 of a 1200px original: the original's own width.
    assert sorted(candidates(source)) == [480, 720, 1080, 1200]
    assert (img["width"], img["height"]) == ("720", "540")
    assert img["alt"] == "Het schema van de aanpak"
    assert (img["loading"], img["decoding"]) == ("lazy", "async")


def test_an_external_vlog_s_poster_is_the_page_s_first_image(client, home):
    vlog = VlogPageFactory(
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", poster_image=ImageFactory()
    )

    (source, img), *_ = pictures(client.get(vlog.url))

    assert source["sizes"] == POSTER.sizes
    assert "video-embed__poster" in img["class"]
    assert img["alt"] == ""
    assert img.get("fetchpriority") == "high"


def test_a_members_photo_stays_private_in_every_format(client, home, member, editor):
    photo = ImageFactory(uploaded_by_user=member)
    story = ArticlePageFactory(live=False, contributor=member, hero_image=photo)
    client.force_login(editor)

    (source, img), *_ = pictures(client.get(f"/admin/pages/{story.pk}/view_draft/"))
    files = [*candidates(source).values(), img["src"]]

    assert all(url.startswith("/media/private_images/") for url in files)
    client.force_login(member)
    types = {client.get(url)["Content-Type"] for url in files}
    assert types == {"image/webp", "image/jpeg"}
    client.logout()
    assert {client.get(url).status_code for url in files} == {404}


@pytest.mark.parametrize("density", [2, 3])
def test_a_phone_is_served_a_hero_under_150_kb(client, home, density):
    story = ArticlePageFactory(hero_image=uploaded_photo(4000, 3000, noisy=True))
    assert story.hero_image.file.size > 1_000_000  # as heavy as a camera's photo

    (source, img), *_ = pictures(client.get(story.url))
    width, url = chosen(source, viewport=390, density=density)

    assert width >= 358 * density  # sharp on this screen
    assert rendition_at(url).file.size < 150 * 1024
