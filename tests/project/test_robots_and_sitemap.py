"""/robots.txt keeps crawlers out of personal pages and search results and names the sitemap;
/sitemap.xml lists every live public page with its last change, and nothing else."""

import re
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils.timezone import localtime
from wagtail.models import PageViewRestriction

from tests.factories import (
    ArticlePageFactory,
    ContentPageFactory,
    DialogueThreadPageFactory,
    PodcastPageFactory,
    RegionFactory,
    ThemeFactory,
    VlogPageFactory,
    WebinarPageFactory,
)

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

pytestmark = pytest.mark.django_db


def dutch_date(moment):
    """The day of `moment` in the site's time zone, as the sitemap gives it (between 23:00 and
    0:00 UTC it is the next day)."""
    return localtime(moment).date().isoformat()


def blocked(path, disallowed):
    """Whether a Disallow line covers `path`, with `*` matching any characters (RFC 9309)."""
    return any(re.match(".*".join(map(re.escape, rule.split("*"))), path) for rule in disallowed)


def robots_rules(client):
    """The response to /robots.txt, its lines, and the paths of its Disallow lines."""
    response = client.get("/robots.txt")
    assert response.status_code == 200
    lines = response.text.splitlines()
    disallowed = [line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow")]
    return response, lines, disallowed


def test_robots_txt_is_plain_text_that_shared_caches_may_keep(client):
    response, lines, _ = robots_rules(client)

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "public" in response["Cache-Control"]
    assert "max-age=86400" in response["Cache-Control"]
    assert lines[0] == "User-agent: *"


def test_robots_txt_names_the_sitemap_by_its_full_address(client):
    _, lines, _ = robots_rules(client)

    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        reverse("account_login"),
        reverse("account_signup"),
        reverse("my_account"),
        reverse("export_my_data"),
        reverse("my_contributions"),
        reverse("check_story", kwargs={"page_id": 1}),
        reverse("share_story_start"),
        reverse("start_dialogue"),
        reverse("search"),
        reverse("search") + "?q=pleegzorg",
        reverse("search_suggestions"),
        reverse("unsubscribe_replies", kwargs={"token": "abc"}),
        reverse("cancel_webinar_registration", kwargs={"token": "abc"}),
        reverse("confirm_reply", kwargs={"key": "abc"}),
        reverse("follow"),
        reverse("confirm_follow", kwargs={"key": "abc"}),
        reverse("unsubscribe_follow", kwargs={"token": "abc"}),
        reverse("manage_follows", kwargs={"token": "abc"}),
        reverse("my_follows"),
        reverse("adopt", kwargs={"page_id": 1}),
        reverse("ask_ambassador", kwargs={"slug": "utrecht"}),
    ],
)
def test_robots_txt_keeps_crawlers_out_of_personal_pages_and_search_results(client, path):
    _, _, disallowed = robots_rules(client)

    assert blocked(path, disallowed), path


@pytest.mark.parametrize(
    "path", ["/", "/verhalen/", "/thema/pleegzorg/", "/regio/utrecht/", "/documenten/1/plan.pdf"]
)
def test_robots_txt_leaves_content_theme_and_region_pages_and_documents_open(client, path):
    _, _, disallowed = robots_rules(client)

    assert not blocked(path, disallowed), path


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap
    return {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.iter(f"{SITEMAP}url")
    }


def test_the_sitemap_lists_every_live_public_page_with_its_last_change(client, home):
    # The migrations' home page was never published; an editor's first publish gives it a date.
    home.save_revision().publish()
    pages = [
        ArticlePageFactory(),
        VlogPageFactory(),
        PodcastPageFactory(),
        WebinarPageFactory(),
        DialogueThreadPageFactory(),
        ContentPageFactory(),
    ]
    sections = {page.get_parent() for page in pages} - {home.page_ptr}

    entries = sitemap_entries(client)

    expected = [home, *sections, *pages]
    assert set(entries) == {page.get_full_url() for page in expected}
    for page in pages:
        page.refresh_from_db()
        assert entries[page.get_full_url()] == dutch_date(page.last_published_at)
    assert all(entries.values())


def test_the_sitemap_leaves_out_drafts_private_pages_and_what_is_below_them(client, home):
    public = ArticlePageFactory(title="Openbaar verhaal")
    draft = ArticlePageFactory(title="Nog een concept", live=False)
    private = ArticlePageFactory(title="Alleen voor leden")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    closed_thread = DialogueThreadPageFactory(title="Besloten dialoog")
    PageViewRestriction.objects.create(
        page=closed_thread, restriction_type="password", password="geheim"
    )
    hidden_section = WebinarPageFactory().get_parent()
    PageViewRestriction.objects.create(page=hidden_section, restriction_type="login")
    below_hidden_section = WebinarPageFactory()

    entries = sitemap_entries(client)

    assert public.get_full_url() in entries
    for page in (draft, private, closed_thread, hidden_section, below_hidden_section):
        assert page.get_full_url() not in entries, page.title


def test_the_sitemap_lists_no_search_pages(client, home):
    ArticlePageFactory()

    entries = sitemap_entries(client)

    assert entries
    assert not [url for url in entries if "/zoeken/" in url or "?" in url]


def test_the_sitemap_lists_theme_and_region_pages_that_have_live_public_stories(client, home):
    pleegzorg, wijkteams, empty = ThemeFactory.create_batch(3)
    twente, utrecht = RegionFactory.create_batch(2)
    older = ArticlePageFactory()
    older.themes.set([pleegzorg])
    older.regions.set([twente])
    older.save_revision().publish()
    newer = VlogPageFactory()
    newer.themes.set([pleegzorg])
    newer.save_revision().publish()
    draft = ArticlePageFactory(live=False)
    draft.themes.set([wijkteams])
    draft.save()
    private = ArticlePageFactory()
    private.regions.set([utrecht])
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    entries = sitemap_entries(client)

    newer.refresh_from_db()
    older.refresh_from_db()
    assert entries[f"http://testserver/thema/{pleegzorg.slug}/"] == dutch_date(
        newer.last_published_at
    )
    assert entries[f"http://testserver/regio/{twente.slug}/"] == dutch_date(
        older.last_published_at
    )
    for term in ("thema/" + wijkteams.slug, "thema/" + empty.slug, "regio/" + utrecht.slug):
        assert f"http://testserver/{term}/" not in entries, term
