from django.db import models
from django.db.models import Value
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.compiled import compiled_rows


class TaxonomyTerm(index.Indexed, models.Model):
    """What every taxonomy snippet has: a name, a URL slug and a short description."""

    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    description = models.TextField(_("omschrijving"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(TaxonomyTerm):
    """A subject that practice examples are about, such as pleegzorg or wijkteams."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")


class ChangeTask(TaxonomyTerm):
    """One of the four change tasks (veranderopgaven) of the support team Zorg voor de Jeugd."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("veranderopgave")
        verbose_name_plural = _("veranderopgaven")


class Region(TaxonomyTerm):
    """A youth region (jeugdregio): the municipalities that organise youth care together."""

    province = models.CharField(_("provincie"), max_length=60, blank=True)

    panels = [*TaxonomyTerm.panels, FieldPanel("province")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("jeugdregio")
        verbose_name_plural = _("jeugdregio's")


class Audience(TaxonomyTerm):
    """Who a story is for: ouders, jongeren, professionals, gemeenten and so on."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")


class Ambassador(index.Indexed, ClusterableModel):
    """A regional or national ambassador of the support team whom people can contact."""

    class Kind(models.TextChoices):
        REGIONAL = "regio", _("Regio-ambassadeur")
        NATIONAL = "landelijk", _("Landelijk ambassadeur")

    name = models.CharField(_("naam"), max_length=120)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.REGIONAL)
    role = models.CharField(
        _("functie"),
        max_length=160,
        blank=True,
        help_text=_("Bijvoorbeeld: jeugdhulpprofessional."),
    )
    bio = models.TextField(_("over deze ambassadeur"), blank=True)
    help_with = models.CharField(
        _("waarmee ik je kan helpen"),
        max_length=255,
        blank=True,
        help_text=_("Kort, bijvoorbeeld: pleegzorg, de overgang naar volwassenheid."),
    )
    email = models.EmailField(
        _("e-mailadres"),
        blank=True,
        help_text=_(
            "Vragen via de regiopagina komen hier binnen. Bezoekers zien dit adres nooit."
        ),
    )
    notify_on_submissions = models.BooleanField(
        _("Stuur mij een bericht bij nieuwe inzendingen uit mijn regio"),
        default=True,
        help_text=_(
            "Een e-mail als iemand een verhaal of dialoog uit een van de regio's van deze "
            "ambassadeur instuurt."
        ),
    )
    photo = models.ForeignKey(
        "stories.SafeImage",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    regions = ParentalManyToManyField(
        Region, verbose_name=_("jeugdregio's"), related_name="ambassadors", blank=True
    )
    change_task = models.ForeignKey(
        ChangeTask,
        verbose_name=_("veranderopgave"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ambassadors",
        help_text=_("Voor landelijk ambassadeurs: de veranderopgave waar zij zich voor inzetten."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("help_with"),
        FieldPanel("email"),
        FieldPanel("notify_on_submissions"),
        FieldPanel("photo"),
        FieldPanel("regions"),
        FieldPanel("change_task"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("ambassadeur")
        verbose_name_plural = _("ambassadeurs")

    def __str__(self):
        return self.name


# The taxonomies a story page lists under "Onderwerpen" (beside its tags), read together.
TOPIC_FIELDS = ("themes", "change_tasks", "regions", "audiences")


def read_topics(story):
    """Read a story's themes, change tasks, regions and audiences with one query (the four
    selects joined by UNION ALL) instead of one each, and give them to the page as modelcluster
    gives a revision's terms, so that `story.themes.all()` and the rest (the "Onderwerpen"
    list, the similar block) read no more. The query is compiled once (core.compiled). Once
    per page object; not for a preview, which shows the terms of its revision."""
    if story.pk is None or getattr(story, "_topics_read", False):
        return
    columns = [field.attname for field in Theme._meta.concrete_fields]
    models_by_field = {name: story._meta.get_field(name).related_model for name in TOPIC_FIELDS}

    def build(story_id):
        selects = [
            model.objects.filter(stories=story_id)
            .order_by()
            .annotate(topic=Value(number))
            .values_list("topic", *columns)
            for number, model in enumerate(models_by_field.values())
        ]
        return selects[0].union(*selects[1:], all=True)

    found = {name: [] for name in TOPIC_FIELDS}
    database = story._state.db or "default"
    for number, *values in compiled_rows("topics", build, story.pk, using=database):
        name = TOPIC_FIELDS[number]
        found[name].append(models_by_field[name].from_db(database, columns, values))
    for name, terms in found.items():
        getattr(story, name).set(terms)
    story._topics_read = True
