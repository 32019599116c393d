"""Load test and soak against `gunicorn` with the production settings, on PostgreSQL and Redis.

    DATABASE_URL=postgres://... REDIS_URL=redis://... python loadtest/run.py [--soak 600]

Needs a database with content (load_demo, then generate_content --count 100000 --index) and
the `load` extra (locust). Runs, without think time:
  1. the visitor mix without the page cache by one visitor at a time: what each kind of page
     costs, without waiting behind others,
  2. the visitor mix without the page cache, at a fixed concurrency,
  3. the same mix with the page cache, with its hit rate: first as it comes (the cache filling
     up as it goes), then warm, after every page of the sample was visited once, as on a site
     that has been running for a while,
  4. pure page-cache hits: the same story page again and again,
  5. a static HTML file of an average page's size through whitenoise (the ceiling),
  6. a soak with the page cache, sampling the app servers' memory,
and prints requests per second, p50/p95 latency per kind of page, page-cache hits, 5xx answers
and memory as Markdown. gunicorn runs as `make serve` runs it (gunicorn.conf.py).
"""

import argparse
import csv
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SEARCH_WORDS = [
    "pleegzorg", "wijkteam", "school", "ouders", "jongeren", "gezin", "scheiding",
    "uithuisplaatsing voorkomen", "samenwerking", "veiligheid", "jeugdhulp", "luisteren",
    "pleeggezin", "regio", "zorgaanbieder", "gemeente", "onderwijs", "verslaving",
]  # fmt: skip


def collect_paths(sample=3000):
    """Paths of every kind of page, picked at random from the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hartvoordejeugd.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from dialogues.models import DialogueThreadPage
    from stories.models import StoryPage

    rng = random.Random(42)  # noqa: S311 - a repeatable sample
    stories = list(StoryPage.objects.live().public().values_list("url_path", flat=True))
    threads = list(DialogueThreadPage.objects.live().values_list("url_path", flat=True))

    def public(url_path):
        return "/" + url_path.split("/", 2)[2]  # drop the root and home slugs

    sections = ["/verhalen/", "/vlogs/", "/podcasts/", "/webinars/", "/dialogen/"]
    return {
        "home": ["/"],
        "index": [f"{section}?pagina={page}" for section in sections for page in (1, 2, 3, 10)]
        + sections,
        "detail": [public(path) for path in rng.sample(stories, min(sample, len(stories)))],
        "search": [f"/zoeken/?q={urllib.request.quote(word)}" for word in SEARCH_WORDS]
        + [f"/zoeken/?q={urllib.request.quote(word)}&sortering=nieuwste" for word in SEARCH_WORDS],
        "dialogue": [public(path) for path in rng.sample(threads, min(200, len(threads)))],
        "static": ["/static/loadtest-ceiling.html"],
    }


def write_ceiling_file(static_root, base_url, paths):
    """A static HTML file as large as an average page (sampled), next to the collected files."""
    sizes = []
    for path in paths["detail"][:20] + paths["index"][:5] + paths["home"]:
        with urllib.request.urlopen(base_url + path, timeout=30) as response:  # noqa: S310
            sizes.append(len(response.read()))
    size = sum(sizes) // len(sizes)
    html = "<!DOCTYPE html><html lang=nl><title>Plafond</title><p>"
    html += "x" * (size - len(html) - 4) + "</p>"
    (static_root / "loadtest-ceiling.html").write_text(html, encoding="utf-8")
    return size


def visit_every_page(base_url, paths, *, users):
    """Every path of the sample once (the static file aside), `users` at a time: what a site
    that has been running for a while has in its page cache."""
    every = [path for kind, kind_paths in paths.items() if kind != "static" for path in kind_paths]

    def visit(path):
        with urllib.request.urlopen(base_url + path, timeout=60) as response:  # noqa: S310
            response.read()

    with ThreadPoolExecutor(max_workers=users) as pool:
        list(pool.map(visit, dict.fromkeys(every)))


class AppServer:
    """gunicorn with the production settings, as `make serve` runs it."""

    def __init__(self, *, port, workers, page_cache_seconds, static_root):
        self.port = port
        self.environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hartvoordejeugd.settings.production",
            "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": str(static_root),
            "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        }
        self.workers = workers
        self.process = None

    def collectstatic(self):
        subprocess.run(  # noqa: S603
            [BIN / "python", "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=ROOT,
            env=self.environment,
            check=True,
        )

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                BIN / "gunicorn",
                "hartvoordejeugd.wsgi",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.environment,
        )
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{self.url}/ready/", timeout=5):  # noqa: S310
                    return self
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("gunicorn did not become ready")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def memory_kib(self):
        """Resident memory of the master and every worker, in KiB."""
        pids = [self.process.pid]
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            pids += [int(pid) for pid in children.read_text().split()]
        total = 0
        for pid in pids:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        return total


def locust(*, host, users, seconds, user_class, paths_file, prefix):
    """A headless locust run, started in the background; it writes its figures to prefix_*.csv
    and its page-cache answers to prefix_cache.json."""
    return subprocess.Popen(  # noqa: S603
        [
            BIN / "locust",
            "--headless",
            "--only-summary",
            "-f",
            ROOT / "loadtest" / "locustfile.py",
            user_class,
            "--host",
            host,
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--csv",
            prefix,
            "--loglevel",
            "ERROR",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "LOADTEST_PATHS": str(paths_file),
            "LOADTEST_CACHE_COUNTS": f"{prefix}_cache.json",
        },
        stdout=subprocess.DEVNULL,
    )


def run_locust(**options):
    """One locust run to its end; its aggregated figures. (locust exits 1 when a request
    failed: the figures say how many.)"""
    locust(**options).wait()
    return read_figures(options["prefix"])


def read_figures(prefix):
    with open(f"{prefix}_stats.csv", encoding="utf-8") as file:
        rows = {row["Name"]: row for row in csv.DictReader(file)}
    total = rows["Aggregated"]
    server_errors = 0
    with open(f"{prefix}_failures.csv", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if "50" in row["Error"]:
                server_errors += int(row["Occurrences"])
    cache_counts = {}
    if os.path.exists(f"{prefix}_cache.json"):
        with open(f"{prefix}_cache.json", encoding="utf-8") as file:
            cache_counts = json.load(file)
    return {
        "cache": cache_counts,
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "server_errors": server_errors,
        "rps": float(total["Requests/s"]),
        "p50": float(total["50%"]),
        "p95": float(total["95%"]),
        "per_kind": {
            name: (float(row["50%"]), float(row["95%"]), int(row["Request Count"]))
            for name, row in rows.items()
            if name != "Aggregated"
        },
    }


def hit_rate(counts):
    """Page-cache hits as a percentage of all answers, or None when nothing was counted."""
    total = sum(counts.values())
    return 100 * counts.get("hit", 0) / total if total else None


def all_counts(figures):
    total = {}
    for counts in figures["cache"].values():
        for answer, number in counts.items():
            total[answer] = total.get(answer, 0) + number
    return total


def percentage(value):
    return "–" if value is None else f"{value:.0f} %"


UNCACHED_ALONE = "zonder paginacache, één bezoeker"
UNCACHED = "zonder paginacache"
CACHED = "met paginacache"
CACHED_WARM = "met paginacache, warm (elke pagina eenmaal bezocht)"
PURE_HITS = "alleen treffers (steeds dezelfde pagina)"
STATIC = "statisch HTML-bestand (plafond)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20, help="concurrent users (closed loop)")
    parser.add_argument("--seconds", type=int, default=60, help="length of each measured run")
    parser.add_argument("--soak", type=int, default=600, help="length of the soak; 0 skips it")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to the PostgreSQL database with the generated content.")
    if not os.environ.get("REDIS_URL"):
        sys.exit("Set REDIS_URL, e.g. redis://127.0.0.1:6379/5.")

    paths = collect_paths()
    work = Path(tempfile.mkdtemp(prefix="hvdj-loadtest-"))
    paths_file = work / "paths.json"
    paths_file.write_text(json.dumps(paths), encoding="utf-8")
    static_root = work / "static"
    results = {}

    def measure(label, server, *, users=options.users, seconds=options.seconds, user_class):
        results[label] = run_locust(
            host=server.url,
            users=users,
            seconds=seconds,
            user_class=user_class,
            paths_file=paths_file,
            prefix=str(work / label.split(",")[0].split("(")[0].strip().replace(" ", "-")),
        )

    for cache_seconds in (0, 300):
        server = AppServer(
            port=options.port,
            workers=options.workers,
            page_cache_seconds=cache_seconds,
            static_root=static_root,
        )
        server.collectstatic()
        with server:
            size = write_ceiling_file(static_root, server.url, paths)
            warm_up = {"seconds": 10, "user_class": "Visitor", "prefix": str(work / "warm")}
            run_locust(host=server.url, users=options.users, paths_file=paths_file, **warm_up)
            if not cache_seconds:
                measure(UNCACHED_ALONE, server, users=1, user_class="Visitor")
                measure(UNCACHED, server, user_class="Visitor")
                continue
            measure(CACHED, server, user_class="Visitor")
            visit_every_page(server.url, paths, users=options.users)
            measure(CACHED_WARM, server, user_class="Visitor")
            measure(PURE_HITS, server, seconds=options.seconds // 2, user_class="RepeatVisitor")
            measure(STATIC, server, seconds=options.seconds // 2, user_class="StaticVisitor")
            if options.soak:
                # The soak: locust in the background, memory sampled every 15 seconds.
                start_memory = server.memory_kib()
                started = time.monotonic()
                runner = locust(
                    host=server.url,
                    users=options.users,
                    seconds=options.soak,
                    user_class="Visitor",
                    paths_file=paths_file,
                    prefix=str(work / "soak"),
                )
                samples = []
                while runner.poll() is None:
                    samples.append(server.memory_kib())
                    time.sleep(15)
                results["soak"] = {
                    **read_figures(str(work / "soak")),
                    "seconds": time.monotonic() - started,
                    "start_mib": start_memory / 1024,
                    "end_mib": samples[-1] / 1024,
                    "max_mib": max(samples) / 1024,
                }
    report(results, options, size)


def report(results, options, size):
    print(
        f"\nLoad test: {options.users} users without think time (one for the first row), "
        f"{options.workers} gunicorn workers, {options.seconds} s per run "
        f"({options.seconds // 2} s for pure hits and the static file); "
        f"average page {size} bytes.\n"
    )
    print("| run | requests | req/s | p50 ms | p95 ms | page-cache hits | 5xx | other failures |")
    print("|---|---|---|---|---|---|---|---|")
    for label, figures in results.items():
        if label == "soak":
            continue
        hits = hit_rate(all_counts(figures)) if label != STATIC else None
        print(
            f"| {label} | {figures['requests']} | {figures['rps']:.0f} | {figures['p50']:.0f} | "
            f"{figures['p95']:.0f} | {percentage(hits)} | {figures['server_errors']} | "
            f"{figures['failures'] - figures['server_errors']} |"
        )
    ceiling = results[STATIC]["rps"]
    mix, warm, hits = (
        100 * results[label]["rps"] / ceiling for label in (CACHED, CACHED_WARM, PURE_HITS)
    )
    print(
        f"\nWith the page cache the mix runs at {mix:.0f} % of the static file's rate "
        f"({warm:.0f} % warm), pure hits at {hits:.0f} %; without it, "
        f"{results[UNCACHED]['rps']:.1f} req/s.\n"
    )
    print(
        "| kind | p50 / p95 ms, one visitor, uncached | p95 ms uncached | p95 ms cached "
        "| page-cache hits | p95 ms cached, warm | hits, warm |"
    )
    print("|---|---|---|---|---|---|---|")
    for kind in sorted(results[CACHED]["per_kind"]):
        alone = results[UNCACHED_ALONE]["per_kind"].get(kind, (0, 0, 0))
        uncached = results[UNCACHED]["per_kind"].get(kind, (0, 0, 0))
        cached = results[CACHED]["per_kind"][kind]
        hits = hit_rate(results[CACHED]["cache"].get(kind, {}))
        warm = results[CACHED_WARM]["per_kind"].get(kind, (0, 0, 0))
        warm_hits = hit_rate(results[CACHED_WARM]["cache"].get(kind, {}))
        print(
            f"| {kind} | {alone[0]:.0f} / {alone[1]:.0f} | {uncached[1]:.0f} | {cached[1]:.0f} "
            f"| {percentage(hits)} | {warm[1]:.0f} | {percentage(warm_hits)} |"
        )
    if "soak" in results:
        soak = results["soak"]
        print(
            f"\nSoak: {soak['seconds']:.0f} s, {soak['requests']} requests, "
            f"{soak['rps']:.0f} req/s, p95 {soak['p95']:.0f} ms, "
            f"5xx: {soak['server_errors']}, failures: {soak['failures']}; "
            f"memory of the app servers {soak['start_mib']:.0f} MiB at the start, "
            f"{soak['end_mib']:.0f} MiB at the end, {soak['max_mib']:.0f} MiB at most."
        )


if __name__ == "__main__":
    main()
