from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from stories.blocks import RICH_TEXT_FEATURES

from .base import StoryIndexPage, StoryPage


class PodcastPage(StoryPage):
    """One podcast episode with its audio, show notes and transcript."""

    audio_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("audiobestand"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Een MP3-, M4A- of Ogg-bestand."),
    )
    duration = models.DurationField(
        _("duur"), null=True, blank=True, help_text=_("Bijvoorbeeld 00:32:10.")
    )
    season_number = models.PositiveSmallIntegerField(_("seizoen"), null=True, blank=True)
    episode_number = models.PositiveSmallIntegerField(_("aflevering"), null=True, blank=True)
    show_notes = RichTextField(_("shownotes"), features=RICH_TEXT_FEATURES, blank=True)
    transcript = models.TextField(_("uitgeschreven tekst"), blank=True)

    edit_handler = StoryPage.build_edit_handler(
        [
            MultiFieldPanel(
                [
                    FieldPanel("audio_file"),
                    FieldRowPanel(
                        [
                            FieldPanel("season_number"),
                            FieldPanel("episode_number"),
                            FieldPanel("duration"),
                        ]
                    ),
                ],
                heading=_("Aflevering"),
            ),
            FieldPanel("show_notes"),
            FieldPanel("transcript"),
        ]
    )

    search_fields = [
        *StoryPage.search_fields,
        index.SearchField("show_notes"),
        index.SearchField("transcript"),
    ]

    parent_page_types = ["stories.PodcastIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("podcastaflevering")
        verbose_name_plural = _("podcastafleveringen")

    @property
    def duration_minutes(self):
        return round(self.duration.total_seconds() / 60) if self.duration else None


class PodcastIndexPage(StoryIndexPage):
    """The home of the podcast, at /podcasts/."""

    subpage_types = ["stories.PodcastPage"]
    child_model = PodcastPage

    class Meta:
        verbose_name = _("overzicht podcasts")
