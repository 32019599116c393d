"""The Content-Security-Policy holds in Chromium: no page of ours breaks it, public or admin."""

import pytest

from stories.models import ArticlePage, VlogPage
from tests.e2e.accounts import log_in_to_the_admin
from tests.factories import EditorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Records every violation the browser reports, before any script of the page runs.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def violations(page):
    return page.evaluate("window.__violations")


def test_no_public_page_breaks_the_policy(page, demo_urls, subtests):
    page.add_init_script(WATCH_VIOLATIONS)
    for url in [*demo_urls, "/account/login/", "/account/signup/"]:
        with subtests.test(url=url):
            page.goto(url)
            page.wait_for_load_state("load")

            assert violations(page) == []


def test_the_video_placeholder_loads_its_player_within_the_policy(page):
    page.add_init_script(WATCH_VIOLATIONS)
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="speler"))
    vlog = next(vlog for vlog in VlogPage.objects.live() if vlog.embed)

    page.goto(vlog.url)
    page.locator(".video-embed__play").click()

    assert page.locator("iframe.video-embed__iframe").count() == 1
    assert violations(page) == []


def test_an_inline_script_is_refused_on_a_public_page(page):
    page.add_init_script(WATCH_VIOLATIONS)
    page.goto("/")

    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__ran = true";
          document.body.append(script);
        }"""
    )

    assert page.evaluate("window.__ran === undefined")
    assert any(violation.startswith("script-src") for violation in violations(page))


def test_the_admin_works_under_its_own_policy(page):
    editor = EditorFactory()
    log_in_to_the_admin(page, user=editor)
    page.add_init_script(WATCH_VIOLATIONS)
    article = ArticlePage.objects.live().order_by("path").first()

    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.wait_for_load_state("networkidle")

    assert page.locator("input[name=title]").input_value() == article.title
    assert page.evaluate("Boolean(window.wagtail && window.wagtail.app)")  # the admin's JS runs
    assert violations(page) == []
