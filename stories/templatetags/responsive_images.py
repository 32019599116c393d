"""{% responsive_image %}: a content image as a <picture> with WebP in several widths and a JPEG
fallback, sized by the kinds in stories.renditions.

Written on top of Image.get_renditions rather than with Wagtail's {% picture %} tag, which
writes `sizes` on an <img> without a `srcset` and repeats a width when the original is smaller
than the widths asked for (both invalid HTML), and has no way to give the JPEG a single size.
"""

from django import template
from django.utils.html import format_html
from wagtail.images.shortcuts import get_renditions_or_not_found

from stories.renditions import KINDS

register = template.Library()


@register.simple_tag
def responsive_image(image, kind, *, alt="", css_class=None, eager=False, priority=False):
    """The image of `kind` ("hero", "poster", "card", "compact_card", "body").

    Lazy by default; `eager` for the first image on a page, `priority` for the one that is the
    page's largest content (a story's hero), which the browser then fetches first.
    """
    if not image:
        return ""
    kind = KINDS[kind]
    renditions = get_renditions_or_not_found(image, kind.filters)
    by_width = {}
    for spec in kind.webp_specs:
        # A small original gives the same width for several specs: one candidate per width.
        by_width.setdefault(renditions[spec].width, renditions[spec])
    srcset = ", ".join(f"{file.url} {width}w" for width, file in sorted(by_width.items()))
    attrs = {"alt": alt, "class": css_class}
    if priority:
        attrs["fetchpriority"] = "high"
    elif not eager:
        attrs.update(loading="lazy", decoding="async")
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">{}</picture>',
        srcset,
        kind.sizes,
        renditions[kind.fallback_spec].img_tag(attrs),
    )
