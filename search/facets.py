"""The facets of the public search: story type and the four taxonomies, as the URL names them.

Each facet knows its URL parameter, which values exist (`known`: an unknown value is ignored
the same way for every facet), the pks of chosen values in the search index's fast fields
(`pks`, from a cached slug map: the taxonomies are small) and how to turn counts into the
options the page shows. `filter` and `options` count in the database, for Elasticsearch.
"""

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from stories.models import Audience, ChangeTask, Region, StoryPage, Theme

# How long the slug → pk maps of the taxonomies are kept (an unknown slug reads them again).
TERMS_CACHE_SECONDS = 300
SLUG = re.compile(r"[-a-z0-9_]{1,120}")
# The URL value of each story type: the search app names the types, it imports none of them.
TYPE_SLUGS = {
    "articlepage": "artikel",
    "vlogpage": "vlog",
    "podcastpage": "podcast",
    "webinarpage": "webinar",
    "dialoguethreadpage": "dialoog",
}


@dataclass
class Option:
    """One value of a facet, with the number of results it would give."""

    value: str
    label: str
    count: int
    chosen: bool


@dataclass
class Facet:
    """A facet as the results page shows it."""

    parameter: str
    label: str
    options: list = field(default_factory=list)

    @property
    def chosen(self):
        return [option for option in self.options if option.chosen]


def story_types():
    """{URL value: model} of every story type."""
    return {
        TYPE_SLUGS[model._meta.model_name]: model
        for model in apps.get_models()
        if issubclass(model, StoryPage) and model._meta.model_name in TYPE_SLUGS
    }


class TypeFacet:
    """Soort: article, vlog, podcast, webinar or dialogue."""

    parameter = "soort"
    label = _("Soort")

    index_field = "type"

    def known(self, values):
        return [value for value in values if value in TYPE_SLUGS.values()]

    def pks(self, values):
        """The content type pks of the types `values`."""
        models = [model for slug, model in story_types().items() if slug in values]
        return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]

    def filter(self, queryset, values):
        models = [model for slug, model in story_types().items() if slug in values]
        content_types = ContentType.objects.get_for_models(*models).values()
        return queryset.filter(content_type__in=[ct.pk for ct in content_types])

    def options(self, queryset, chosen):
        counts = dict(
            queryset.order_by()
            .values("content_type")
            .annotate(total=Count("pk"))
            .values_list("content_type", "total")
        )
        return self.options_from_counts(counts, chosen)

    def options_from_counts(self, counts, chosen):
        types = story_types()
        content_types = ContentType.objects.get_for_models(*types.values())
        options = []
        for slug, model in types.items():
            count = counts.get(content_types[model].pk, 0)
            if count or slug in chosen:
                options.append(
                    Option(slug, str(model._meta.verbose_name).capitalize(), count, slug in chosen)
                )
        return sorted(options, key=lambda option: (-option.count, option.label))


class TermFacet:
    """A facet on one taxonomy (themes, change tasks, regions, audiences)."""

    def __init__(self, parameter, label, model, field_name):
        self.parameter = parameter
        self.label = label
        self.model = model
        self.field_name = field_name
        self.term = model._meta.model_name  # the column's name on the M2M table
        self.index_field = field_name  # the fast field of the search index

    @property
    def through(self):
        return StoryPage._meta.get_field(self.field_name).remote_field.through

    def terms(self, *, fresh=False):
        """{slug: (pk, name)} of every term, from the cache (the taxonomies are small)."""
        key = f"search:terms:{self.term}"
        found = None if fresh else cache.get(key)
        if found is None:
            found = {
                slug: (pk, name)
                for pk, slug, name in self.model.objects.values_list("pk", "slug", "name")
            }
            cache.set(key, found, timeout=TERMS_CACHE_SECONDS)
        return found

    def known(self, values):
        """The values that are slugs of existing terms (a term made since the map was cached
        is found by reading it again)."""
        values = [value for value in values if SLUG.fullmatch(value)]
        terms = self.terms()
        if any(value not in terms for value in values):
            terms = self.terms(fresh=True)
        return [value for value in values if value in terms]

    def pks(self, values):
        terms = self.terms()
        return [terms[value][0] for value in values if value in terms]

    def options_from_counts(self, counts, chosen):
        """Options from {term pk: count}, most results first, plus the chosen ones without."""
        terms = self.terms()
        names = {pk: (slug, name) for slug, (pk, name) in terms.items()}
        rows = sorted(
            ((*names[pk], count) for pk, count in counts.items() if count and pk in names),
            key=lambda row: (-row[2], row[1]),
        )
        return self.options_with_chosen(rows, chosen, terms=terms)

    def filter(self, queryset, values):
        return queryset.filter(
            Exists(
                self.through.objects.filter(
                    storypage_id=OuterRef("pk"), **{f"{self.term}__slug__in": values}
                )
            )
        )

    def options(self, queryset, chosen):
        rows = (
            self.through.objects.filter(storypage_id__in=queryset.order_by().values("pk"))
            .values_list(f"{self.term}__slug", f"{self.term}__name")
            .annotate(total=Count("storypage_id"))
            .order_by("-total", f"{self.term}__name")
        )
        return self.options_with_chosen(rows, chosen)

    def options_with_chosen(self, rows, chosen, *, terms=None):
        """Options for the counted values, plus the chosen ones that have no results now."""
        options = [Option(slug, name, total, slug in chosen) for slug, name, total in rows]
        found = {option.value for option in options}
        missing = [slug for slug in chosen if slug not in found]
        if missing:
            terms = self.terms() if terms is None else terms
            options += [Option(slug, terms[slug][1], 0, True) for slug in missing if slug in terms]
        return options


TYPE_FACET = TypeFacet()
FACETS = [
    TYPE_FACET,
    TermFacet("thema", _("Thema"), Theme, "themes"),
    TermFacet("opgave", _("Veranderopgave"), ChangeTask, "change_tasks"),
    TermFacet("regio", _("Jeugdregio"), Region, "regions"),
    TermFacet("doelgroep", _("Doelgroep"), Audience, "audiences"),
]
FACETS_BY_PARAMETER = {facet.parameter: facet for facet in FACETS}
