"""Visitors as locust users: a closed loop (no think time) over the mix of pages people read.

The paths come from the JSON file that loadtest/run.py writes (LOADTEST_PATHS). Every answer's
X-Page-Cache header (hit, miss, or none: a page the cache does not keep) is counted per kind of
page and written to LOADTEST_CACHE_COUNTS when locust stops, for the hit rate.
"""

import json
import os
import random
from collections import Counter, defaultdict

from locust import FastHttpUser, constant, events, task

PATHS = json.loads(open(os.environ["LOADTEST_PATHS"], encoding="utf-8").read())  # noqa: SIM115
CACHE_COUNTS = defaultdict(Counter)


def count_cache(kind, response):
    CACHE_COUNTS[kind][response.headers.get("X-Page-Cache") or "none"] += 1


@events.quitting.add_listener
def write_cache_counts(**kwargs):
    target = os.environ.get("LOADTEST_CACHE_COUNTS")
    if target:
        with open(target, "w", encoding="utf-8") as file:
            json.dump(CACHE_COUNTS, file)


class Visitor(FastHttpUser):
    """Reads the site like an anonymous visitor: mostly stories, then search and dialogues."""

    wait_time = constant(0)

    def visit(self, kind):
        path = random.choice(PATHS[kind])  # noqa: S311 - picking pages, not secrets
        count_cache(kind, self.client.get(path, name=kind))

    @task(10)
    def home(self):
        self.visit("home")

    @task(15)
    def index(self):
        self.visit("index")

    @task(40)
    def detail(self):
        self.visit("detail")

    @task(20)
    def search(self):
        self.visit("search")

    @task(15)
    def dialogue(self):
        self.visit("dialogue")


class RepeatVisitor(FastHttpUser):
    """A pure page-cache hit: the same story page again and again."""

    wait_time = constant(0)

    @task
    def same_page(self):
        count_cache("same page", self.client.get(PATHS["detail"][0], name="same page"))


class StaticVisitor(FastHttpUser):
    """The ceiling: one static HTML file of a page's size, served by whitenoise."""

    wait_time = constant(0)

    @task
    def static_page(self):
        self.client.get(PATHS["static"][0], name="static")
