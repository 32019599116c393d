from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.search import index

from mediafiles.details import read_media_details
from mediafiles.podcast_feed import MAX_EPISODES, absolute_url, build_podcast_feed, feed_response
from mediafiles.transcripts import read_cues, transcript_text
from mediafiles.uploads import AUDIO
from stories.blocks import RICH_TEXT_FEATURES
from stories.panels import TranscriptNoticePanel

from .base import StoryIndexPage, StoryPage

# Matches "transcript.txt/" because RoutablePageMixin.route() adds a slash to every path it
# resolves; hartvoordejeugd/urls.py routes `.../transcript.txt` to the page (like agenda.ics).
TRANSCRIPT_ROUTE = r"^transcript\.txt/?$"


class PodcastPage(RoutablePageMixin, StoryPage):
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
    audio_type = models.CharField(_("soort audio"), max_length=40, blank=True, editable=False)
    duration = models.DurationField(_("duur"), null=True, blank=True, editable=False)
    season_number = models.PositiveSmallIntegerField(_("seizoen"), null=True, blank=True)
    episode_number = models.PositiveSmallIntegerField(_("aflevering"), null=True, blank=True)
    show_notes = RichTextField(_("shownotes"), features=RICH_TEXT_FEATURES, blank=True)
    transcript = models.TextField(_("uitgeschreven tekst"), blank=True)
    transcript_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("uitgeschreven tekst met tijden (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Elke passage linkt dan naar haar moment in de speler."),
    )
    # The passages of the WebVTT transcript, read from the file when the page is saved.
    transcript_cues = models.JSONField(default=list, blank=True, editable=False)

    edit_handler = StoryPage.build_edit_handler(
        [
            MultiFieldPanel(
                [
                    FieldPanel("audio_file"),
                    FieldRowPanel(
                        [
                            FieldPanel("season_number"),
                            FieldPanel("episode_number"),
                        ]
                    ),
                ],
                heading=_("Aflevering"),
            ),
            FieldPanel("show_notes"),
            MultiFieldPanel(
                [
                    TranscriptNoticePanel(fields=["transcript_file", "transcript"]),
                    FieldPanel("transcript_file"),
                    FieldPanel("transcript"),
                ],
                heading=_("Uitgeschreven tekst"),
            ),
        ]
    )

    search_fields = [
        *StoryPage.search_fields,
        index.SearchField("show_notes"),
        # The passages of the timed transcript, or the plain text (see transcript_text).
        index.SearchField("transcript_text"),
    ]

    parent_page_types = ["stories.PodcastIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("podcastaflevering")
        verbose_name_plural = _("podcastafleveringen")

    def clean(self):
        super().clean()
        errors = {}
        self.audio_type, self.duration = "", None
        if self.audio_file:
            try:
                details = read_media_details(self.audio_file, AUDIO)
                self.audio_type, self.duration = details.mime_type, details.duration
            except ValidationError as error:
                errors["audio_file"] = error
        self.transcript_cues = []
        if self.transcript_file:
            try:
                self.transcript_cues = read_cues(self.transcript_file)
            except ValidationError as error:
                errors["transcript_file"] = error
        if errors:
            raise ValidationError(errors)

    @property
    def duration_minutes(self):
        return round(self.duration.total_seconds() / 60) if self.duration else None

    @property
    def duration_seconds(self):
        return round(self.duration.total_seconds()) if self.duration else None

    def transcript_text(self):
        return transcript_text(self.transcript_cues, self.transcript)

    def url_for_transcript(self, request=None):
        return self.get_url(request) + self.reverse_subpage("transcript")

    @re_path(TRANSCRIPT_ROUTE, name="transcript")
    def plain_transcript(self, request):
        """The transcript as plain text, for podcast apps (podcast:transcript)."""
        text = self.transcript_text()
        if not text:
            raise Http404
        return HttpResponse(text, content_type="text/plain; charset=utf-8")


class PodcastIndexPage(RoutablePageMixin, StoryIndexPage):
    """The home of the podcast, at /podcasts/, with its feed for podcast apps."""

    cover_image = models.ForeignKey(
        "stories.SafeImage",
        verbose_name=_("hoesafbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vierkant, minstens 1400 bij 1400 pixels; podcastapps tonen haar."),
    )
    owner_name = models.CharField(
        _("eigenaar"), max_length=100, default="Redactie Hart voor de Jeugd"
    )
    owner_email = models.EmailField(
        _("e-mailadres eigenaar"),
        blank=True,
        help_text=_("Podcastplatforms sturen hier hun berichten heen. Leeg: het afzendadres."),
    )

    content_panels = [
        *StoryIndexPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("owner_name"), FieldPanel("owner_email")],
            heading=_("Podcastfeed"),
        ),
    ]

    subpage_types = ["stories.PodcastPage"]
    sortable = True
    child_model = PodcastPage

    class Meta:
        verbose_name = _("overzicht podcasts")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feed_url"] = self.feed_url(request)
        return context

    def feed_url(self, request=None):
        return absolute_url(self, request) + self.reverse_subpage("feed")

    @path("feed/", name="feed")
    def feed(self, request):
        """The RSS feed that podcast apps subscribe to, at /podcasts/feed/."""
        episodes = list(
            self.get_items(request)
            .filter(audio_file__isnull=False)
            .select_related("audio_file", "transcript_file")[:MAX_EPISODES]
        )
        content = build_podcast_feed(
            index=self, episodes=episodes, feed_url=self.feed_url(request), request=request
        )
        return feed_response(content)
