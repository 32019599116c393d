import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page
from wagtail.search import index

from core.compiled import compiled_rows, give_prefetched
from core.lookups import KeptViewRestrictionsMixin, public_q
from core.page_cache import current_generation
from stories.panels import SubmissionPanel

from .taxonomy import Audience, ChangeTask, Region, Theme, read_topics

CARD_RENDITION = "fill-640x360"
# How long a listing's count is kept at most; a publish makes it obsolete sooner.
COUNT_SECONDS = 600


class EvidenceLevel(models.TextChoices):
    """The rungs of the evidence ladder (effectladder) a practice example can stand on."""

    PRACTICE = "praktijkervaring", _("Praktijkervaring")
    DESCRIBED = "goed_beschreven", _("Goed beschreven")
    SUBSTANTIATED = "goed_onderbouwd", _("Goed onderbouwd")
    EFFECTIVE = "effectief", _("Effectief")


class StoryTag(TaggedItemBase):
    """Links a free tag to a story."""

    content_object = ParentalKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StoryPage(KeptViewRestrictionsMixin, Page):
    """What everything people share has in common: summary, image, taxonomy and contributor.

    Not creatable itself. It is a concrete table rather than an abstract model so that the home
    page, the listings, search facets and benchmarks can query every type of story at once.
    """

    # What a member calls it in e-mails about it: "je verhaal", "je dialoog".
    contribution_noun = _("verhaal")
    # What a story card asks of every story; webinars, vlogs, podcasts and dialogues (with
    # with_activity) have their own. A name a template cannot find costs a dir() of the whole
    # page, about 0.5 ms, three times a card.
    start = duration = last_activity = None
    # Read with the page when it is served (core.routes.specific_page): the hero and the byline.
    serve_select_related = ("hero_image", "contributor")

    intro = models.TextField(
        _("samenvatting"),
        max_length=600,
        help_text=_("Twee of drie zinnen die op overzichten en in zoekresultaten staan."),
    )
    hero_image = models.ForeignKey(
        "stories.SafeImage",
        verbose_name=_("hoofdafbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("alternatieve tekst hoofdafbeelding"),
        max_length=250,
        blank=True,
        help_text=_("Laat leeg als de afbeelding alleen sfeer geeft."),
    )
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("thema's"), related_name="stories", blank=True
    )
    change_tasks = ParentalManyToManyField(
        ChangeTask, verbose_name=_("veranderopgaven"), related_name="stories", blank=True
    )
    regions = ParentalManyToManyField(
        Region, verbose_name=_("jeugdregio's"), related_name="stories", blank=True
    )
    audiences = ParentalManyToManyField(
        Audience, verbose_name=_("doelgroepen"), related_name="stories", blank=True
    )
    tags = ClusterTaggableManager(through=StoryTag, verbose_name=_("trefwoorden"), blank=True)
    contributor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bijdrager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        help_text=_("Het lid dat dit verhaal heeft gedeeld; op de pagina staat de weergavenaam."),
    )
    contributor_left = models.BooleanField(
        _("bijdrager is oud-lid"),
        default=False,
        help_text=_("Het lid heeft zijn account opgeheven en dit verhaal laten staan."),
    )

    privacy_findings = models.JSONField(
        _("mogelijke persoonsgegevens"),
        default=list,
        blank=True,
        help_text=_("Wat de privacycheck vond toen het lid het verhaal instuurde."),
    )

    # A story can also describe a practice example (praktijkvoorbeeld).
    practice_aim = models.TextField(_("doel"), blank=True)
    practice_target_group = models.TextField(_("doelgroep van de aanpak"), blank=True)
    practice_approach = models.TextField(_("aanpak"), blank=True)
    practice_success_factors = models.TextField(_("wat maakte het succesvol"), blank=True)
    practice_results = models.TextField(_("resultaten"), blank=True)
    practice_contact = models.CharField(
        _("contact"), max_length=250, blank=True, help_text=_("Naam, organisatie of e-mailadres.")
    )
    evidence_level = models.CharField(
        _("niveau op de effectladder"), max_length=20, choices=EvidenceLevel.choices, blank=True
    )

    taxonomy_panels = [
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("change_tasks", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("contributor"),
    ]
    practice_panels = [
        MultiFieldPanel(
            [
                FieldPanel("practice_aim"),
                FieldPanel("practice_target_group"),
                FieldPanel("practice_approach"),
                FieldPanel("practice_success_factors"),
                FieldPanel("practice_results"),
                FieldPanel("practice_contact"),
                FieldPanel("evidence_level"),
            ],
            heading=_("Praktijkvoorbeeld"),
            help_text=_(
                "Vul dit in als het verhaal een aanpak beschrijft die anderen kunnen overnemen."
            ),
        )
    ]
    intro_panels = [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("practice_aim"),
        index.SearchField("practice_approach"),
        index.SearchField("practice_results"),
        index.AutocompleteField("title"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("regions", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("first_published_at"),
    ]

    is_creatable = False
    parent_page_types = []
    subpage_types = []

    class Meta:
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")

    @classmethod
    def build_edit_handler(cls, content_panels):
        """The editing tabs every story type shares: content, taxonomy, practice, promotion."""
        return TabbedInterface(
            [
                ObjectList(
                    [*Page.content_panels, *cls.intro_panels, *content_panels, SubmissionPanel()],
                    heading=_("Inhoud"),
                ),
                ObjectList(cls.taxonomy_panels, heading=_("Ordening")),
                ObjectList(cls.practice_panels, heading=_("Praktijkvoorbeeld")),
                ObjectList(Page.promote_panels, heading=_("Promotie")),
                ObjectList(Page.settings_panels, heading=_("Instellingen")),
            ]
        )

    @property
    def type_label(self):
        return self.cached_content_type.model_class()._meta.verbose_name

    @property
    def type_key(self):
        return self.cached_content_type.model

    def revise_url(self):
        """Where the member changes this page when the share forms did not make it (a dialogue
        names its own form); None for the types the share forms change."""
        return None

    @property
    def display_date(self):
        return self.first_published_at

    @property
    def is_practice_example(self):
        return any(
            (
                self.practice_aim,
                self.practice_target_group,
                self.practice_approach,
                self.practice_success_factors,
                self.practice_results,
                self.practice_contact,
                self.evidence_level,
            )
        )

    @property
    def contributor_name(self):
        if self.contributor_id:
            return self.contributor.public_name
        return _("Oud-lid") if self.contributor_left else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            read_topics(self)
            read_tags(self)
        return context


def read_tags(story):
    """Read a story's tags through SQL compiled once (core.compiled) and give them to the page
    as Django's prefetch does, so that `story.tags.all()` reads no more: taggit builds and
    compiles its query anew for every page. Not for a preview, whose tags are its revision's."""
    if story.pk is None or "tags" in getattr(story, "_prefetched_objects_cache", {}):
        return
    tag_model = StoryTag.tag_model()
    columns = [field.attname for field in tag_model._meta.concrete_fields]

    def build(story_id):
        fields = [f"tag__{column}" for column in columns]
        return (
            StoryTag.objects.filter(content_object_id=story_id).order_by("pk").values_list(*fields)
        )

    database = story._state.db or "default"
    rows = compiled_rows("tags", build, story.pk, using=database)
    tags = [tag_model.from_db(database, columns, row) for row in rows]
    give_prefetched(story, "tags", tag_model.objects.all(), tags)


def with_play_time(queryset):
    """Give stories of every type the `duration` their vlog or podcast page holds, for cards.

    A queryset of one type with its own `duration` (VlogPage, PodcastPage) has it already; on
    a queryset of the shared base the value comes from the subtypes' tables in the same query.
    """
    model = queryset.model
    if any(field.name == "duration" for field in model._meta.concrete_fields):
        return queryset
    durations = [
        F(f"{relation.name}__duration")
        for relation in model._meta.related_objects
        if relation.one_to_one
        and relation.parent_link
        and any(field.name == "duration" for field in relation.related_model._meta.fields)
    ]
    if not durations:
        return queryset
    return queryset.annotate(duration=Coalesce(*durations) if len(durations) > 1 else durations[0])


class RememberedCountPaginator(Paginator):
    """A paginator that counts its items once per generation of the page cache.

    Counting the 40,000 articles of a section took most of every listing page's time. The
    count is kept under the listing's SQL (its section, filters and private sections) and the
    page cache's generation (core.page_cache), which every publish, unpublish, move
    or delete of a page starts anew: a kept count is never out of date.
    """

    @cached_property
    def count(self):
        try:
            sql = str(self.object_list.query)
        except (AttributeError, EmptyResultSet):
            return super().count
        digest = hashlib.sha256(sql.encode()).hexdigest()[:32]
        key = f"hvdj:count:{current_generation()}:{digest}"
        count = cache.get(key)
        if count is None:
            count = super().count
            cache.set(key, count, timeout=COUNT_SECONDS)
        return count


def paginate(request, items, per_page=None):
    """One page of items for the `?pagina=` query parameter; out-of-range pages show the last."""
    paginator = RememberedCountPaginator(items, per_page or settings.HVDJ_PAGE_SIZE)
    number = request.GET.get("pagina", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


# The orders of a listing a visitor can choose with ?sortering=; the first is the default.
# "Meest toegepast" counts the approved "Wij passen dit ook toe" marks of the adoptions app, by
# the name of their reverse relation (stories does not import adoptions).
LISTING_SORTS = {
    "nieuwste": _("Nieuwste eerst"),
    "meest-toegepast": _("Meest toegepast"),
}


def most_adopted_first(queryset):
    """Stories with the most approved adoption marks first, then the newest."""
    adopted = Count("adoptions", filter=Q(adoptions__status="approved"))
    return queryset.annotate(adoption_count=adopted).order_by(
        "-adoption_count", "-first_published_at", "-pk"
    )


def listing_sort(request):
    sort = request.GET.get("sortering", "")
    return sort if sort in LISTING_SORTS else next(iter(LISTING_SORTS))


def listing_sort_links(request):
    """The links that choose each order, the current one marked, on page 1 of the listing."""
    current = listing_sort(request)
    links = []
    for key, label in LISTING_SORTS.items():
        params = request.GET.copy()
        params.pop("pagina", None)
        params["sortering"] = key
        links.append({"label": label, "url": "?" + params.urlencode(), "current": key == current})
    return links


class StoryIndexPage(KeptViewRestrictionsMixin, Page):
    """What every section home (verhalen, vlogs, podcasts, webinars, dialogen) has in common."""

    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    max_count = 1
    child_model = None
    # Whether visitors may order the listing by LISTING_SORTS (sections of practice examples).
    sortable = False

    class Meta:
        abstract = True

    def get_items(self, request):
        # Private pages left out by their kept paths (core.lookups), as .public() does with
        # a query of its own.
        items = self.child_model.objects.child_of(self).live().filter(public_q())
        if self.sortable and listing_sort(request) == "meest-toegepast":
            return most_adopted_first(items)
        return items.order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The cards' images and themes are fetched for the cards not kept (stories.cards).
        context["items"] = paginate(request, self.get_items(request))
        if self.sortable:
            context["sort_links"] = listing_sort_links(request)
        return context
