"""Every test factory, by one name: each app's factories live in tests/<app>/factories.py."""

from tests.accounts.factories import (
    PASSWORD,
    ContributorFactory,
    EditorFactory,
    UserFactory,
)
from tests.dialogues.factories import (
    DialogueIndexPageFactory,
    DialogueThreadPageFactory,
)
from tests.home.factories import (
    ContentPageFactory,
    PageFactory,
    home_page,
)
from tests.stories.factories import (
    AmbassadorFactory,
    ArticleIndexPageFactory,
    ArticlePageFactory,
    AudienceFactory,
    ChangeTaskFactory,
    ImageFactory,
    IndexPageFactory,
    PodcastIndexPageFactory,
    PodcastPageFactory,
    RegionFactory,
    StoryConsentFactory,
    StoryPageFactory,
    TaxonomyTermFactory,
    ThemeFactory,
    VlogIndexPageFactory,
    VlogPageFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)

__all__ = [
    "AmbassadorFactory",
    "ArticleIndexPageFactory",
    "ArticlePageFactory",
    "AudienceFactory",
    "ChangeTaskFactory",
    "ContentPageFactory",
    "ContributorFactory",
    "DialogueIndexPageFactory",
    "DialogueThreadPageFactory",
    "EditorFactory",
    "ImageFactory",
    "IndexPageFactory",
    "PASSWORD",
    "PageFactory",
    "PodcastIndexPageFactory",
    "PodcastPageFactory",
    "RegionFactory",
    "StoryConsentFactory",
    "StoryPageFactory",
    "TaxonomyTermFactory",
    "ThemeFactory",
    "UserFactory",
    "VlogIndexPageFactory",
    "VlogPageFactory",
    "WebinarIndexPageFactory",
    "WebinarPageFactory",
    "home_page",
]
