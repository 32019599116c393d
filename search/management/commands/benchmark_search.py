import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.search.models import IndexEntry

from search.views import search
from stories.models import Audience, Region, StoryPage, Theme

# Realistic Dutch searches: common and rare words, two words, synonyms, and with filters.
# Filter values are filled in with the most used theme, region and audience of the data.
QUERIES = [
    ("pleegzorg", {}),
    ("wijkteam", {}),
    ("jeugdhulp", {}),
    ("ouders", {}),
    ("jongeren", {}),
    ("school", {}),
    ("gezin", {}),
    ("wachttijden", {}),
    ("gemeente", {}),
    ("aanpak", {}),
    ("crisisopvang", {}),
    ("gezinshuis", {}),
    ("netwerkberaad", {}),
    ("consultatiebureau", {}),
    ("ervaringsdeskundige", {}),
    ("veiligheidsplan", {}),
    ("jongerenwerk", {}),
    ("schulden", {}),
    ("huisartsenpraktijk", {}),
    ("keukentafel", {}),
    ("uithuisplaatsing voorkomen", {}),
    ("ggz jongeren", {}),
    ("school en zorg", {}),
    ("complexe scheidingen", {}),
    ("inkoop jeugdhulp", {}),
    ("ouders schulden", {}),
    ("pleegzorg", {"regio": "<region>"}),
    ("wijkteam", {"thema": "<theme>"}),
    ("jeugdhulp", {"soort": "vlog"}),
    ("ouders", {"doelgroep": "<audience>"}),
    ("gezin", {"thema": "<theme>", "regio": "<region>"}),
    ("jeugdhulp", {"sortering": "nieuwste"}),
    ("jeugdhulp", {"pagina": "2"}),
    ("zeldzaamwoordnergens", {}),
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Command(BaseCommand):
    """Time the search results page (with facets) against bare PostgreSQL full-text SQL."""

    help = (
        "Runs a fixed list of Dutch searches through the real search view and as bare "
        "PostgreSQL full-text SQL, and prints p50, p95 and max latency and queries per search."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5, help="Runs per query (default 5).")

    def handle(self, *args, repeat, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "The benchmark compares with PostgreSQL full-text SQL: set DATABASE_URL."
            )
        queries = self.with_filter_values(QUERIES)
        live = StoryPage.objects.live().public().count()
        entries = IndexEntry.objects.count()
        self.stdout.write(f"Live stories: {live:,}; search index entries: {entries:,}")
        view_times, sql_counts, bare_times = [], [], []
        rows = []
        factory = RequestFactory()
        for query, params in queries:
            request_params = {"q": query, **params}
            self.render(factory, request_params)  # warm up caches and the connection
            times = []
            for _run in range(repeat):
                with CaptureQueriesContext(connection) as captured:
                    start = time.perf_counter()
                    response = self.render(factory, request_params)
                    times.append((time.perf_counter() - start) * 1000)
                sql_counts.append(len(captured.captured_queries))
            bare = [self.bare_sql(query) for _run in range(repeat)]
            view_times += times
            bare_times += bare
            count = response.context_data["results"].paginator.count
            rows.append((query, params, count, statistics.median(times), statistics.median(bare)))

        self.stdout.write(f"\n{'query':<40} {'results':>8} {'view ms':>9} {'bare ms':>9}")
        for query, params, count, view_ms, bare_ms in rows:
            label = query + (
                "" if not params else " " + " ".join(f"{k}={v}" for k, v in params.items())
            )
            self.stdout.write(f"{label[:40]:<40} {count:>8,} {view_ms:>9.1f} {bare_ms:>9.1f}")
        self.stdout.write("")
        for name, values in (("search view", view_times), ("bare SQL", bare_times)):
            self.stdout.write(
                f"{name:<12} p50 {percentile(values, 0.5):7.1f} ms   "
                f"p95 {percentile(values, 0.95):7.1f} ms   max {max(values):7.1f} ms"
            )
        ratio = percentile(view_times, 0.95) / max(percentile(bare_times, 0.95), 0.001)
        self.stdout.write(
            f"SQL queries per search: {min(sql_counts)}–{max(sql_counts)}; "
            f"p95 view / p95 bare SQL: {ratio:.1f}×"
        )

    def with_filter_values(self, queries):
        values = {
            "<theme>": self.most_used(Theme),
            "<region>": self.most_used(Region),
            "<audience>": self.most_used(Audience),
        }
        return [
            (query, {key: values.get(value, value) for key, value in params.items()})
            for query, params in queries
        ]

    @staticmethod
    def most_used(model):
        term = model.objects.annotate(total=Count("stories")).order_by("-total").first()
        if term is None:
            raise CommandError("No taxonomy found: run load_demo and generate_content first.")
        return term.slug

    @staticmethod
    def render(factory, params):
        response = search(factory.get("/zoeken/", params))
        response.render()
        return response

    @staticmethod
    def bare_sql(query):
        """The same words as plain PostgreSQL full text: the best 12 and the count."""
        table = IndexEntry._meta.db_table
        start = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT object_id FROM {table} "  # noqa: S608 (our own table name)
                "WHERE (title || body) @@ plainto_tsquery('dutch', %s) "
                "ORDER BY ts_rank(title || body, plainto_tsquery('dutch', %s)) DESC LIMIT 12",
                [query, query],
            )
            cursor.fetchall()
            cursor.execute(
                f"SELECT count(*) FROM {table} "  # noqa: S608
                "WHERE (title || body) @@ plainto_tsquery('dutch', %s)",
                [query],
            )
            cursor.fetchone()
        return (time.perf_counter() - start) * 1000
