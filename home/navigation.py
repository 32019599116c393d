from django.contrib.contenttypes.models import ContentType
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site

from dialogues.models import DialogueIndexPage
from stories.models import ArticleIndexPage, PodcastIndexPage, VlogIndexPage, WebinarIndexPage

from .models import ContentPage

SECTION_MODELS = (
    ArticleIndexPage,
    VlogIndexPage,
    PodcastIndexPage,
    WebinarIndexPage,
    DialogueIndexPage,
)


def main_navigation(request):
    """The section pages for the header and the content pages for the footer of this site.

    Lazy, so that responses that render no template (redirects, files) cost no query.
    """
    return SimpleLazyObject(lambda: _load(Site.find_for_request(request)))


def _load(site):
    if site is None:
        return {"home": None, "sections": [], "content_pages": []}
    content_types = ContentType.objects.get_for_models(*SECTION_MODELS, ContentPage)
    content_page_type = content_types[ContentPage]
    pages = list(
        Page.objects.child_of(site.root_page)
        .live()
        .in_menu()
        .filter(content_type__in=content_types.values())
        .order_by("path")
    )
    return {
        "home": site.root_page,
        "sections": [p for p in pages if p.content_type_id != content_page_type.pk],
        "content_pages": [p for p in pages if p.content_type_id == content_page_type.pk],
    }
