from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from stories.blocks import StoryStreamBlock

from .base import StoryIndexPage, StoryPage


class ArticlePage(StoryPage):
    """A written story, experience or piece of research."""

    body = StreamField(StoryStreamBlock(), verbose_name=_("tekst"), blank=True)

    edit_handler = StoryPage.build_edit_handler([FieldPanel("body")])

    search_fields = [*StoryPage.search_fields, index.SearchField("body")]

    parent_page_types = ["stories.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")


class ArticleIndexPage(StoryIndexPage):
    """The home of all articles, at /verhalen/."""

    subpage_types = ["stories.ArticlePage"]
    child_model = ArticlePage

    class Meta:
        verbose_name = _("overzicht artikelen")
