"""Similar practice examples ("Vergelijkbare praktijkvoorbeelden") at the end of every story.

Up to four live, public stories (articles, vlogs, podcasts, webinars: the practice examples
people share; dialogue threads are questions, not examples) other than the page itself, its
translations and its aliases. The order:

1. what the search engine finds most alike: the app that runs it answers the
   "similar_stories" hook (page, terms, models, limit) with {page id: score}, or None when it
   cannot (see search/similar.py; stories may not import search);
2. then, and among equal scores, the stories that share the most themes, change tasks and
   audiences (weighted by TAXONOMY_WEIGHTS), the newest first among equals.

When the engine's own candidates fill the list with scores above zero (its scores count the
shared terms too), they are put in its order in Python, newest first among equal scores: a
story it did not score has 0 and comes after them. Ranking the taxonomy's hundreds of
candidates in SQL took 23 ms per story page at 100,000 stories; it is left for when the
engine finds too little or is not there. The engine's candidates are read through SQL
compiled once per number of ids (core.compiled), and the page itself, its translations and
aliases and the restricted sections are left out in Python: building and compiling that query
took twice as long as running it.

The taxonomy looks only at the newest TAXONOMY_CANDIDATES stories per kind of term that share
one of the page's terms (and at what the engine found): a common theme is on a large part of
all stories, and ranking every one of them took half a second at 100,000 pages. Those candidates
are read first, in one query (UNION ALL of one LIMITed select per kind of term), so the database
ranks a few hundred rows found by primary key.

Then one SQL query ranks them and reads what a card shows: a fixed number of queries, whatever
the number of terms or cards (none for a page without terms that the engine finds nothing
for). The cards' images come with that query; their renditions and themes are fetched by the
card cache (stories/cards.py), only for the cards it does not hold. The page's own terms are read
with one query for the similar block and its "Onderwerpen" list together
(stories.models.read_topics).
A hook that fails is logged and left out: the page never fails because of it.
"""

import logging
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from wagtail import hooks

from core.compiled import compiled_objects
from core.lookups import public_q, restricted_paths
from stories.models import (
    ArticlePage,
    PodcastPage,
    StoryPage,
    VlogPage,
    WebinarPage,
    read_topics,
    with_play_time,
)

logger = logging.getLogger(__name__)

SIMILAR_HOOK = "similar_stories"
LIMIT = 4
# How many ids the engine is asked for: some may have left the database or be hidden.
ENGINE_CANDIDATES = 12
# How many of the newest stories sharing a theme (a change task, an audience) the taxonomy ranks.
TAXONOMY_CANDIDATES = 200
# The story types shown as practice examples.
CANDIDATE_MODELS = (ArticlePage, VlogPage, PodcastPage, WebinarPage)
# What a shared term weighs in the taxonomy ranking (and in the engine's, see search/similar.py).
TAXONOMY_WEIGHTS = {"themes": 3, "change_tasks": 2, "audiences": 1}


def similar_stories(page, *, limit=LIMIT, prefetch_terms=True) -> list[StoryPage]:
    """The stories to show under "Vergelijkbare praktijkvoorbeelden" on `page`, best first.

    `prefetch_terms=False` reads the page's terms as they are on the page object (a preview's
    terms come from its revision, not from the database)."""
    if prefetch_terms:
        read_topics(page)
    terms = {field: [term.pk for term in getattr(page, field).all()] for field in TAXONOMY_WEIGHTS}
    scores = engine_scores(page, terms)
    if not scores and not any(terms.values()):
        return []
    return best(page, terms, scores, limit)


def best(page, terms, scores, limit):
    """The `limit` best stories. When what the engine scored fills the list with scores above
    zero, no story it did not score can come before those: they are read by id and put in the
    engine's order (its scores hold the shared terms already; newest first among equals)
    without ranking hundreds of rows. Otherwise every candidate is ranked in SQL."""
    if len(scores) >= limit:
        found = scored_candidates(page, scores)
        found.sort(key=lambda story: (scores[story.pk], newest(story)), reverse=True)
        if len(found) >= limit and scores[found[limit - 1].pk] > 0:
            return found[:limit]
    return list(ranked(page, terms, scores)[:limit])


def newest(story):
    published = story.first_published_at
    return (published is not None, published.timestamp() if published else 0.0, story.pk)


def engine_scores(page, terms):
    """{id: score} of what the first "similar_stories" hook that answers finds; {} when none
    can."""
    for hook in hooks.get_hooks(SIMILAR_HOOK):
        try:
            found = hook(page, terms=terms, models=CANDIDATE_MODELS, limit=ENGINE_CANDIDATES)
        except Exception:
            # Any failure of the engine: the taxonomy answers.
            logger.exception("Similar stories from %s failed for page %s", hook, page.pk)
            continue
        if found:
            # Scores equal to two decimals are a tie, which the taxonomy and the date decide.
            return {pk: round(score, 2) for pk, score in found.items()}
    return {}


def candidate_types():
    """The content type pks of the CANDIDATE_MODELS (from ContentType's cache)."""
    return [kind.pk for kind in ContentType.objects.get_for_models(*CANDIDATE_MODELS).values()]


def itself(page):
    """(field, value) pairs of which a story that matches one is `page` or one of its
    translations or aliases (or the page it is an alias of, and that one's aliases)."""
    pairs = [("translation_key", page.translation_key)]
    if page.pk is not None:  # a preview of a page not saved yet has none
        pairs += [("pk", page.pk), ("alias_of_id", page.pk)]
    if page.alias_of_id:
        pairs += [("pk", page.alias_of_id), ("alias_of_id", page.alias_of_id)]
    return pairs


def candidates(page):
    """Live stories of the CANDIDATE_MODELS outside any view restriction, without `page`, its
    translations and its aliases. The content types and the restricted paths are known
    beforehand (ContentType's cache, core.lookups): a join and a subquery fewer to plan, which
    took more time than running the query."""
    excluded = reduce(or_, (Q(**{field: value}) for field, value in itself(page)))
    return (
        StoryPage.objects.live()
        .filter(public_q(), content_type__in=candidate_types())
        .exclude(excluded)
    )


def scored_candidates(page, scores):
    """The stories of `scores` that candidates(page) holds, with card fields: the live ones of
    the CANDIDATE_MODELS read through SQL compiled once per number of ids (core.compiled;
    building and compiling the query took longer than running it), the page itself, its
    translations and aliases and the stories in a restricted section left out here."""
    types = candidate_types()

    def build(*values):
        stories = StoryPage.objects.live().filter(
            content_type__in=values[: len(types)], pk__in=values[len(types) :]
        )
        return with_card_fields(stories)

    name = f"similar:{len(types)}:{len(scores)}"
    stories = compiled_objects(name, build, *types, *scores)
    excluded, restricted = itself(page), tuple(restricted_paths())
    return [
        story
        for story in stories
        if not story.path.startswith(restricted)
        and not any(getattr(story, field) == value for field, value in excluded)
    ]


def tagged_with(field, pks):
    """The rows of taxonomy `field`'s table that give a story one of the terms `pks`."""
    model_field = StoryPage._meta.get_field(field)
    term = f"{model_field.related_model._meta.model_name}_id"
    return model_field.remote_field.through.objects.filter(**{f"{term}__in": pks})


def shared_count(field, pks):
    """How many of the terms `pks` of taxonomy `field` a story has (a correlated subquery)."""
    rows = (
        tagged_with(field, pks)
        .filter(storypage_id=OuterRef("pk"))
        .values("storypage_id")
        .annotate(shared=Count("pk"))
        .values("shared")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def candidate_ids(terms, scores):
    """The ids to rank, in one query: what the engine scored, and per kind of term the newest
    TAXONOMY_CANDIDATES stories with one of the page's terms (newest by id, which grows).

    Read first and passed as a list: as a subquery, PostgreSQL hashed its few hundred ids and
    scanned every story against them (350 ms at 100,000 stories); as a list it looks them up
    by primary key."""
    selects = []
    for field, pks in terms.items():
        if pks:
            rows = tagged_with(field, pks).order_by("-storypage_id").values_list("storypage_id")
            selects.append(rows[:TAXONOMY_CANDIDATES])
    parts, params = [], []
    for number, select in enumerate(selects):
        sql, select_params = select.query.sql_with_params()
        # A derived table each: SQLite allows no ORDER BY or LIMIT in a bare UNION member.
        parts.append(f"SELECT * FROM ({sql}) AS candidates_{number}")  # noqa: S608 (Django's)
        params.extend(select_params)
    if not parts:
        return set(scores)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return set(scores) | {pk for (pk,) in cursor.fetchall()}


def with_card_fields(stories):
    """`stories` with what a card shows: the hero image (its renditions come with the card
    cache's), a vlog's or podcast's play time, a webinar's start."""
    return (
        with_play_time(stories)
        .select_related("hero_image")
        .annotate(start=F("webinarpage__start"))
    )


def ranked(page, terms, scores):
    """The candidates the engine scored or that share a term, best first, with what a card
    shows."""
    stories = candidates(page)
    found = Q(pk__in=candidate_ids(terms, scores))
    score = Value(0)
    for field, pks in terms.items():
        if pks:
            score = score + shared_count(field, pks) * TAXONOMY_WEIGHTS[field]
    engine_score = Case(
        *(When(pk=pk, then=Value(engine)) for pk, engine in scores.items()),
        default=Value(0.0),
        output_field=FloatField(),
    )
    return (
        with_card_fields(stories.filter(found))
        .annotate(similarity=score, engine_score=engine_score)
        .order_by(
            "-engine_score", "-similarity", F("first_published_at").desc(nulls_last=True), "-pk"
        )
    )
