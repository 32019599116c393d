from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.db.models import Count, F, Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion

from ambassadors.region import region_context
from core.lookups import public_q
from core.page_cache import current_generation
from stories.models import Region, StoryPage, Theme

from .engine import (
    SORTS,
    Search,
    newest,
    page_number,
    run,
)
from .facets import FACETS_BY_PARAMETER
from .feeds import RegionFeed, ThemeFeed
from .logging import note_search
from .results import add_result_parts, add_snippets
from .tantivy.availability import RETRY_AFTER, SearchUnavailable

FEED_ITEMS = 20
POPULAR_THEMES = 8
PROMOTED_QUERIES_SECONDS = 600


def search(request):
    """Full-text search over every published story, at /zoeken/?q=, with facets."""
    return results_page(request, Search.from_params(request.GET), template="search/search.html")


def theme(request, slug):
    """/thema/<slug>/: everything about one theme, searchable and filterable."""
    term = get_object_or_404(Theme, slug=slug)
    return results_page(
        request,
        Search.from_params(request.GET, fixed=("thema", term.slug)),
        template="search/term_page.html",
        term=term,
        kicker=_("Thema"),
        page_title=term.name,
        term_feed=ThemeFeed.link_for(term),
    )


def region(request, slug):
    """/regio/<slug>/: everything from one youth region, with its ambassadors, the question
    form, its upcoming webinars and its active dialogues."""
    term = get_object_or_404(Region, slug=slug)
    return results_page(
        request,
        Search.from_params(request.GET, fixed=("regio", term.slug)),
        template="search/term_page.html",
        term=term,
        kicker=_("Jeugdregio"),
        page_title=term.name,
        term_feed=RegionFeed.link_for(term),
        **region_context(term),
    )


def unavailable(request):
    """While the search index is (re)built: a Dutch page, 503 with Retry-After, never a 500."""
    response = TemplateResponse(
        request, "search/unavailable.html", {"page_title": _("Zoeken")}, status=503
    )
    response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response


def results_page(request, search, *, template, **context):
    try:
        return search_results_page(request, search, template=template, **context)
    except SearchUnavailable:
        return unavailable(request)


def search_results_page(request, search, *, template, **context):
    browsing = bool(context.get("term"))
    results = facets = outcome = None
    if search.query or search.chosen or browsing:
        # What a result shows beyond its own fields comes from the fragment cache
        # (add_result_parts), which fetches themes and regions only for the parts it lacks.
        outcome = run(
            search,
            # A webinar's result shows when it takes place, as its card does.
            StoryPage.objects.live().filter(public_q()).annotate(start=F("webinarpage__start")),
            page=page_number(request.GET.get("pagina")),
            per_page=settings.HVDJ_PAGE_SIZE,
        )
        results = outcome.page
        facets = [facet for facet in outcome.facets if facet.options]
        add_links(request, facets)
        add_result_parts(list(results.object_list))
        add_snippets(results.object_list, search.query)
        # The query as typed, once: not again for each facet, sort or further page.
        first_page = request.GET.get("pagina", "1") == "1"
        if search.query and not search.chosen and not search.fixed and first_page:
            note_search(query=search.query, result_count=results.paginator.count)
    context.update(
        search=search,
        query=search.query,
        results=results,
        facets=facets,
        sort_links=sort_links(request, search),
        no_words=bool(search.query) and not search.has_words,
        only_stop_words=search.only_stop_words,
        partial_match=bool(outcome and outcome.partial_match),
        suggestion=outcome.suggestion if outcome else None,
        suggestion_url=suggestion_url(request, outcome.suggestion) if outcome else "",
        ignored=search.ignored,
        chosen_count=sum(len(values) for values in search.chosen.values()),
        promotions=promotions_for(search.query) if results and results.number == 1 else [],
        feed_url=reverse("search_feed") + feed_query(request, fixed=search.fixed),
    )
    context.setdefault("page_title", _("Zoeken"))
    if results is not None and not results.paginator.count:
        context.update(empty_state(search))
    return TemplateResponse(request, template, context)


def suggestion_url(request, suggestion):
    """The same search with the corrected words."""
    if not suggestion:
        return ""
    params = request.GET.copy()
    params.pop("pagina", None)
    params["q"] = suggestion
    return "?" + params.urlencode()


def add_links(request, facets):
    """Give each facet value the URL that chooses it, or, when chosen, leaves it out again.

    The URL is the request's query string with that facet's values changed: the other
    parameters are encoded once per facet, not again for each of its (up to fifty) values."""
    params = request.GET.copy()
    params.pop("pagina", None)
    lists = list(params.lists())
    for facet in facets:
        keys = [key for key, _values in lists]
        # Where the facet's values go: in their place, or last as QueryDict.setlist puts them.
        at = keys.index(facet.parameter) if facet.parameter in keys else len(keys)
        before, after = encoded(lists[:at]), encoded(lists[at + 1 :])
        current = params.getlist(facet.parameter)
        for option in facet.options:
            values = [value for value in current if value != option.value]
            if not option.chosen:
                values.append(option.value)
            parts = (before, encoded([(facet.parameter, values)]), after)
            option.url = "?" + "&".join(part for part in parts if part)


def encoded(lists):
    """[(key, [values])] as QueryDict.urlencode writes them."""
    return "&".join(urlencode({key: value}) for key, values in lists for value in values)


def sort_links(request, search):
    links = []
    for key, label in SORTS.items():
        params = request.GET.copy()
        params.pop("pagina", None)
        params["sortering"] = key
        links.append(
            {"label": label, "url": "?" + params.urlencode(), "current": key == search.sort}
        )
    return links


def promotions_for(query):
    """The redactie's promoted results for this query (Wagtail's search promotions)."""
    if not query or query.lower().strip() not in promoted_queries():
        return []
    return list(
        SearchPromotion.objects.filter(query__query_string=query.lower().strip())
        .select_related("page")
        .order_by("sort_order")
    )


def promoted_queries():
    """The queries that have promoted results, read once per generation of the page cache:
    every change to a promotion starts a new one (core.apps)."""
    return cache.get_or_set(
        f"search:promoted-queries:{current_generation()}",
        lambda: set(SearchPromotion.objects.values_list("query__query_string", flat=True)),
        timeout=PROMOTED_QUERIES_SECONDS,
    )


def empty_state(search):
    """What to offer when nothing was found: broader words, popular themes, the community."""
    words = search.query.split()
    return {
        "broader_queries": words if len(words) > 1 else [],
        "popular_themes": popular_themes(),
        "start_dialogue_url": reverse("start_dialogue") + "?" + query_string(vraag=search.query),
    }


def popular_themes():
    """The themes with the most live stories, counted at most every ten minutes."""

    def count():
        return list(
            Theme.objects.annotate(total=Count("stories", filter=Q(stories__live=True)))
            .filter(total__gt=0)
            .order_by("-total", "name")
            .values("slug", "name")[:POPULAR_THEMES]
        )

    return cache.get_or_set("search:popular-themes", count, timeout=600)


def query_string(**params):
    return urlencode({key: value for key, value in params.items() if value})


def feed_query(request, fixed=()):
    """The search's parameters for its feed; a theme or region page adds its own term."""
    params = request.GET.copy()
    params.pop("pagina", None)
    if fixed:
        parameter, value = fixed
        params.setlist(parameter, [value])
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


class SearchFeed(Feed):
    """RSS 2.0 of the newest results of any search with its filters, at /zoeken/feed/.

    One instance serves every request (and thread): what belongs to a request travels in the
    Search that `get_object` returns, never on the instance."""

    feed_type = Rss201rev2Feed
    language = "nl"

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except SearchUnavailable:
            return unavailable(request)

    def get_object(self, request, *args, **kwargs):
        search = Search.from_params(request.GET)
        search.sort = "nieuwste"
        search.request_query = feed_query(request)
        return search

    def title(self, search):
        parts = [search.query] if search.query else []
        for parameter, values in search.chosen.items():
            facet = FACETS_BY_PARAMETER[parameter]
            parts.append(f"{facet.label}: {', '.join(values)}")
        label = "; ".join(parts) or _("alles")
        return _("Hart voor de Jeugd: %(label)s") % {"label": label}

    def link(self, search):
        return reverse("search") + search.request_query

    def description(self, search):
        return _(
            "De nieuwste verhalen, vlogs, podcasts, webinars en dialogen bij deze zoekopdracht."
        )

    def items(self, search):
        return newest(search, StoryPage.objects.live().public(), limit=FEED_ITEMS)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url() or "/"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_guid(self, item):
        return f"hartvoordejeugd-page-{item.pk}"

    item_guid_is_permalink = False


search_feed = SearchFeed()
