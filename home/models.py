from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.fragments import cached_value
from core.lookups import KeptViewRestrictionsMixin
from core.routes import cached_route
from dialogues.models import DialogueThreadPage, most_recently_active
from stories.cards import CardStyle, render_card_lists
from stories.models import (
    ArticleIndexPage,
    ArticlePage,
    PodcastIndexPage,
    PodcastPage,
    StoryPage,
    VlogIndexPage,
    VlogPage,
    WebinarPage,
    with_play_time,
)

from .blocks import ContentStreamBlock, FooterGroupBlock, LinkBlock

NEWEST_PER_TYPE = 3
NEWEST_SECTIONS = {
    ArticlePage: ArticleIndexPage,
    VlogPage: VlogIndexPage,
    PodcastPage: PodcastIndexPage,
}


class HomePage(KeptViewRestrictionsMixin, Page):
    """The front door: editors' picks, the newest of each type, webinars and active dialogues."""

    heading = models.CharField(_("kop"), max_length=160, blank=True)
    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("heading"),
        FieldPanel("intro"),
        InlinePanel("featured_items", label=_("Uitgelicht"), max_num=6),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "stories.ArticleIndexPage",
        "stories.VlogIndexPage",
        "stories.PodcastIndexPage",
        "stories.WebinarIndexPage",
        "dialogues.DialogueIndexPage",
        "home.ContentPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("homepagina")

    def route(self, request, path_components):
        """Wagtail's walk down the tree, or the page it led to before (core.routes)."""
        return cached_route(self, request, path_components, super().route)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # A preview shows the featured items of its revision, not those of the database.
            context.update(self.lists(request))
            return context
        host = request.get_host() if request is not None else ""
        key = f"{self.pk}:{host}:{get_language()}"
        context.update(cached_value("home-lists", key, lambda: self.lists(request)))
        return context

    def lists(self, request):
        """The featured stories, the newest of each type, the upcoming webinars and the active
        dialogues as card HTML, with the links the sections need: about 15 queries, kept per
        generation of the page cache (core.fragments.cached_value) for every visitor, members
        too. A webinar that has ended may show until a change or FRAGMENT_CACHE_SECONDS, as on
        a cached page."""
        # The private sections are looked up once for all six lists.
        private = Page.objects.private_q()

        def public(model):
            return model.objects.live().exclude(private).select_related("contributor")

        featured_ids = list(self.featured_items.values_list("page_id", flat=True))
        found = {
            story.pk: story
            for story in with_play_time(public(StoryPage).filter(pk__in=featured_ids))
        }
        featured = [found[pk] for pk in featured_ids if pk in found]
        sections = {
            type(section): section
            for section in self.get_children().live().specific().type(*NEWEST_SECTIONS.values())
        }
        newest = {
            model: list(
                public(model)
                .exclude(pk__in=featured_ids)
                .order_by("-first_published_at")[:NEWEST_PER_TYPE]
            )
            for model in NEWEST_SECTIONS
        }
        upcoming_webinars = list(
            public(WebinarPage).filter(end__gte=timezone.now()).order_by("start")[:NEWEST_PER_TYPE]
        )
        active_dialogues = most_recently_active(public(DialogueThreadPage), NEWEST_PER_TYPE)
        # Every card of the six lists read from the fragment cache at once; only the missing
        # ones get their images and themes fetched, together, and rendered (stories.cards).
        compact = CardStyle(heading_level=3, compact=True)
        lists = [
            (featured, compact._replace(eager_first=True)),
            *((stories, compact) for stories in newest.values()),
            (upcoming_webinars, compact),
            (active_dialogues, compact),
        ]
        featured_cards, *newest_cards, webinar_cards, dialogue_cards = render_card_lists(
            request, lists
        )
        # Its feed is the site's feed of new stories, advertised in the home page's head too.
        stories_index = sections.get(ArticleIndexPage)
        return {
            "featured_ids": [story.pk for story in featured],
            "featured_cards": featured_cards,
            "newest_by_type": [
                (
                    str(model._meta.verbose_name_plural),
                    sections[index_model].get_url(request) if index_model in sections else None,
                    cards,
                )
                for (model, index_model), cards in zip(
                    NEWEST_SECTIONS.items(), newest_cards, strict=True
                )
            ],
            "upcoming_webinar_cards": webinar_cards,
            "active_dialogue_cards": dialogue_cards,
            "feed": (
                (
                    str(stories_index.feed_title),
                    stories_index.get_url(request) + stories_index.reverse_subpage("feed"),
                )
                if stories_index is not None
                else None
            ),
        }


class HomeFeaturedItem(Orderable):
    """A story the redactie puts at the top of the home page."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey(
        StoryPage, verbose_name=_("verhaal"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", page_type="stories.StoryPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("uitgelicht verhaal")
        verbose_name_plural = _("uitgelichte verhalen")


class ContentPage(KeptViewRestrictionsMixin, Page):
    """A plain page such as Over ons, Privacy or Spelregels, linked from the footer."""

    intro = models.TextField(_("inleiding"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("tekst"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("inhoudspagina")
        verbose_name_plural = _("inhoudspagina's")


FOOTER_TEXT = (
    "Ouders, jongeren en professionals delen hier wat werkt voor kinderen en jongeren, "
    "en praten erover met elkaar."
)


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """The main menu and the footer of a site, which the redactie edits under Instellingen."""

    menu = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("hoofdmenu"),
        blank=True,
        help_text=_(
            "De links in de balk bovenaan elke pagina, in deze volgorde. Laat je het leeg, dan "
            "staan de rubrieken er die 'Tonen in menu's' aan hebben."
        ),
    )
    footer_groups = StreamField(
        [("group", FooterGroupBlock())],
        verbose_name=_("linkgroepen in de voettekst"),
        blank=True,
        help_text=_(
            "Groepjes links onderaan elke pagina, elk met een kop. Laat je het leeg, dan staan "
            "de inhoudspagina's er die 'Tonen in menu's' aan hebben, onder 'Over dit platform'."
        ),
    )
    footer_text = models.TextField(
        _("tekst in de voettekst"),
        max_length=300,
        blank=True,
        default=FOOTER_TEXT,
        help_text=_("Een of twee zinnen onder de naam van de site, onderaan elke pagina."),
    )

    panels = [FieldPanel("menu"), FieldPanel("footer_groups"), FieldPanel("footer_text")]

    class Meta:
        verbose_name = _("navigatie")
