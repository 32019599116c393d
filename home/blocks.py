from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

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


class LinkBlock(blocks.StructBlock):
    """One link in the main menu or the footer: a page of this site or an address elsewhere."""

    page = blocks.PageChooserBlock(
        required=False,
        label=_("Pagina"),
        help_text=_("Kies een pagina van deze site, of vul hieronder een externe link in."),
    )
    url = blocks.URLBlock(
        required=False,
        label=_("Externe link"),
        help_text=_("Een adres buiten deze site, zoals https://www.nji.nl/."),
    )
    label = blocks.CharBlock(
        required=False,
        max_length=60,
        label=_("Tekst"),
        help_text=_("Laat je dit leeg bij een pagina, dan staat de titel van de pagina er."),
    )

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["page"] and value["url"]:
            errors["url"] = ValidationError(
                _("Kies een pagina of vul een externe link in, niet allebei.")
            )
        elif not value["page"] and not value["url"]:
            errors["page"] = ValidationError(_("Kies een pagina of vul een externe link in."))
        elif value["url"] and not value["label"]:
            errors["label"] = ValidationError(_("Geef een externe link een tekst."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class FooterGroupBlock(blocks.StructBlock):
    """A heading with its links in the footer, such as "Over dit platform"."""

    heading = blocks.CharBlock(max_length=60, label=_("Kop"))
    links = blocks.ListBlock(LinkBlock(), min_num=1, label=_("Links"))

    class Meta:
        icon = "list-ul"
        label = _("Linkgroep")
