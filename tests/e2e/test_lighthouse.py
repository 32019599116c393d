"""Lighthouse's SEO score is 100 on every page type that search engines may index.

Lighthouse (npm package, pinned in package.json) audits the live demo site in Debian's
Chromium, SEO category only, once per page type with one browser for all of them
(lighthouse_seo.mjs). Not audited: the pages that are deliberately not indexed (search
results, account pages, Mijn account, sharing forms, the admin: noindex or robots.txt), the
not-found page (its status is the point) and the feeds, which are no HTML.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.db.models import Count

from dialogues.models import DialogueThreadPage
from home.models import ContentPage
from stories.models import ArticlePage, PodcastPage, Region, Theme, VlogPage, WebinarPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
SCRIPT = Path(__file__).with_name("lighthouse_seo.mjs")
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def lighthouse_command():
    """The command that audits pages; skips (before the demo site is built) without Node.js,
    Lighthouse or Chromium."""
    node = shutil.which("node")
    if not node:
        pytest.skip("Node.js not found: install Node.js and npm (apt-get install npm)")
    if not LIGHTHOUSE.exists():
        pytest.skip("install lighthouse: npm ci (or `make pytest`; package.json: lighthouse)")
    if not CHROMIUM.exists():
        pytest.skip("Chromium not found: install Debian's chromium (apt-get install chromium)")
    return [node, str(SCRIPT), str(CHROMIUM)]


def indexable_page_types():
    """One page of every type that search engines may index, by the name of its type."""
    first = {
        model: model.objects.live().order_by("path").first()
        for model in (ArticlePage, VlogPage, PodcastPage, WebinarPage, DialogueThreadPage)
    }
    return {
        "home": "/",
        "article index": "/verhalen/",
        "vlog index": "/vlogs/",
        "podcast index": "/podcasts/",
        "webinar index": "/webinars/",
        "dialogue index": "/dialogen/",
        "article": first[ArticlePage].url,
        "vlog": first[VlogPage].url,
        "podcast episode": first[PodcastPage].url,
        "webinar": first[WebinarPage].url,
        "dialogue thread": first[DialogueThreadPage].url,
        "content page": ContentPage.objects.live().order_by("path").first().url,
        "theme page": f"/thema/{fullest(Theme, 'stories').slug}/",
        "region page": f"/regio/{fullest(Region, 'ambassadors', 'stories').slug}/",
    }


def fullest(model, *relations):
    """The term whose page shows the most: most of the first relation, then of the next."""
    counts = {f"{name}_count": Count(name, distinct=True) for name in relations}
    return model.objects.annotate(**counts).order_by(*(f"-{c}" for c in counts), "pk").first()


def problems_of(result):
    """The failing audits of one page, one per line, with what they found."""
    lines = [f"Lighthouse could not audit the page: {result['runtimeError']}"] * bool(
        result["runtimeError"]
    )
    for audit in result["failing"]:
        lines.append(f"{audit['id']}: {audit['title']} {audit['explanation']}".rstrip())
        lines.extend(f"    {detail}" for detail in audit["details"])
    if result["genericLinks"]:
        lines.append(f"links that say nothing of where they go: {result['genericLinks']}")
    return "\n".join(lines)


def test_every_indexable_page_type_scores_100_for_seo(lighthouse_command, demo_site, subtests):
    pages = indexable_page_types()

    finished = subprocess.run(  # noqa: S603 (our own command line)
        [*lighthouse_command, demo_site.url, *pages.values()],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert finished.returncode == 0, finished.stderr
    results = json.loads(finished.stdout)
    assert set(results) == set(pages.values())
    for name, path in pages.items():
        with subtests.test(page_type=name, path=path):
            result = results[path]
            assert result["score"] == 1 and not result["genericLinks"], (
                f"{name} {path}: SEO score {result['score']}\n{problems_of(result)}"
            )
