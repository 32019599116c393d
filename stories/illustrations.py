"""Abstract illustrations drawn locally with Pillow, for demo and generated content."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw

PALETTES = [
    ("#8c1c3a", "#f4d7dc", "#f2a541"),
    ("#1f5f8b", "#dbe9f4", "#f6c453"),
    ("#2f6b4f", "#e1efe6", "#e07a5f"),
    ("#5b3f8c", "#ebe3f5", "#f2cc8f"),
    ("#9a4a1a", "#f7e4d4", "#3d7ea6"),
    ("#2b4162", "#e6ebf2", "#fa9f42"),
]
WIDTH, HEIGHT = 1280, 720


def draw_illustration(seed, title="illustratie"):
    """A reproducible 1280×720 PNG of soft shapes and a heart, chosen by `seed`."""
    rng = random.Random(seed)  # noqa: S311 (drawing, not security)
    dark, light, accent = PALETTES[rng.randrange(len(PALETTES))]
    image = Image.new("RGB", (WIDTH, HEIGHT), light)
    draw = ImageDraw.Draw(image)
    for _ in range(7):
        x, y = rng.randrange(-200, WIDTH), rng.randrange(-200, HEIGHT)
        r = rng.randrange(80, 360)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice([dark, accent, "#ffffff"]))
    cx, cy, s = rng.randrange(400, 880), rng.randrange(220, 500), rng.randrange(70, 130)
    draw.ellipse((cx - 2 * s, cy - s, cx, cy + s), fill=dark)
    draw.ellipse((cx, cy - s, cx + 2 * s, cy + s), fill=dark)
    draw.polygon(
        [(cx - 2 * s + 6, cy + s // 3), (cx + 2 * s - 6, cy + s // 3), (cx, cy + 2 * s + 20)],
        fill=dark,
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower())[:40]
    return ImageFile(buffer, name=f"{slug}.png")
