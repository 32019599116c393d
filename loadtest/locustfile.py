"""Visitors as locust users: a closed loop (no think time) over the mix of pages people read.

The paths come from the JSON file that loadtest/run.py writes (LOADTEST_PATHS).
"""

import json
import os
import random

from locust import FastHttpUser, constant, task

PATHS = json.loads(open(os.environ["LOADTEST_PATHS"], encoding="utf-8").read())  # noqa: SIM115


class Visitor(FastHttpUser):
    """Reads the site like an anonymous visitor: mostly stories, then search and dialogues."""

    wait_time = constant(0)

    def visit(self, kind):
        path = random.choice(PATHS[kind])  # noqa: S311 - picking pages, not secrets
        self.client.get(path, name=kind)

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


class StaticVisitor(FastHttpUser):
    """The ceiling: one static HTML file of a page's size, served by whitenoise."""

    wait_time = constant(0)

    @task
    def static_page(self):
        self.client.get(PATHS["static"][0], name="static")
