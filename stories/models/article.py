from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from stories.blocks import StoryStreamBlock
from stories.feeds import SectionFeedMixin

from .base import StoryIndexPage, StoryPage


class ArticlePage(StoryPage):
    """A written story, experience or piece of research."""

    body = StreamField(StoryStreamBlock(), verbose_name=_("tekst"), blank=True)
    source_url = models.URLField(
        _("link naar de bron"), blank=True, help_text=_("Voor een gedeelde link of onderzoek.")
    )
    attachment = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("bijlage (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    edit_handler = StoryPage.build_edit_handler(
        [FieldPanel("body"), FieldPanel("source_url"), FieldPanel("attachment")]
    )

    search_fields = [*StoryPage.search_fields, index.SearchField("body")]

    parent_page_types = ["stories.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")


class ArticleIndexPage(SectionFeedMixin, StoryIndexPage):
    """The home of all articles, at /verhalen/, with the site's feed of new stories."""

    subpage_types = ["stories.ArticlePage"]
    sortable = True
    child_model = ArticlePage
    feed_title = _("Hart voor de Jeugd: nieuwe verhalen")
    feed_description = _(
        "De nieuwste verhalen, ervaringen en onderzoeken die mensen op Hart voor de Jeugd delen."
    )

    class Meta:
        verbose_name = _("overzicht artikelen")
