"""The page benchmark: story, dialogue, listing and home pages built in this process with the
page cache off, each page of a random sample once, as the load test's single visitor gets them
but without the HTTP server and the load generator beside it.

For comparing two versions of the code on a machine whose speed drifts: the load test could
not tell them apart when the same code ran 15 % faster or slower from one run to the next.
Run this command in each version's checkout in turn, a few times, with the same --seed and Redis
emptied before each run (on a machine of your own) so that the first visit of every page is
timed; the README has figures. Prints p50/p95 per kind of page and the median number of SQL
queries. Reads only: anything a page writes is rolled back.
"""

import random
import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import override_settings

from dialogues.models import DialogueThreadPage
from home.models import HomePage
from search.management.commands.benchmark_search import percentile
from stories.models import StoryIndexPage, StoryPage

KINDS = ("story", "dialogue", "listing", "home")
# Pages built before timing, so that the process's own start-up (templates, content types,
# the index searcher) is not counted.
WARM_UP = 10


def sample_paths(home, kind, count, rng):
    """`count` paths of pages of `kind`, picked at random; repeated when there are fewer pages
    (then some visits are not the first), none when there are none."""
    if kind == "home":
        return [home.url] * count
    if kind == "listing":
        children = home.get_children().live().public().specific()
        sections = [page for page in children if isinstance(page, StoryIndexPage)]
        paths = [
            f"{section.url}?pagina={number}" for section in sections for number in (1, 2, 3, 10)
        ]
        return cycled(paths, count)
    model = DialogueThreadPage if kind == "dialogue" else StoryPage
    pages = model.objects.live().public()
    if kind == "story":
        pages = pages.not_type(DialogueThreadPage)
    ids = list(pages.values_list("pk", flat=True))
    chosen = rng.sample(ids, min(count, len(ids)))
    order = {pk: number for number, pk in enumerate(chosen)}
    found = sorted(model.objects.filter(pk__in=chosen), key=lambda page: order[page.pk])
    return cycled([page.url for page in found], count)


def cycled(paths, count):
    return [paths[number % len(paths)] for number in range(count)] if paths else []


class QueryCounter:
    """Counts the SQL statements run while it is installed (connection.execute_wrapper)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class Command(BaseCommand):
    help = "Times uncached story, dialogue, listing and home pages in this process."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=200, help="Pages per kind (200).")
        parser.add_argument("--seed", type=int, default=1, help="Picks the sample (1).")
        parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))

    def handle(self, *args, pages, seed, kinds, **options):
        rng = random.Random(seed)  # noqa: S311 - a repeatable sample, not a secret
        home = HomePage.objects.live().first()
        self.stdout.write(
            f"Live stories: {StoryPage.objects.live().count()}; "
            f"database: {connection.vendor}; {pages} pages per kind, seed {seed}."
        )
        if home is None:
            self.stdout.write("No home page: run load_demo first.")
            return
        paths = {kind: sample_paths(home, kind, pages + WARM_UP, rng) for kind in kinds}
        # The page cache is off so that every request builds its page; the test client's host
        # name is let in, as the host of its requests.
        uncached = override_settings(
            HVDJ_PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]
        )
        rows = []
        with uncached, transaction.atomic():
            client = Client()
            for kind in kinds:
                rows.append((kind, *self.time_pages(client, paths[kind])))
            transaction.set_rollback(True)
        self.print_table(rows)

    def time_pages(self, client, paths):
        """([ms per page], [queries per page]) of the pages after the warm-up."""
        times, queries = [], []
        for number, path in enumerate(paths):
            counter = QueryCounter()
            with connection.execute_wrapper(counter):
                started = time.perf_counter()
                response = client.get(path, secure=True)
                elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                self.stderr.write(f"{path}: {response.status_code}")
                continue
            if number >= WARM_UP:
                times.append(elapsed)
                queries.append(counter.count)
        return times, queries

    def print_table(self, rows):
        self.stdout.write("")
        self.stdout.write(
            f"{'page':<9}  {'pages':>5}  {'p50 ms':>7}  {'p95 ms':>7}  {'queries':>7}"
        )
        for kind, times, queries in rows:
            if not times:
                self.stdout.write(f"{kind:<9}  {0:>5}  {'–':>7}  {'–':>7}  {'–':>7}")
                continue
            self.stdout.write(
                f"{kind:<9}  {len(times):>5}  {percentile(times, 0.5):>7.1f}  "
                f"{percentile(times, 0.95):>7.1f}  {statistics.median(queries):>7.0f}"
            )
