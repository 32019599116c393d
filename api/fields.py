"""Which fields of our page types the read API shows, per model.

Wagtail reads a model's `api_fields`; ours are listed here instead, in the API's own room, so
that the content model does not import the API's serializers (dependencies point down: api
imports stories and dialogues, never the other way). `api.views.PagesAPIViewSet` reads this
table where Wagtail would read `api_fields`.

Left out on purpose: the contributor account and everything personal (e-mail addresses,
consent records, privacy findings, registrations), a practice example's contact line (it may
hold an e-mail address), a webinar's meeting link (sent only to those registered) and the
uploaded files (a partner follows the page's html_url; the documents endpoint lists the
public ones).
"""

from wagtail.api import APIField

from dialogues.models import DialogueThreadPage
from stories.models import ArticlePage, PodcastPage, StoryPage, VlogPage, WebinarPage
from stories.models.base import CARD_RENDITION

from .serializers import (
    IsoDurationField,
    LabelledChoiceField,
    PageImageField,
    ReplyCountField,
    TagNamesField,
    TermSerializer,
)

STORY_FIELDS = [
    APIField("intro"),
    APIField(
        "hero_image",
        serializer=PageImageField(
            CARD_RENDITION, image_field="hero_image", alt_field="hero_image_alt"
        ),
    ),
    APIField("themes", serializer=TermSerializer(many=True)),
    APIField("change_tasks", serializer=TermSerializer(many=True)),
    APIField("regions", serializer=TermSerializer(many=True)),
    APIField("audiences", serializer=TermSerializer(many=True)),
    APIField("tags", serializer=TagNamesField()),
    APIField("contributor_name"),
    APIField("practice_aim"),
    APIField("practice_target_group"),
    APIField("practice_approach"),
    APIField("practice_success_factors"),
    APIField("practice_results"),
    APIField("evidence_level", serializer=LabelledChoiceField()),
    APIField("last_published_at"),
]

PAGE_API_FIELDS = {
    StoryPage: STORY_FIELDS,
    ArticlePage: [*STORY_FIELDS, APIField("body"), APIField("source_url")],
    VlogPage: [
        *STORY_FIELDS,
        APIField("duration", serializer=IsoDurationField()),
        APIField("video_url"),
        APIField(
            "poster_image", serializer=PageImageField(CARD_RENDITION, image_field="poster_image")
        ),
        APIField("transcript_text"),
    ],
    PodcastPage: [
        *STORY_FIELDS,
        APIField("duration", serializer=IsoDurationField()),
        APIField("season_number"),
        APIField("episode_number"),
        APIField("show_notes"),
    ],
    WebinarPage: [
        *STORY_FIELDS,
        APIField("start"),
        APIField("end"),
        APIField("speakers"),
        APIField("description"),
        APIField("registration_open"),
        APIField("can_register"),
        APIField("recording_url"),
    ],
    DialogueThreadPage: [
        *STORY_FIELDS,
        APIField("explanation"),
        APIField("is_closed"),
        APIField("reply_count", serializer=ReplyCountField()),
    ],
}


def api_fields(model):
    """The fields the API shows of `model`: its own entry, or its nearest ancestor's."""
    for klass in model.__mro__:
        if klass in PAGE_API_FIELDS:
            return PAGE_API_FIELDS[klass]
    return []
