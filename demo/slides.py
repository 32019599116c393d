"""A small slide deck as a PDF, drawn locally with Pillow, for the demo webinars."""

import io

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1280, 720
DARK, LIGHT, ACCENT = "#7a1f3d", "#fbf3f5", "#f2a541"


def _slide(heading, lines, *, footer):
    image = Image.new("RGB", (WIDTH, HEIGHT), LIGHT)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 24), fill=DARK)
    draw.rectangle((80, 150, 240, 158), fill=ACCENT)
    draw.text((80, 70), heading, fill=DARK, font=ImageFont.load_default(size=56))
    body = ImageFont.load_default(size=36)
    for number, line in enumerate(lines):
        top = 210 + number * 80
        draw.ellipse((84, top + 12, 100, top + 28), fill=DARK)
        draw.text((124, top), line, fill="#222222", font=body)
    draw.text((80, HEIGHT - 60), footer, fill="#555555", font=ImageFont.load_default(size=24))
    return image


def make_slides(title, speakers, slides):
    """The bytes of a PDF: a title slide, then one slide per (heading, lines) in `slides`."""
    footer = f"Hart voor de Jeugd · {title}"
    pages = [_slide(title, [speakers], footer="Hart voor de Jeugd · webinar")]
    pages += [_slide(heading, lines, footer=footer) for heading, lines in slides]
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:], resolution=96)
    return buffer.getvalue()
