import datetime

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import ListingButton
from wagtail.contrib.search_promotions import views as promotion_views
from wagtail.contrib.search_promotions.models import Query
from wagtail.snippets.views.snippets import SnippetViewSet

from core.redactie import can_moderate
from stories.similar import SIMILAR_HOOK

from .models import SearchQueryDay, SynonymGroup
from .similar import similar_scores


def is_redactie(user):
    # One page of the admin asks this several times (menu items, the view); remember the answer
    # for this request's user.
    if not hasattr(user, "_search_can_moderate"):
        user._search_can_moderate = can_moderate(user)
    return user._search_can_moderate


# --- The report of what visitors search for ---------------------------------------------------

PERIODS = [
    ("7", _("Afgelopen 7 dagen")),
    ("30", _("Afgelopen 30 dagen")),
    ("90", _("Afgelopen 90 dagen")),
    ("365", _("Afgelopen jaar")),
]
DEFAULT_PERIOD = "30"


def first_day_of(period):
    """The first day of the last `period` days, today (Europe/Amsterdam) included."""
    return timezone.localdate() - datetime.timedelta(days=int(period) - 1)


class PeriodFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Periode"),
        choices=PERIODS,
        empty_label=None,
        initial=DEFAULT_PERIOD,
        widget=forms.RadioSelect,
        method="filter_period",
    )

    class Meta:
        model = SearchQueryDay
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        # django-filter leaves a missing choice unfiltered; the report means the default period.
        if data is not None and data.get("period") not in dict(PERIODS):
            data = data.copy()
            data["period"] = DEFAULT_PERIOD
        super().__init__(data, *args, **kwargs)

    def filter_period(self, queryset, name, value):
        return queryset.since(first_day_of(value))


class DayColumn(Column):
    def get_value(self, instance):
        day = super().get_value(instance)
        return date_format(day) if day else ""


class QueryColumn(ButtonsColumnMixin, TitleColumn):
    """The query, with a button to promote a result for it (or to edit the promoted results)."""

    def get_buttons(self, instance, parent_context):
        if instance.get("promotion_id"):
            return [
                ListingButton(
                    _("Uitgelicht resultaat bewerken"),
                    url=reverse("wagtailsearchpromotions:edit", args=[instance["promotion_id"]]),
                    icon_name="pick",
                )
            ]
        return [
            ListingButton(
                _("Zoekresultaat uitlichten"),
                url=reverse("search_queries:promote") + "?" + urlencode({"q": instance["query"]}),
                icon_name="pick",
            )
        ]


class SearchQueryReportView(ReportView):
    """What visitors searched for over a chosen period, summed per query."""

    header_icon = "search"
    verbose_name = _("zoekopdracht")
    verbose_name_plural = _("zoekopdrachten")
    filterset_class = PeriodFilterSet
    is_searchable = True
    search_fields = ["query"]
    paginate_by = 50
    list_export = ["query", "total_searches", "total_zero_results", "last_searched"]
    export_headings = {
        "query": _("Zoekopdracht"),
        "total_searches": _("Keer gezocht"),
        "total_zero_results": _("Keer zonder resultaat"),
        "last_searched": _("Laatst gezocht"),
        "last_zero_result": _("Laatst zonder resultaat"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_redactie(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def period(self):
        if self.filters.is_valid():
            return self.filters.form.cleaned_data["period"]
        return DEFAULT_PERIOD

    def get_page_subtitle(self):
        return dict(PERIODS)[self.period]

    def get_filename(self):
        return f"{self.export_filename}-{first_day_of(self.period)}-{timezone.localdate()}"

    def get_queryset(self):
        # The period picks the days before they are summed per query, so it cannot be applied
        # to the result afterwards as ReportView does.
        days = self.filter_queryset(SearchQueryDay.objects.all())
        return self.order_queryset(self.search_queryset(self.get_rows(days)))

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_rows(self, days):
        return days.per_query()

    def order_queryset(self, queryset):
        # Queries searched equally often in alphabetical order, the same on every page.
        if self.ordering.lstrip("-") == "query":
            return queryset.order_by(self.ordering)
        return queryset.order_by(self.ordering, "query")

    def decorate_paginated_queryset(self, object_list):
        if self.is_export:
            return object_list
        rows = list(object_list)
        promotions = dict(
            Query.objects.filter(
                query_string__in=[row["query"] for row in rows], editors_picks__isnull=False
            )
            .distinct()
            .values_list("query_string", "pk")
        )
        for row in rows:
            row["promotion_id"] = promotions.get(row["query"])
        return rows


class PopularQueriesView(SearchQueryReportView):
    page_title = _("Meest gezocht")
    index_url_name = "search_queries:popular"
    index_results_url_name = "search_queries:popular_results"
    export_filename = "meest-gezocht"
    default_ordering = "-total_searches"
    no_results_message = _("In deze periode is nog niet gezocht.")
    columns = [
        QueryColumn("query", label=_("Zoekopdracht"), sort_key="query"),
        NumberColumn("total_searches", label=_("Keer gezocht"), sort_key="total_searches"),
        NumberColumn(
            "total_zero_results",
            label=_("Keer zonder resultaat"),
            sort_key="total_zero_results",
        ),
        DayColumn("last_searched", label=_("Laatst gezocht"), sort_key="last_searched"),
    ]


class ZeroResultQueriesView(SearchQueryReportView):
    page_title = _("Zonder resultaat")
    index_url_name = "search_queries:zero_results"
    index_results_url_name = "search_queries:zero_results_results"
    export_filename = "zonder-resultaat"
    default_ordering = "-total_zero_results"
    no_results_message = _("In deze periode vond elke zoekopdracht iets.")
    list_export = ["query", "total_zero_results", "total_searches", "last_zero_result"]
    columns = [
        QueryColumn("query", label=_("Zoekopdracht"), sort_key="query"),
        NumberColumn(
            "total_zero_results",
            label=_("Keer zonder resultaat"),
            sort_key="total_zero_results",
        ),
        NumberColumn("total_searches", label=_("Keer gezocht"), sort_key="total_searches"),
        DayColumn(
            "last_zero_result", label=_("Laatst zonder resultaat"), sort_key="last_zero_result"
        ),
    ]

    def get_rows(self, days):
        return days.per_query().filter(total_zero_results__gt=0)


class PromoteQueryView(promotion_views.CreateView):
    """Wagtail's form for a new promoted result, with the query from the report filled in; it
    posts to Wagtail's own view."""

    def get_initial(self):
        return {**super().get_initial(), "query_string": self.request.GET.get("q", "")}


@hooks.register("register_admin_urls")
def register_search_report_urls():
    urls = [
        path("", PopularQueriesView.as_view(), name="popular"),
        path("results/", PopularQueriesView.as_view(results_only=True), name="popular_results"),
        path("zonder-resultaat/", ZeroResultQueriesView.as_view(), name="zero_results"),
        path(
            "zonder-resultaat/results/",
            ZeroResultQueriesView.as_view(results_only=True),
            name="zero_results_results",
        ),
        path("promoten/", PromoteQueryView.as_view(), name="promote"),
    ]
    return [path("zoekopdrachten/", include((urls, "search_queries")))]


# --- The "Zoeken" menu: the reports, promoted results and synonyms together ------------------

SEARCH_MENU_HOOK = "register_search_menu_item"


class RedactieMenuItem(MenuItem):
    def is_shown(self, request):
        return is_redactie(request.user)


class PromotionsMenuItem(MenuItem):
    def is_shown(self, request):
        return any(
            request.user.has_perm(f"wagtailsearchpromotions.{action}_searchpromotion")
            for action in ("add", "change", "delete")
        )


class SynonymGroupViewSet(SnippetViewSet):
    """The synonyms the search expands a query with, which the redactie maintains."""

    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Synoniemen")
    menu_name = "synoniemen"
    menu_order = 400
    list_display = ["terms"]
    search_fields = ["terms"]
    # It has its place in the "Zoeken" menu, so the Snippets overview leaves it out.
    menu_item_is_registered = True


class SearchViewSetGroup(ViewSetGroup):
    items = (SynonymGroupViewSet,)
    submenu_hook = SEARCH_MENU_HOOK
    menu_icon = "search"
    menu_label = _("Zoeken")
    menu_name = "zoeken"
    menu_order = 170  # below "Dialogen"


@hooks.register("register_admin_viewset")
def register_search_viewsets():
    return SearchViewSetGroup()


@hooks.register(SEARCH_MENU_HOOK)
def register_popular_queries_menu_item():
    return RedactieMenuItem(
        _("Meest gezocht"),
        reverse("search_queries:popular"),
        name="meest-gezocht",
        icon_name="search",
        order=100,
    )


@hooks.register(SEARCH_MENU_HOOK)
def register_zero_result_queries_menu_item():
    return RedactieMenuItem(
        _("Zonder resultaat"),
        reverse("search_queries:zero_results"),
        name="zonder-resultaat",
        icon_name="warning",
        order=200,
    )


@hooks.register(SEARCH_MENU_HOOK)
def register_promotions_menu_item():
    return PromotionsMenuItem(
        # Wagtail's own Dutch name for its promoted results, as on the screens it opens.
        _("Uitgelichte zoekresultaten"),
        reverse("wagtailsearchpromotions:index"),
        name="uitgelichte-zoekresultaten",
        icon_name="pick",
        order=300,
    )


@hooks.register("construct_settings_menu")
def move_promotions_to_the_search_menu(request, menu_items):
    # Wagtail puts "Promoted search results" under Settings; ours is in "Zoeken".
    menu_items[:] = [item for item in menu_items if item.name != "promoted-search-results"]


@hooks.register("construct_reports_menu")
def hide_wagtails_search_terms_report(request, menu_items):
    # Wagtail's "Search terms" counts Query.add_hit(), which our search view does not call;
    # "Meest gezocht" and "Zonder resultaat" report from our own log.
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


# --- Similar stories at the end of a story (stories/similar.py) -------------------------------


@hooks.register(SIMILAR_HOOK)
def similar_stories(page, *, terms, models, limit):
    return similar_scores(page, terms=terms, models=models, limit=limit)
