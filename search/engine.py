"""One search over every published story: Dutch full text, synonyms, facets and filters.

The public search backend (`HVDJ_PUBLIC_SEARCH_BACKEND`, an entry of WAGTAILSEARCH_BACKENDS)
finds the matching pages. With the embedded engine (search/tantivy/) and with Elasticsearch
(search/backends/, `public_search`) the page of ids, the total, every facet count, sorting, the
"most words" fallback and typo suggestions all come from the engine, and URL slugs are mapped to
the pks its fields hold (see `engine`). With Wagtail's database backend the backend finds the
matches and the facets are counted in the database over them. All state is
in the URL: `q`, one repeatable parameter per facet, `sortering` and `pagina`. A facet value
that does not exist is ignored the same way for every facet, and the page names it.
"""

import re
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from modelsearch.query import And, Or, Phrase, PlainText

from stories.models import StoryPage

from .facets import FACETS, FACETS_BY_PARAMETER, Facet, story_types
from .public_backend import engine, public_backend_alias
from .synonyms import synonym_groups, words_of
from .tantivy import analysis
from .tantivy import query as engine_query

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 50
# At most this many results count as "little": the page then offers a corrected query.
LITTLE = 3
# Characters that full-text query parsers read as syntax (SQLite FTS5 refuses an unpaired
# quote) or that no text contains (control characters); visitors meant none of them.
QUERY_NOISE = re.compile(r'["\x00-\x1f\x7f]')

RELEVANCE, NEWEST = "relevantie", "nieuwste"
SORTS = {RELEVANCE: _("Beste resultaat eerst"), NEWEST: _("Nieuwste eerst")}


def clean_query(value):
    """The visitor's words, without query syntax or control characters, at most 200 long."""
    return " ".join(QUERY_NOISE.sub(" ", value).split())[:MAX_QUERY_LENGTH]


def build_query(query, groups):
    """A modelsearch query for the visitor's words; a word or phrase with synonyms matches any
    of them. Returns None when the query holds no words at all."""
    words = words_of(query)
    if not words:
        return None
    terms = {term: group for group in groups for term in group}
    longest = max((len(term.split()) for term in terms), default=1)
    plain, alternatives = [], []
    position = 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            candidate = " ".join(words[position : position + size])
            if candidate in terms:
                alternatives.append(terms[candidate])
                position += size
                break
        else:
            plain.append(words[position])
            position += 1
    # A plural also finds the singular ("gezinnen" → "gezin"), which PostgreSQL's Dutch
    # stemmer does not do for every word, and SQLite does not do at all.
    for word in list(plain):
        if stem(word) != word:
            plain.remove(word)
            alternatives.append([word, stem(word)])
    parts = [PlainText(" ".join(plain), operator="and")] if plain else []
    for group in alternatives:
        parts.append(Or([Phrase(term) if " " in term else PlainText(term) for term in group]))
    return parts[0] if len(parts) == 1 else And(parts)


# --- A search ---------------------------------------------------------------------------------


@dataclass
class Search:
    """What a visitor asked for: the words, the chosen facet values and the order."""

    query: str = ""
    chosen: dict = field(default_factory=dict)
    sort: str = RELEVANCE
    # A facet value the page itself stands for (/thema/<slug>/), always applied.
    fixed: tuple = ()
    # (facet label, value) of every value asked for that does not exist: left out.
    ignored: list = field(default_factory=list)

    @classmethod
    def from_params(cls, params, *, fixed=()):
        chosen, ignored = {}, []
        for facet in FACETS:
            asked = list(dict.fromkeys(params.getlist(facet.parameter)))[:MAX_VALUES_PER_FACET]
            asked = [value for value in asked if value.strip()]
            values = facet.known(asked) if asked else []
            ignored += [(facet.label, value[:60]) for value in asked if value not in values]
            if values:
                chosen[facet.parameter] = values
        query = clean_query(params.get("q", ""))
        sort = params.get("sortering", "")
        if sort not in SORTS:
            sort = RELEVANCE if query else NEWEST
        return cls(query=query, chosen=chosen, sort=sort, fixed=fixed, ignored=ignored)

    @property
    def has_words(self):
        return analysis.has_words(self.query)

    @property
    def only_stop_words(self):
        """Words, but only ones too common to search for ("de", "en", "hoe"): on every
        backend such a query finds nothing, and the page says why."""
        return self.has_words and not analysis.analyze(self.query)

    def all_chosen(self, *, without=None):
        chosen = {key: list(values) for key, values in self.chosen.items() if key != without}
        if self.fixed and self.fixed[0] != without:
            parameter, value = self.fixed
            chosen.setdefault(parameter, [])
            if value not in chosen[parameter]:
                chosen[parameter].append(value)
        return chosen

    def shown_facets(self):
        """The facets the page offers: all but the one the page itself stands for."""
        return [f for f in FACETS if not (self.fixed and self.fixed[0] == f.parameter)]

    def index_filters(self):
        """{index fast field: [pks]} of the chosen values, for the embedded engine."""
        return {
            FACETS_BY_PARAMETER[parameter].index_field: FACETS_BY_PARAMETER[parameter].pks(values)
            for parameter, values in self.all_chosen().items()
        }

    # The database's part when another backend (Elasticsearch) finds the matches.

    def matches(self, queryset=None):
        """Every live, public story that matches the words (all of them without words), in
        the chosen order, before the facet filters."""
        queryset = StoryPage.objects.live().public() if queryset is None else queryset
        newest = queryset.order_by("-first_published_at", "-pk")
        results = self.matched_results(queryset) if self.has_words else None
        if results is None:
            return newest
        if hasattr(results, "get_queryset"):  # the database backend: a lazy queryset
            found = results.get_queryset()
        else:  # Elasticsearch: the best 1,000 matches, in its order
            found = ids_in_order(queryset, [page.pk for page in results[:1000]])
        if self.sort == NEWEST:
            return found.order_by("-first_published_at", "-pk")
        return found

    def matched_results(self, queryset):
        """The search backend's results for the words (with their synonyms), scored."""
        search_query = build_query(self.query, synonym_groups())
        if search_query is None:
            return None
        results = queryset.search(
            search_query,
            order_by_relevance=self.sort == RELEVANCE,
            backend=public_backend_alias(),
        )
        return results.annotate_score("_score")

    def filtered(self, queryset, *, without=None):
        for parameter, values in self.all_chosen(without=without).items():
            queryset = FACETS_BY_PARAMETER[parameter].filter(queryset, values)
        return queryset

    def facets(self, matches):
        """Each facet's values with counts under the words and the *other* filters."""
        facets = []
        for facet in self.shown_facets():
            chosen = self.chosen.get(facet.parameter, [])
            options = facet.options(self.filtered(matches, without=facet.parameter), chosen)
            facets.append(Facet(facet.parameter, facet.label, options))
        return facets


def ids_in_order(queryset, ids):
    order = Case(
        *(When(pk=pk, then=Value(position)) for position, pk in enumerate(ids)),
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=ids).order_by(order)


DUTCH_SUFFIXES = ("eren", "en", "s")


def stem(word):
    """A rough Dutch stem for the database backend's queries (build_query): gezinnen → gezin,
    uithuisplaatsingen → uithuisplaatsing. The engines do the real stemming."""
    word = word.lower()
    for suffix in DUTCH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def timed_story_types():
    """The story types whose pages keep timed transcript passages (`transcript_cues`)."""
    return [
        model
        for model in story_types().values()
        if any(field.name == "transcript_cues" for field in model._meta.get_fields())
    ]


# --- Running a search -------------------------------------------------------------------------


@dataclass
class Outcome:
    """One page of results (a Django Page of stories), the facets, and what to tell about
    them: the "most words" fallback was used, or a corrected query to offer."""

    page: object
    facets: list
    partial_match: bool = False
    suggestion: str | None = None


class KnownCount:
    """Stands in for the full result list when only its length is known (see Paginator)."""

    def __init__(self, total):
        self.total = total

    def count(self):
        return self.total


def page_number(value):
    return int(value) if re.fullmatch(r"[0-9]{1,9}", value or "") and int(value) > 0 else 1


def run(search, stories, *, page, per_page):
    """Search `stories` (live, public stories) and return the page asked for and the facets."""
    if search.only_stop_words:
        return Outcome(Paginator([], per_page).get_page(1), [])
    found_by = engine()
    if found_by is not None:
        return run_on_engine(found_by, search, stories, page=page, per_page=per_page)
    matches = search.matches(stories)
    paginator = Paginator(search.filtered(matches), per_page)
    return Outcome(paginator.get_page(page), search.facets(matches))


def sort_of(search):
    if search.sort == NEWEST or not search.has_words:
        return engine_query.NEWEST
    return engine_query.RELEVANCE


def run_on_engine(found_by, search, stories, *, page, per_page):
    """The page of ids, the total and every facet count from the engine in one search; the
    cards of that page from the database (ids the database no longer holds left out)."""
    facets = search.shown_facets()

    def at(number):
        return found_by.search(
            search.query if search.has_words else "",
            filters=search.index_filters(),
            sort=sort_of(search),
            offset=(number - 1) * per_page,
            limit=per_page,
            facets=[facet.index_field for facet in facets],
        )

    hits = at(page)
    paginator = Paginator(KnownCount(hits.total), per_page)
    if page > paginator.num_pages:
        page = paginator.num_pages
        hits = at(page)
    by_id = stories.in_bulk(hits.ids)
    pages = [by_id[pk] for pk in hits.ids if pk in by_id]
    options = [
        Facet(
            facet.parameter,
            facet.label,
            facet.options_from_counts(
                hits.facets.get(facet.index_field, {}), search.chosen.get(facet.parameter, [])
            ),
        )
        for facet in facets
    ]
    suggestion = None
    if search.has_words and (hits.total <= LITTLE or hits.partial_match):
        suggestion = found_by.suggest(search.query)
        if suggestion and suggestion.lower() == search.query.lower():
            suggestion = None
    return Outcome(
        PaginatorPage(pages, page, paginator),
        options,
        partial_match=hits.partial_match,
        suggestion=suggestion,
    )


def newest(search, stories, *, limit):
    """The newest `limit` results of `search` (the feed), on any backend."""
    if search.only_stop_words:
        return []
    found_by = engine()
    if found_by is None:
        return list(search.filtered(search.matches(stories))[:limit])
    hits = found_by.search(
        search.query if search.has_words else "",
        filters=search.index_filters(),
        sort=sort_of(search),
        limit=limit,
    )
    by_id = stories.in_bulk(hits.ids)
    return [by_id[pk] for pk in hits.ids if pk in by_id]
