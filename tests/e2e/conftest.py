"""Real-browser tests: Debian's Chromium through Playwright's sync API, against the live server."""

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.db import connections

from dialogues.models import DialogueThreadPage
from home.models import ContentPage
from stories.models import ArticlePage, PodcastPage, VlogPage, WebinarPage
from tests.utils import run_command

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
# thread with a running loop unless told that this is safe (it is: the loop only drives the
# browser). https://docs.djangoproject.com/en/5.2/topics/async/#async-safety
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """One headless Chromium for the whole session; never Playwright's own download."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium not found: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        # From here on this thread has a running event loop, so asgiref gives Django a second
        # set of connection objects. Hand them the data the migrations created (home page,
        # groups, workflow), which `serialized_rollback` restores after each flush.
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_site(live_server):
    """The live server with the demo content.

    Browser tests are transactional: the database is flushed after each of them, and
    `serialized_rollback` puts back what the migrations created before the next one.
    """
    run_command("load_demo")
    return live_server


def serve_media(route):
    """The live server serves static files only; hand the browser uploaded files from disk."""
    path = Path(settings.MEDIA_ROOT) / unquote(urlsplit(route.request.url).path).removeprefix(
        settings.MEDIA_URL
    )
    if path.is_file():
        route.fulfill(path=path)
    else:
        route.fulfill(status=404)


@pytest.fixture
def page(browser, demo_site):
    """A fresh browser tab (its own cookies) on the demo site; relative URLs go to the site."""
    context = browser.new_context(base_url=demo_site.url, locale="nl-NL")
    context.route(f"{demo_site.url}{settings.MEDIA_URL}**", serve_media)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def demo_urls(demo_site):
    """The home page, every index, one story of every type, a content page, search, a theme
    page with its follow form and a 404."""
    stories = [
        model.objects.live().order_by("path").first()
        for model in (ArticlePage, VlogPage, PodcastPage, WebinarPage, DialogueThreadPage)
    ]
    return [
        "/",
        "/verhalen/",
        "/vlogs/",
        "/podcasts/",
        "/webinars/",
        "/dialogen/",
        *[story.url for story in stories],
        ContentPage.objects.live().order_by("path").first().url,
        "/zoeken/?q=pleegzorg",
        # A region page with its ambassador, the question form and its webinar and dialogue.
        "/regio/rijnmond/",
        "/regio/rijnmond/vraag/",
        "/thema/pleegzorg/",
        "/volgen/?kind=theme&value=pleegzorg",
        "/deze-pagina-bestaat-niet/",
    ]
