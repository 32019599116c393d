from .article import ArticleIndexPage, ArticlePage
from .base import (
    EvidenceLevel,
    StoryIndexPage,
    StoryPage,
    StoryTag,
    paginate,
    with_play_time,
)
from .card_data import card_queryset, prefetch_cards
from .consent import StoryConsent
from .images import SafeImage, SafeRendition
from .podcast import PodcastIndexPage, PodcastPage
from .registration import RegistrationStatus, WebinarRegistration
from .taxonomy import Ambassador, Audience, ChangeTask, Region, Theme, read_topics
from .vlog import VlogIndexPage, VlogPage
from .webinar import WebinarIndexPage, WebinarPage

__all__ = [
    "Ambassador",
    "ArticleIndexPage",
    "ArticlePage",
    "Audience",
    "ChangeTask",
    "EvidenceLevel",
    "PodcastIndexPage",
    "PodcastPage",
    "Region",
    "RegistrationStatus",
    "SafeImage",
    "SafeRendition",
    "StoryIndexPage",
    "StoryConsent",
    "StoryPage",
    "StoryTag",
    "Theme",
    "VlogIndexPage",
    "VlogPage",
    "WebinarIndexPage",
    "WebinarPage",
    "WebinarRegistration",
    "card_queryset",
    "paginate",
    "prefetch_cards",
    "read_topics",
    "with_play_time",
]
