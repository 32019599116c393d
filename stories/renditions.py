"""The sizes each kind of content image is made in, and the `sizes` that tell a browser how wide
it is shown, so a phone downloads a small file.

Every kind is made in WebP at a few widths (the `srcset`) and once in JPEG (the `src`, for the
rare browser without WebP). WebP rather than AVIF although Pillow writes AVIF: renditions are
made on the first request that shows an image, and AVIF took six times as long to encode for a
file of the same size. Listings prefetch every spec of the card (`CARD_SPECS`), so more widths
cost no queries.

The `sizes` follow hartvoordejeugd/static/css/site.css: `.container` is at most 76rem with
padding clamp(1rem, 4vw, 2rem) (72rem of content; 4vw is 1rem below 25rem and 2rem above 50rem),
story pages put the body in a column of at most 46rem from 64rem on and running text in 42rem
(`--measure`), and `.card-grid` has one, two (from 40rem) or three (from 64rem) columns with gaps
of 1.5rem; the home page's compact cards show a 5rem picture below 40rem.
"""

import functools
from dataclasses import dataclass

from wagtail.images.models import Filter

# The width of the container's content at any viewport below 76rem.
CONTAINER = "(min-width: 50rem) calc(100vw - 4rem), (min-width: 25rem) 92vw, calc(100vw - 2rem)"
CARD_COLUMNS = (
    "(min-width: 76rem) 23rem, (min-width: 64rem) calc(33vw - 2.5rem), "
    "(min-width: 40rem) calc(50vw - 3rem), calc(100vw - 2rem)"
)


@dataclass(frozen=True)
class ImageKind:
    """One kind of content image: how it is cut, the widths of its WebP files, the width of its
    JPEG fallback and how wide the CSS shows it."""

    widths: tuple[int, ...]
    fallback_width: int
    sizes: str
    ratio: tuple[int, int] | None = (16, 9)  # None: keep the image's own shape

    def resize(self, width):
        if self.ratio is None:
            return f"width-{width}"
        across, down = self.ratio
        return f"fill-{width}x{round(width * down / across)}"

    @property
    def webp_specs(self):
        return [f"{self.resize(width)}|format-webp" for width in self.widths]

    @property
    def fallback_spec(self):
        return f"{self.resize(self.fallback_width)}|format-jpeg"

    @property
    def specs(self):
        return [*self.webp_specs, self.fallback_spec]

    @property
    def filters(self):
        return [image_filter(spec) for spec in self.specs]


@functools.cache
def image_filter(spec):
    """One Filter per spec for the whole process. Wagtail makes a Filter for every spec of every
    image it shows and parses its operations each time (with `inspect`): 0.4 of the 0.7 ms an
    image's <picture> took. A Filter holds nothing of an image, so one serves them all."""
    return Filter(spec=spec)


# A phone 390px wide shows a hero 358px wide: 720w at DPR 2, 1080w at DPR 3 (about 115 KB
# for a photo; tests/stories/test_responsive_images.py). 1440w for wide screens.
HERO = ImageKind(
    widths=(480, 720, 1080, 1440),
    fallback_width=1080,
    sizes=f"(min-width: 76rem) 72rem, {CONTAINER}",
)
# A video's poster in the story's main column (the same files as the hero's).
POSTER = ImageKind(
    widths=HERO.widths,
    fallback_width=HERO.fallback_width,
    sizes=f"(min-width: 64rem) 46rem, (min-width: 60rem) 56rem, {CONTAINER}",
)
CARD = ImageKind(widths=(320, 480, 720), fallback_width=480, sizes=CARD_COLUMNS)
COMPACT_CARD = ImageKind(
    widths=CARD.widths,
    fallback_width=CARD.fallback_width,
    sizes=f"(max-width: 39.99rem) 5rem, {CARD_COLUMNS}",
)
BODY_IMAGE = ImageKind(
    widths=(480, 720, 1080, 1440),
    fallback_width=720,
    sizes=f"(min-width: 46rem) 42rem, {CONTAINER}",
    ratio=None,
)

KINDS = {
    "hero": HERO,
    "poster": POSTER,
    "card": CARD,
    "compact_card": COMPACT_CARD,
    "body": BODY_IMAGE,
}
CARD_SPECS = CARD.specs
