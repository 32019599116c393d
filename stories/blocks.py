from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading inside a story."""

    text = blocks.CharBlock(label=_("Tekst"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tussenkop")
        template = "stories/blocks/heading_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with simple formatting."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Alinea")
        template = "stories/blocks/paragraph_block.html"


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text screen-reader users hear, and a caption."""

    image = ImageChooserBlock(label=_("Afbeelding"))
    alt_text = blocks.CharBlock(
        label=_("Alternatieve tekst"),
        max_length=250,
        help_text=_("Beschrijf wat er op de afbeelding te zien is, voor wie haar niet kan zien."),
    )
    caption = blocks.CharBlock(label=_("Onderschrift"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "stories/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person who said it."""

    quote = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(label=_("Wie zei het"), max_length=160, required=False)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "stories/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A highlighted invitation to do something, with one button."""

    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.TextBlock(label=_("Tekst"), required=False)
    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = blocks.URLBlock(label=_("Of een webadres"), required=False)
    button_label = blocks.CharBlock(label=_("Knoptekst"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Oproep")
        template = "stories/blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": blocks.BlockValidationError(
                        _("Kies een pagina of vul een webadres in, niet allebei.")
                    )
                }
            )
        return value


class DownloadBlock(blocks.StructBlock):
    """A file to download from the document library, with a clear label."""

    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Omschrijving"),
        max_length=160,
        required=False,
        help_text=_("Standaard: de titel."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "stories/blocks/download_block.html"


class StoryStreamBlock(blocks.StreamBlock):
    """The blocks an article body is made of."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    download = DownloadBlock()

    class Meta:
        label = _("Inhoud")
