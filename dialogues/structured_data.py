"""Structured data (schema.org JSON-LD) for a dialogue: a DiscussionForumPosting with the
number of replies visitors can read
(https://developers.google.com/search/docs/appearance/structured-data/discussion-forum).
The project's `{% structured_data %}` tag (hartvoordejeugd.structured_data) writes it.
"""

from django.http import HttpRequest
from django.utils.html import strip_tags

from stories.structured_data import JsonDict, author, common, iso_time, without_empty

from .models import DialogueThreadPage


def discussion_forum_posting(
    page: DialogueThreadPage, request: HttpRequest, *, files: bool, reply_count: int
) -> JsonDict:
    """The thread as its opening post; `reply_count` is the count of visible replies that
    the page shows (DialogueThreadPage.get_context), so it costs no query of its own."""
    data = common(page, request, files=files)
    text = "\n\n".join(part for part in (page.intro, strip_tags(page.explanation).strip()) if part)
    data.update(
        {
            "@type": "DiscussionForumPosting",
            "headline": page.title,
            "text": text,
            "datePublished": iso_time(page.first_published_at),
            "dateModified": iso_time(page.last_published_at),
            "author": author(page, request),
            "interactionStatistic": {
                "@type": "InteractionCounter",
                "interactionType": "https://schema.org/CommentAction",
                "userInteractionCount": reply_count,
            },
        }
    )
    return without_empty(data)
