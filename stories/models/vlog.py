import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from mediafiles.details import read_media_details
from mediafiles.transcripts import read_cues, transcript_text
from mediafiles.uploads import VIDEO
from stories.feeds import SectionFeedMixin, VlogFeed
from stories.panels import TranscriptNoticePanel

from .base import StoryIndexPage, StoryPage

YOUTUBE_ID = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)|youtu\.be/)"
    r"(?P<id>[A-Za-z0-9_-]{11})"
)
VIMEO_ID = re.compile(r"^https?://(?:www\.|player\.)?vimeo\.com/(?:video/)?(?P<id>\d+)")


def external_video_embed(url):
    """The privacy-friendly player address and provider name for a YouTube or Vimeo URL."""
    if match := YOUTUBE_ID.match(url or ""):
        return f"https://www.youtube-nocookie.com/embed/{match['id']}?autoplay=1", "YouTube"
    if match := VIMEO_ID.match(url or ""):
        return f"https://player.vimeo.com/video/{match['id']}?dnt=1&autoplay=1", "Vimeo"
    return None, None


class VlogPage(StoryPage):
    """A video story: an uploaded file, or a YouTube or Vimeo video loaded only on request."""

    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("videobestand"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Een MP4- of WebM-bestand."),
    )
    video_type = models.CharField(_("soort video"), max_length=40, blank=True, editable=False)
    duration = models.DurationField(_("duur"), null=True, blank=True, editable=False)
    video_url = models.URLField(
        _("of een YouTube- of Vimeo-adres"),
        blank=True,
        help_text=_("Bezoekers laden de video pas als ze erop klikken."),
    )
    poster_image = models.ForeignKey(
        "stories.SafeImage",
        verbose_name=_("voorbeeldafbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("ondertiteling (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transcript = models.TextField(_("uitgeschreven tekst"), blank=True)
    # The captions' passages, read from the WebVTT file when the page is saved.
    transcript_cues = models.JSONField(default=list, blank=True, editable=False)

    edit_handler = StoryPage.build_edit_handler(
        [
            MultiFieldPanel(
                [
                    FieldPanel("video_file"),
                    FieldPanel("video_url"),
                    FieldPanel("poster_image"),
                    FieldPanel("captions"),
                ],
                heading=_("Video"),
            ),
            MultiFieldPanel(
                [
                    TranscriptNoticePanel(fields=["captions", "transcript"]),
                    FieldPanel("transcript"),
                ],
                heading=_("Uitgeschreven tekst"),
            ),
        ]
    )

    search_fields = [
        *StoryPage.search_fields,
        # The captions' passages, or the plain text (see transcript_text).
        index.SearchField("transcript_text"),
    ]

    parent_page_types = ["stories.VlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("vlog")
        verbose_name_plural = _("vlogs")

    def clean(self):
        super().clean()
        errors = {}
        if self.video_url and external_video_embed(self.video_url)[0] is None:
            errors["video_url"] = _(
                "Alleen video's van YouTube of Vimeo kunnen worden ingesloten."
            )
        self.video_type, self.duration = "", None
        if self.video_file:
            try:
                details = read_media_details(self.video_file, VIDEO)
                self.video_type, self.duration = details.mime_type, details.duration
            except ValidationError as error:
                errors["video_file"] = error
        self.transcript_cues = []
        if self.captions:
            try:
                self.transcript_cues = read_cues(self.captions)
            except ValidationError as error:
                errors["captions"] = error
        if errors:
            raise ValidationError(errors)

    def transcript_text(self):
        return transcript_text(self.transcript_cues, self.transcript)

    @property
    def embed(self):
        url, provider = external_video_embed(self.video_url)
        return {"url": url, "provider": provider} if url else None


class VlogIndexPage(SectionFeedMixin, StoryIndexPage):
    """The home of all vlogs, at /vlogs/, with their feed."""

    subpage_types = ["stories.VlogPage"]
    sortable = True
    child_model = VlogPage
    feed_class = VlogFeed
    feed_title = _("Hart voor de Jeugd: nieuwe vlogs")
    feed_description = _("De nieuwste vlogs die mensen op Hart voor de Jeugd delen.")

    class Meta:
        verbose_name = _("overzicht vlogs")

    def feed_items(self):
        return super().feed_items().select_related("video_file")
