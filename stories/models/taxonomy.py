from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


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
