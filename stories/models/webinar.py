"""Webinars: the page of one online meeting and the index of all of them.

Registering is another app's business (webinars): it hands the page the views behind its
registration routes and the form's context through the "webinar_registration_views" Wagtail
hook, so this model imports no view. What follows a past webinar (the dialogues' follow-up
threads) comes through the "webinar_follow_ups" hook, so this model names no other app's
relation.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.lookups import public_q
from mediafiles.calendars import build_webinar_calendar, calendar_response
from mediafiles.details import read_media_details
from mediafiles.uploads import VIDEO
from stories.blocks import RICH_TEXT_FEATURES
from stories.feeds import SectionFeedMixin, WebinarFeed

from .base import StoryIndexPage, StoryPage, paginate
from .vlog import external_video_embed

# Matches "agenda.ics/" because RoutablePageMixin.route() adds a slash to every path it
# resolves, and reverses to "agenda.ics": hartvoordejeugd/urls.py routes `.../agenda.ics` here.
CALENDAR_ROUTE = r"^agenda\.ics/?$"

REGISTRATION_VIEWS_HOOK = "webinar_registration_views"
FOLLOW_UPS_HOOK = "webinar_follow_ups"
# How far back the feed reaches: the recordings of recent webinars are still news.
FEED_RECENT_DAYS = 42


@dataclass(frozen=True)
class RegistrationViews:
    """What the app that takes registrations returns from the "webinar_registration_views" hook."""

    context: Callable[..., dict[str, Any]]  # (webinar, registration_form or None) -> context
    register: Callable[..., HttpResponse]  # (request, webinar): the form's target
    registered: Callable[..., HttpResponse]  # (request, webinar): the thank-you page


def registration_views() -> RegistrationViews | None:
    """The registered views, or None when no installed app takes registrations."""
    for hook in hooks.get_hooks(REGISTRATION_VIEWS_HOOK):
        return hook()
    return None


def follow_ups(webinar: "WebinarPage") -> list[Page]:
    """The pages to carry on after the webinar: each hook (webinar -> pages) adds its own."""
    return [page for hook in hooks.get_hooks(FOLLOW_UPS_HOOK) for page in hook(webinar)]


def registration_view(name: str) -> Callable[..., HttpResponse]:
    views = registration_views()
    if views is None:
        raise Http404
    return getattr(views, name)


class WebinarPage(RoutablePageMixin, StoryPage):
    """An online meeting with a start and end time, registration, and afterwards its recording."""

    # Indexed: the webinars page lists the next and the latest ones out of thousands.
    start = models.DateTimeField(_("begint"), db_index=True)
    end = models.DateTimeField(_("eindigt"), db_index=True)
    speakers = models.CharField(_("sprekers"), max_length=250, blank=True)
    description = RichTextField(_("beschrijving"), features=RICH_TEXT_FEATURES, blank=True)
    online_link = models.URLField(
        _("link naar de online bijeenkomst"),
        blank=True,
        help_text=_("Wordt naar aangemelde deelnemers gestuurd, niet op de pagina getoond."),
    )
    capacity = models.PositiveIntegerField(_("aantal plaatsen"), null=True, blank=True)
    registration_open = models.BooleanField(_("aanmelden mogelijk"), default=True)
    recording_url = models.URLField(
        _("opname (link)"),
        blank=True,
        help_text=_("Een YouTube- of Vimeo-adres, of een andere link."),
    )
    recording_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("opname (videobestand)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    slides = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("presentatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    edit_handler = StoryPage.build_edit_handler(
        [
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("speakers")],
                heading=_("Wanneer en wie"),
            ),
            FieldPanel("description"),
            MultiFieldPanel(
                [
                    FieldPanel("online_link"),
                    FieldPanel("capacity"),
                    FieldPanel("registration_open"),
                ],
                heading=_("Aanmelden"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("recording_file"),
                    FieldPanel("recording_url"),
                    FieldPanel("slides"),
                ],
                heading=_("Na afloop"),
            ),
        ]
    )

    search_fields = [
        *StoryPage.search_fields,
        index.SearchField("description"),
        index.SearchField("speakers"),
        index.FilterField("start"),
    ]

    parent_page_types = ["stories.WebinarIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("webinar")
        verbose_name_plural = _("webinars")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("Het einde moet na het begin liggen.")
        if self.recording_file:
            try:
                read_media_details(self.recording_file, VIDEO)
            except ValidationError as error:
                errors["recording_file"] = error
        if errors:
            raise ValidationError(errors)

    @property
    def display_date(self):
        return self.start

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def recording_embed(self):
        """A YouTube or Vimeo recording as a click-to-load player, like a vlog's; else None."""
        url, provider = external_video_embed(self.recording_url)
        return {"url": url, "provider": provider} if url else None

    @property
    def can_register(self):
        return self.registration_open and not self.is_past

    def get_context(self, request, *args, registration_form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        views = registration_views()
        if views is not None:
            context.update(views.context(self, registration_form))
        # Only a past webinar shows them (registration/afterwards.html).
        context["follow_ups"] = follow_ups(self) if self.is_past else []
        return context

    @path("aanmelden/", name="register")
    def register(self, request):
        """The registration form's target: a seat, the waiting list, or the form again."""
        return registration_view("register")(request, self)

    @path("aanmelden/bedankt/", name="registered")
    def registered(self, request):
        """Where the form sends people after registering: a seat, or their waiting place."""
        return registration_view("registered")(request, self)

    @re_path(CALENDAR_ROUTE, name="calendar")
    def calendar(self, request):
        """This webinar as an .ics file to add to a calendar app."""
        calendar = build_webinar_calendar(name=self.title, webinars=[self], request=request)
        return calendar_response(calendar, filename=f"{self.slug}.ics", attachment=True)


class WebinarIndexPage(SectionFeedMixin, StoryIndexPage):
    """The home of all webinars, at /webinars/: upcoming first, past ones below."""

    subpage_types = ["stories.WebinarPage"]
    child_model = WebinarPage
    feed_class = WebinarFeed
    feed_title = _("Hart voor de Jeugd: webinars")
    feed_description = _(
        "De komende webinars van Hart voor de Jeugd en die van de afgelopen weken, "
        "op volgorde van aanvang."
    )

    class Meta:
        verbose_name = _("overzicht webinars")

    def get_context(self, request, *args, **kwargs):
        context = super(StoryIndexPage, self).get_context(request, *args, **kwargs)
        # The cards' images and themes are fetched for the cards not kept (stories.cards).
        webinars = self.webinars()
        # To the minute, so that the count of past webinars is remembered (paginate).
        now = timezone.now().replace(second=0, microsecond=0)
        upcoming = webinars.filter(end__gte=now).order_by("start")
        # The first ones only, unless asked: all of them made a page of hundreds of cards.
        shown = None if request.GET.get("komend") == "alle" else settings.HVDJ_PAGE_SIZE
        context["upcoming"] = list(upcoming[:shown])
        context["more_upcoming"] = (
            upcoming.count() - len(context["upcoming"]) if len(context["upcoming"]) == shown else 0
        )
        context["items"] = paginate(request, webinars.filter(end__lt=now).order_by("-start"))
        return context

    def webinars(self):
        return WebinarPage.objects.child_of(self).live().filter(public_q())

    def feed_items(self):
        """The upcoming webinars and those of the last FEED_RECENT_DAYS, by start."""
        since = timezone.now() - timedelta(days=FEED_RECENT_DAYS)
        return self.webinars().filter(end__gte=since).order_by("start")

    @re_path(CALENDAR_ROUTE, name="calendar")
    def calendar(self, request):
        """The upcoming webinars as a calendar feed that calendar apps can subscribe to."""
        upcoming = self.webinars().filter(end__gte=timezone.now()).order_by("start")
        calendar = build_webinar_calendar(
            name=gettext("Webinars van Hart voor de Jeugd"), webinars=upcoming, request=request
        )
        return calendar_response(calendar, filename=f"{self.slug}.ics", attachment=False)
