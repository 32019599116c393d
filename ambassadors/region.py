"""What a region's page shows besides its practice examples: its ambassadors, the question
form, its upcoming webinars and its active dialogues, in a fixed number of queries."""

from django.db.models import Prefetch
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from dialogues.models import DialogueThreadPage, most_recently_active
from stories.models import Region, WebinarPage, prefetch_cards

from .forms import QuestionForm
from .questions import askable_ambassadors

# The ambassador's photo: a square, twice the size it is shown at for sharp screens.
PHOTO_SPEC = "fill-192x192|format-webp"
SHOWN_PER_SECTION = 3


def region_context(region: Region, *, question_form: QuestionForm | None = None) -> dict:
    """The ambassadors (with their photo's rendition), the question form (None when no
    ambassador takes questions) and the region's next webinars and most active dialogues."""
    images = get_image_model().objects.prefetch_renditions(PHOTO_SPEC)
    ambassadors = list(
        region.ambassadors.order_by("name", "pk").prefetch_related(
            Prefetch("photo", queryset=images)
        )
    )
    if question_form is None and any(ambassador.email for ambassador in ambassadors):
        question_form = QuestionForm(ambassadors=askable_ambassadors(region))
    # The private sections are looked up once for both lists, as on the home page.
    private = Page.objects.private_q()
    webinars = list(
        WebinarPage.objects.live()
        .exclude(private)
        .filter(regions=region, end__gte=timezone.now())
        .select_related("contributor")
        .order_by("start", "pk")[:SHOWN_PER_SECTION]
    )
    dialogues = most_recently_active(
        DialogueThreadPage.objects.live()
        .exclude(private)
        .filter(regions=region)
        .select_related("contributor"),
        SHOWN_PER_SECTION,
    )
    prefetch_cards([*webinars, *dialogues])
    return {
        "ambassadors": ambassadors,
        "photo_spec": PHOTO_SPEC,
        "question_form": question_form,
        "upcoming_webinars": webinars,
        "active_dialogues": dialogues,
    }
