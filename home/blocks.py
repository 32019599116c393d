from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from stories.blocks import CallToActionBlock, HeadingBlock, ImageBlock, ParagraphBlock, QuoteBlock


class ContentStreamBlock(blocks.StreamBlock):
    """The blocks a plain content page (over ons, privacy, spelregels) is made of."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        label = _("Inhoud")
