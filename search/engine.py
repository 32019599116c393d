"""One search over every published story: Dutch full text, synonyms, facets and filters.

The search backend (modelsearch) finds the matching pages; filters and facet counts are plain
SQL over that match, so they behave the same on every backend. All state is in the URL: `q`,
one repeatable parameter per facet, `sortering` and `pagina`.
"""

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelsearch.query import And, Or, Phrase, PlainText
from wagtail.search.backends import get_search_backend

from stories.models import Audience, ChangeTask, Region, StoryPage, Theme

from .models import SynonymGroup

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 50
SYNONYMS_CACHE_KEY = "search:synonym-groups"
SLUG = re.compile(r"[-a-z0-9_]{1,120}")
# Characters that full-text query parsers read as syntax (SQLite FTS5 refuses an unpaired
# quote) or that no text contains (control characters); visitors meant none of them.
QUERY_NOISE = re.compile(r'["\x00-\x1f\x7f]')
WORD = re.compile(r"\w+")

# The URL value of each story type: the search app names the types, it imports none of them.
TYPE_SLUGS = {
    "articlepage": "artikel",
    "vlogpage": "vlog",
    "podcastpage": "podcast",
    "webinarpage": "webinar",
    "dialoguethreadpage": "dialoog",
}
RELEVANCE, NEWEST = "relevantie", "nieuwste"
SORTS = {RELEVANCE: _("Beste resultaat eerst"), NEWEST: _("Nieuwste eerst")}


def clean_query(value):
    """The visitor's words, without query syntax or control characters, at most 200 long."""
    return " ".join(QUERY_NOISE.sub(" ", value).split())[:MAX_QUERY_LENGTH]


def words_of(text):
    return [word.lower() for word in WORD.findall(text)]


# --- Synonyms ---------------------------------------------------------------------------------


def synonym_groups():
    """Every group of equivalent terms, each term as its words joined by one space."""

    def load():
        return [
            [" ".join(words_of(term)) for term in group.term_list if words_of(term)]
            for group in SynonymGroup.objects.all()
        ]

    return cache.get_or_set(SYNONYMS_CACHE_KEY, load, timeout=300)


def forget_synonyms(**kwargs):
    """post_save/post_delete of a SynonymGroup: the next search reads the groups again."""
    cache.delete(SYNONYMS_CACHE_KEY)


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


# --- Facets -----------------------------------------------------------------------------------


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

    def valid(self, values):
        return [value for value in values if value in TYPE_SLUGS.values()]

    def filter(self, queryset, values):
        models = [model for slug, model in story_types().items() if slug in values]
        content_types = ContentType.objects.get_for_models(*models).values()
        return queryset.filter(content_type__in=[ct.pk for ct in content_types])

    def flag_sql(self, values):
        models = [model for slug, model in story_types().items() if slug in values]
        content_types = ContentType.objects.get_for_models(*models).values()
        return "content_type_id = ANY(%s)", [[ct.pk for ct in content_types]]

    def count_sql(self, where):
        return (
            f"SELECT '{self.parameter}', content_type_id::text, NULL::text, COUNT(*) "  # noqa: S608
            f"FROM f {where} GROUP BY content_type_id"
        )

    def options_from_rows(self, rows, *, chosen):
        counts = {
            int(value): count for kind, value, _label, count in rows if kind == self.parameter
        }
        return self.options_from_counts(counts, chosen)

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

    @property
    def through(self):
        return StoryPage._meta.get_field(self.field_name).remote_field.through

    def valid(self, values):
        return [value for value in values if SLUG.fullmatch(value)]

    def filter(self, queryset, values):
        return queryset.filter(
            Exists(
                self.through.objects.filter(
                    storypage_id=OuterRef("pk"), **{f"{self.term}__slug__in": values}
                )
            )
        )

    def flag_sql(self, values):
        return (
            # Not correlated, so PostgreSQL hashes the chosen stories once (a hashed SubPlan)
            # instead of probing for every match.
            f"m.id IN (SELECT t.storypage_id FROM {self.through._meta.db_table} t "  # noqa: S608
            f"JOIN {self.model._meta.db_table} x ON x.id = t.{self.term}_id "
            "WHERE x.slug = ANY(%s))"
        ), [values]

    def count_sql(self, where):
        return (
            f"SELECT '{self.parameter}', x.slug, x.name, COUNT(*) FROM f "  # noqa: S608
            f"JOIN {self.through._meta.db_table} t ON t.storypage_id = f.id "
            f"JOIN {self.model._meta.db_table} x ON x.id = t.{self.term}_id {where} "
            "GROUP BY x.slug, x.name"
        )

    def options_from_rows(self, rows, *, chosen):
        found = sorted(
            (
                (value, label, count)
                for kind, value, label, count in rows
                if kind == self.parameter
            ),
            key=lambda row: (-row[2], row[1]),
        )
        return self.options_with_chosen(found, chosen)

    def options(self, queryset, chosen):
        rows = (
            self.through.objects.filter(storypage_id__in=queryset.order_by().values("pk"))
            .values_list(f"{self.term}__slug", f"{self.term}__name")
            .annotate(total=Count("storypage_id"))
            .order_by("-total", f"{self.term}__name")
        )
        return self.options_with_chosen(rows, chosen)

    def options_with_chosen(self, rows, chosen):
        """Options for the counted values, plus the chosen ones that have no results now."""
        options = [Option(slug, name, total, slug in chosen) for slug, name, total in rows]
        found = {option.value for option in options}
        missing = [slug for slug in chosen if slug not in found]
        if missing:
            options += [
                Option(term.slug, term.name, 0, True)
                for term in self.model.objects.filter(slug__in=missing)
            ]
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


# --- A search ---------------------------------------------------------------------------------


@dataclass
class Search:
    """What a visitor asked for: the words, the chosen facet values and the order."""

    query: str = ""
    chosen: dict = field(default_factory=dict)
    sort: str = RELEVANCE
    # A facet value the page itself stands for (/thema/<slug>/), always applied.
    fixed: tuple = ()

    @classmethod
    def from_params(cls, params, *, fixed=()):
        chosen = {}
        for facet in FACETS:
            values = facet.valid(
                list(dict.fromkeys(params.getlist(facet.parameter)))[:MAX_VALUES_PER_FACET]
            )
            if values:
                chosen[facet.parameter] = values
        query = clean_query(params.get("q", ""))
        sort = params.get("sortering", "")
        if sort not in SORTS:
            sort = RELEVANCE if query else NEWEST
        return cls(query=query, chosen=chosen, sort=sort, fixed=fixed)

    @property
    def has_words(self):
        return bool(words_of(self.query))

    def all_chosen(self, *, without=None):
        chosen = {key: list(values) for key, values in self.chosen.items() if key != without}
        if self.fixed and self.fixed[0] != without:
            parameter, value = self.fixed
            chosen.setdefault(parameter, [])
            if value not in chosen[parameter]:
                chosen[parameter].append(value)
        return chosen

    def matches(self, queryset=None):
        """Every live, public story that matches the words (all of them without words), in
        the chosen order, before the facet filters."""
        queryset = StoryPage.objects.live().public() if queryset is None else queryset
        newest = queryset.order_by("-first_published_at", "-pk")
        results = self.matched_results(queryset) if self.has_words else None
        if results is None:
            return newest
        if hasattr(results, "get_queryset"):  # the database backends: a lazy queryset
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
        results = queryset.search(search_query, order_by_relevance=self.sort == RELEVANCE)
        return results.annotate_score("_score")

    def filtered(self, queryset, *, without=None):
        for parameter, values in self.all_chosen(without=without).items():
            queryset = FACETS_BY_PARAMETER[parameter].filter(queryset, values)
        return queryset

    def facets(self, matches):
        """Each facet's values with counts under the words and the *other* filters."""
        facets = []
        for facet in FACETS:
            if self.fixed and self.fixed[0] == facet.parameter:
                continue
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


# --- Snippets ---------------------------------------------------------------------------------

SNIPPET_WORDS = 32
DUTCH_SUFFIXES = ("eren", "en", "s")


def stem(word):
    """A rough Dutch stem for marking matches: gezinnen → gezin, uithuisplaatsingen →
    uithuisplaatsing. The search backend does the real stemming; this only finds the words."""
    word = word.lower()
    for suffix in DUTCH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def matcher(query, groups=()):
    """A function telling whether a word of a text matches the query (or its synonyms)."""
    terms = set(words_of(query))
    for group in groups:
        if any(term in query.lower() for term in group):
            terms.update(word for term in group for word in term.split())
    stems = {stem(term) for term in terms if term}

    def matches(word):
        candidate = stem(word)
        return any(
            candidate == wanted or (len(wanted) >= 4 and candidate.startswith(wanted))
            for wanted in stems
        )

    return matches


def highlight(text, is_match, *, words=SNIPPET_WORDS):
    """A window of `text` around its first matching word, escaped, with matches in <mark>.
    Returns "" when no word matches."""
    tokens = re.findall(r"\S+", text or "")
    positions = [i for i, token in enumerate(tokens) if any(map(is_match, WORD.findall(token)))]
    if not positions:
        return ""
    start = max(0, positions[0] - words // 3)
    window = tokens[start : start + words]
    marked = []
    for token in window:
        escaped = escape(token)
        if any(map(is_match, WORD.findall(token))):
            escaped = f"<mark>{escaped}</mark>"
        marked.append(escaped)
    prefix = "… " if start else ""
    suffix = " …" if start + words < len(tokens) else ""
    return mark_safe(prefix + " ".join(marked) + suffix)  # noqa: S308 (every token escaped)


# --- Moments in transcripts ------------------------------------------------------------------


def timed_story_types():
    """The story types whose pages keep timed transcript passages (`transcript_cues`)."""
    return [
        model
        for model in story_types().values()
        if any(field.name == "transcript_cues" for field in model._meta.get_fields())
    ]


def first_matching_passage(cues, query, groups=()):
    """(number from 1, cue) of the passage that matches most of the query's words, the
    earliest of those; None when no passage matches any of them."""
    words = list(dict.fromkeys(words_of(query)))
    # "de", "en" and "op" are in nearly every passage: they alone do not make a moment.
    words = [word for word in words if len(word) > 2] or words
    matchers = [matcher(word, groups) for word in words]
    best, best_score = None, 0
    for number, cue in enumerate(cues or [], start=1):
        said = WORD.findall(cue.get("text", ""))
        score = sum(1 for is_match in matchers if any(map(is_match, said)))
        if score > best_score:
            best, best_score = (number, cue), score
            if score == len(matchers):
                break
    return best


# --- Running a search -------------------------------------------------------------------------


@dataclass
class Outcome:
    """One page of results (a Django Page of stories) and the facets."""

    page: object
    facets: list


class KnownCount:
    """Stands in for the full result list when only its length is known (see Paginator)."""

    def __init__(self, total):
        self.total = total

    def count(self):
        return self.total


def page_number(value):
    return int(value) if re.fullmatch(r"[0-9]{1,9}", value or "") and int(value) > 0 else 1


def run(search, stories, *, page, per_page):
    """Search `stories` (a card queryset) and return the page asked for and the facets."""
    if connection.vendor == "postgresql" and search.has_words and uses_database_backend():
        return run_in_one_statement(search, stories, page=page, per_page=per_page)
    matches = search.matches(stories)
    paginator = Paginator(search.filtered(matches), per_page)
    return Outcome(paginator.get_page(page), search.facets(matches))


def uses_database_backend():
    return get_search_backend().__class__.__module__.startswith("modelsearch.backends.database")


def run_in_one_statement(search, stories, *, page, per_page):
    """PostgreSQL: the full-text match runs once, as a materialised CTE, and the count, every
    facet and the page of ids are read from it in a single statement.

    The SQL is put together from our own table and column names; every value a visitor
    chose goes in as a parameter (hence the S608 exemptions).
    """
    results = search.matched_results(stories.model.objects.live().public())
    matches = (
        results.get_queryset()
        .order_by()
        .values("pk", "content_type_id", "first_published_at", "_score")
    )
    match_sql, match_params = matches.query.sql_with_params()
    chosen = search.all_chosen()
    flags, flag_params = [], []
    for parameter, values in chosen.items():
        sql, params = FACETS_BY_PARAMETER[parameter].flag_sql(values)
        flags.append((parameter, sql))
        flag_params += params

    def where(without=None):
        conditions = [f"ok_{parameter}" for parameter, _sql in flags if parameter != without]
        return "WHERE " + " AND ".join(conditions) if conditions else ""

    flag_columns = "".join(f", {sql} AS ok_{parameter}" for parameter, sql in flags)
    order = (
        "score DESC, id DESC" if search.sort == RELEVANCE else "published DESC NULLS LAST, id DESC"
    )
    parts = [f"SELECT 'total', NULL::text, NULL::text, COUNT(*) FROM f {where()}"]  # noqa: S608
    for facet in FACETS:
        if search.fixed and search.fixed[0] == facet.parameter:
            continue
        parts.append(facet.count_sql(where(facet.parameter)))

    def statement(offset):
        return (
            (
                f"WITH m(id, content_type_id, published, score) AS MATERIALIZED ({match_sql}), "  # noqa: S608
                f"f AS MATERIALIZED (SELECT m.*{flag_columns} FROM m) "
                + " UNION ALL ".join(parts)
                + " UNION ALL SELECT * FROM (SELECT 'hit', id::text, NULL::text, NULL::bigint "  # noqa: S608
                f"FROM f {where()} ORDER BY {order} LIMIT %s OFFSET %s) AS hits"
            ),
            [*match_params, *flag_params, per_page, offset],
        )

    rows = fetch(*statement((page - 1) * per_page))
    total = next(count for kind, _value, _label, count in rows if kind == "total")
    paginator = Paginator(KnownCount(total), per_page)
    if page > paginator.num_pages:
        page = paginator.num_pages
        rows = fetch(*statement((page - 1) * per_page))
    ids = [int(value) for kind, value, _label, _count in rows if kind == "hit"]
    by_id = stories.in_bulk(ids)
    pages = [by_id[pk] for pk in ids if pk in by_id]
    facets = [
        Facet(
            facet.parameter,
            facet.label,
            facet.options_from_rows(rows, chosen=search.chosen.get(facet.parameter, [])),
        )
        for facet in FACETS
        if not (search.fixed and search.fixed[0] == facet.parameter)
    ]
    return Outcome(PaginatorPage(pages, page, paginator), facets)


def fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
