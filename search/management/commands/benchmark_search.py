"""The search benchmark: the engine alone, the whole page and a PostgreSQL full-text floor, over
one query mix drawn from the stories in the database."""

import time
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.http import QueryDict
from django.test import Client
from django.test.utils import override_settings

from search.engine import Search, sort_of
from search.logging import gathered
from search.public_backend import embedded_backend
from search.tantivy import analysis
from search.tantivy.availability import SearchUnavailable
from stories.models import StoryPage, Theme

KINDS = ("common word", "rare word", "two words", "filtered", "typo")
PER_KIND = 4
# The stories whose words make the query mix: the first ones by pk, so the mix is the same
# on every run over the same data.
SAMPLE = 2000
SHORTEST_WORD = 4
ENGINE, VIEW, FLOOR = "engine", "view", "PostgreSQL floor"
FLOOR_NOTICE = "needs PostgreSQL (set DATABASE_URL)"


def percentile(values, share):
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def content_words(text):
    """The words of `text` worth searching for: long enough, and not stop words."""
    return [
        word
        for word in analysis.words(text)
        if len(word) >= SHORTEST_WORD and word.isalpha() and analysis.analyze(word)
    ]


def spread(items, count):
    """`count` items taken at even steps through `items` (all of them when fewer)."""
    if len(items) <= count:
        return list(items)
    step = len(items) / count
    return [items[int(position * step)] for position in range(count)]


def typo(word):
    """`word` with two letters in its middle swapped, as a hurried visitor types it."""
    middle = len(word) // 2
    return word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]


def query_mix():
    """[(kind, {GET parameters})]: PER_KIND searches of each kind, from the stories' own
    titles and intros."""
    stories = list(
        StoryPage.objects.live().public().order_by("pk").values_list("title", "intro")[:SAMPLE]
    )
    if not stories:
        raise CommandError("No live stories: run load_demo and generate_content first.")
    in_stories = Counter()
    for title, intro in stories:
        in_stories.update(set(content_words(f"{title} {intro}")))
    by_frequency = sorted(in_stories, key=lambda word: (-in_stories[word], word))
    common = by_frequency[:PER_KIND]
    rare = sorted(word for word in by_frequency if in_stories[word] == 1) or by_frequency[::-1]
    pairs = []
    for title, _intro in spread(stories, len(stories)):
        words = content_words(title)
        if len(words) >= 2 and " ".join(words[:2]) not in pairs:
            pairs.append(" ".join(words[:2]))
    long_words = [word for word in by_frequency if len(word) >= 7]
    themes = list(
        Theme.objects.annotate(total=Count("stories"))
        .filter(total__gt=0)
        .order_by("-total", "slug")
        .values_list("slug", flat=True)[:PER_KIND]
    )
    mix = [("common word", {"q": word}) for word in common]
    mix += [("rare word", {"q": word}) for word in spread(rare, PER_KIND)]
    mix += [("two words", {"q": pair}) for pair in spread(pairs, PER_KIND)]
    mix += [
        ("filtered", {"q": word, "thema": themes[number % len(themes)]})
        for number, word in enumerate(common)
        if themes
    ]
    mix += [("typo", {"q": typo(word)}) for word in spread(long_words, PER_KIND)]
    return mix


def index_size(path):
    """The bytes of every file in the index directory."""
    return sum(file.stat().st_size for file in Path(path).rglob("*") if file.is_file())


class Command(BaseCommand):
    """Time one query mix three ways: the engine, the search page and a PostgreSQL floor."""

    help = (
        "Runs one Dutch query mix (common word, rare word, two words, filtered by a theme, a "
        "typo) from the stories in the database through the search engine alone, through the "
        "whole search page (/zoeken/) and as bare PostgreSQL full-text SQL, and prints p50, "
        "p95 and the ratio to the engine's p95 per kind of query. Leaves the search report "
        "untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5, help="Runs per query (default 5).")
        parser.add_argument(
            "--warmup",
            type=int,
            default=1,
            help="Untimed runs per query and measure before the timed ones (default 1).",
        )
        parser.add_argument(
            "--floor-repeat",
            type=int,
            default=None,
            help="Runs per query of the PostgreSQL floor, without warm-up (default: as "
            "--repeat, with warm-up); a million pages take seconds per floor query.",
        )

    def handle(self, *args, repeat, warmup, floor_repeat=None, **options):
        if repeat < 1 or warmup < 0 or (floor_repeat is not None and floor_repeat < 1):
            raise CommandError(
                "--repeat and --floor-repeat must be at least 1 and --warmup at least 0."
            )
        try:
            backend = embedded_backend()
        except SearchUnavailable as error:
            raise CommandError(
                f"The search index in {error} is missing or incomplete: run "
                "`python manage.py update_index` first."
            ) from error
        if backend is None:
            raise CommandError(
                "The public search does not run on the embedded engine: set "
                "HVDJ_PUBLIC_SEARCH_BACKEND=tantivy."
            )
        mix = query_mix()
        live = StoryPage.objects.live().public().count()
        size = index_size(backend.path) / 1024 / 1024
        self.stdout.write(
            f"Live stories: {live:,}; index size: {size:,.1f} MB ({backend.path}); "
            f"{len(mix)} queries, {repeat} timed runs each after {warmup} warm-up"
        )
        for kind in KINDS:
            asked = [describe(params) for name, params in mix if name == kind]
            self.stdout.write(f"  {kind:<12}  {'; '.join(asked)}")
        floor = connection.vendor == "postgresql"
        times = {}
        # The view counts first-page searches for the redactie's search report (gathered in
        # the process, see search/logging.py): never written here, and anything else written
        # is rolled back. The page cache is off so every request builds the page. The test
        # client's host name is let in, as the host of its requests.
        pages = override_settings(
            HVDJ_PAGE_CACHE_SECONDS=0,
            HVDJ_QUERY_LOG_SECONDS=10**9,
            ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
        )
        with pages, transaction.atomic():
            client = Client()
            for kind, params in mix:
                measures = [(ENGINE, lambda p=params: engine_search(backend, p))]
                measures.append((VIEW, lambda p=params: view_search(client, p)))
                if floor:
                    measures.append((FLOOR, lambda p=params: floor_search(p["q"])))
                for measure, run in measures:
                    runs, warmups = repeat, warmup
                    if measure == FLOOR and floor_repeat is not None:
                        runs, warmups = floor_repeat, 0
                    for _run in range(warmups):
                        run()
                    times.setdefault((kind, measure), []).extend(
                        timed(run) for _run in range(runs)
                    )
            transaction.set_rollback(True)
        gathered.take()
        self.print_table(times, floor)

    def print_table(self, times, floor):
        kinds = [kind for kind in KINDS if (kind, ENGINE) in times] + ["overall"]
        for measure in (ENGINE, VIEW, FLOOR):
            times[("overall", measure)] = [
                value
                for (_kind, name), values in times.items()
                if name == measure
                for value in values
            ]
        header = f"{'query kind':<12}  {'measure':<16}  {'runs':>5}  {'p50 ms':>8}  {'p95 ms':>8}"
        self.stdout.write("")
        self.stdout.write(header + f"  {'p95 / engine p95':>16}")
        self.stdout.write("-" * (len(header) + 18))
        for kind in kinds:
            engine_p95 = percentile(times[(kind, ENGINE)], 0.95)
            for measure in (ENGINE, VIEW, FLOOR):
                label = f"{kind:<12}  {measure:<16}"
                if measure == FLOOR and not floor:
                    self.stdout.write(f"{label}  {FLOOR_NOTICE}")
                    continue
                values = times[(kind, measure)]
                p95 = percentile(values, 0.95)
                ratio = p95 / engine_p95 if engine_p95 else 0
                self.stdout.write(
                    f"{label}  {len(values):>5}  {percentile(values, 0.5):>8.1f}  "
                    f"{p95:>8.1f}  {ratio:>15.1f}×"
                )


def describe(params):
    """A search's parameters as the table lists them: the words, then any filter."""
    filters = " ".join(f"{key}={value}" for key, value in params.items() if key != "q")
    return f"{params['q']} ({filters})" if filters else params["q"]


def timed(run):
    """Milliseconds `run` took."""
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def engine_search(backend, params):
    """The engine's part of a first results page, as search.engine.run_on_engine asks for it:
    the page of ids, the total and every shown facet's counts."""
    query_dict = QueryDict(mutable=True)
    query_dict.update(params)
    search = Search.from_params(query_dict)
    return backend.search_stories(
        search.query if search.has_words else "",
        filters=search.index_filters(),
        sort=sort_of(search),
        offset=0,
        limit=12,
        facets=[facet.index_field for facet in search.shown_facets()],
    )


def view_search(client, params):
    """The whole search page, rendered, as a visitor's browser gets it."""
    response = client.get("/zoeken/", params)
    if response.status_code != 200:
        raise CommandError(f"/zoeken/ answered {response.status_code} for {params}.")
    return response.content


def floor_search(query):
    """The same words as bare PostgreSQL full text over title and intro, no index: the best
    12 by ts_rank and the count."""
    story = StoryPage._meta.db_table
    page = StoryPage._meta.get_field("page_ptr").related_model._meta.db_table
    document = "to_tsvector('dutch', p.title || ' ' || s.intro)"
    matching = (
        f"FROM {story} s JOIN {page} p ON p.id = s.page_ptr_id "
        f"WHERE p.live AND {document} @@ plainto_tsquery('dutch', %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.id {matching} "
            f"ORDER BY ts_rank({document}, plainto_tsquery('dutch', %s)) DESC LIMIT 12",
            [query, query],
        )
        cursor.fetchall()
        cursor.execute(f"SELECT count(*) {matching}", [query])
        return cursor.fetchone()[0]
