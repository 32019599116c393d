from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from stories.blocks import RICH_TEXT_FEATURES
from stories.models import StoryIndexPage, StoryPage


class DialogueThreadPage(StoryPage):
    """A question or statement that members answer in threaded replies."""

    explanation = RichTextField(_("toelichting"), features=RICH_TEXT_FEATURES, blank=True)
    is_closed = models.BooleanField(
        _("gesloten voor nieuwe reacties"),
        default=False,
        help_text=_("Bestaande reacties blijven zichtbaar."),
    )

    edit_handler = StoryPage.build_edit_handler(
        [FieldPanel("explanation"), FieldPanel("is_closed")]
    )

    search_fields = [*StoryPage.search_fields, index.SearchField("explanation")]

    parent_page_types = ["dialogues.DialogueIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dialoog")
        verbose_name_plural = _("dialogen")


class DialogueIndexPage(StoryIndexPage):
    """The home of all dialogues, at /dialogen/."""

    subpage_types = ["dialogues.DialogueThreadPage"]
    child_model = DialogueThreadPage

    class Meta:
        verbose_name = _("overzicht dialogen")
