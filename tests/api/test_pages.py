"""The pages endpoint of the read API: only live, public pages, with our fields and filters."""

import datetime

import pytest
from django.utils.timezone import localtime
from wagtail.models import PageViewRestriction

from dialogues.models import ThreadActivity
from stories.models import EvidenceLevel, PodcastPage, VlogPage
from stories.models.base import CARD_RENDITION
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    AudienceFactory,
    ChangeTaskFactory,
    ContentPageFactory,
    ContributorFactory,
    DialogueThreadPageFactory,
    ImageFactory,
    PodcastPageFactory,
    RegionFactory,
    ThemeFactory,
    VlogPageFactory,
    WebinarPageFactory,
)

PAGES = "/api/v2/pages/"
# Site, view restrictions (twice), count, pages, images, renditions and the five taxonomies.
QUERY_BUDGET = 13


def titles(response):
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


@pytest.fixture
def public_and_private(home):
    """A published article, a draft, a login-only article and one in a private section."""
    public = ArticlePageFactory(title="Openbaar verhaal")
    ArticlePageFactory(title="Concept", live=False)
    restricted = ArticlePageFactory(title="Alleen voor leden")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    private_section = ContentPageFactory(title="Besloten deel")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type="password", password="geheim"
    )
    hidden = ContentPageFactory(title="Pagina in besloten deel", parent=private_section)
    return public, restricted, hidden


def test_the_listing_holds_only_live_public_pages(client, public_and_private):
    listed = titles(client.get(PAGES))

    assert "Openbaar verhaal" in listed
    assert {"Concept", "Alleen voor leden", "Besloten deel", "Pagina in besloten deel"}.isdisjoint(
        listed
    )


def test_a_login_restricted_page_stays_out_for_a_signed_in_member_too(client, public_and_private):
    client.force_login(ContributorFactory())

    assert "Alleen voor leden" not in titles(client.get(PAGES))


def test_private_pages_are_not_found_and_a_public_one_is(client, public_and_private):
    public, restricted, hidden = public_and_private

    assert client.get(f"{PAGES}{public.pk}/").status_code == 200
    assert client.get(f"{PAGES}{restricted.pk}/").status_code == 404
    assert client.get(f"{PAGES}{hidden.pk}/").status_code == 404


def test_a_draft_is_not_found(client, home):
    draft = ArticlePageFactory(live=False)

    assert client.get(f"{PAGES}{draft.pk}/").status_code == 404


def test_an_article_shows_our_fields_and_no_personal_data(client, home):
    contributor = ContributorFactory(display_name="Sanne uit Zwolle")
    article = ArticlePageFactory(
        title="Samen aan tafel",
        intro="Hoe een wijkteam het gezin samenbracht.",
        contributor=contributor,
        hero_image=ImageFactory(),
        hero_image_alt="Een keukentafel",
        evidence_level=EvidenceLevel.SUBSTANTIATED,
        practice_aim="Eén plan per gezin.",
        practice_contact="sanne@example.org",
    )
    article.themes.add(ThemeFactory(name="Pleegzorg"))
    article.regions.add(RegionFactory(name="IJsselland"))
    article.change_tasks.add(ChangeTaskFactory(name="Thuis opgroeien"))
    article.audiences.add(AudienceFactory(name="Gemeenten"))
    article.tags.add("wijkteam")
    article.save()

    response = client.get(f"{PAGES}{article.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == "stories.ArticlePage"
    assert data["intro"] == "Hoe een wijkteam het gezin samenbracht."
    assert data["themes"] == [{"name": "Pleegzorg", "slug": "pleegzorg"}]
    assert data["regions"] == [{"name": "IJsselland", "slug": "ijsselland"}]
    assert data["change_tasks"] == [{"name": "Thuis opgroeien", "slug": "thuis-opgroeien"}]
    assert data["audiences"] == [{"name": "Gemeenten", "slug": "gemeenten"}]
    assert data["tags"] == ["wijkteam"]
    assert data["contributor_name"] == "Sanne uit Zwolle"
    assert data["evidence_level"] == {"value": "goed_onderbouwd", "label": "Goed onderbouwd"}
    assert data["practice_aim"] == "Eén plan per gezin."
    assert data["hero_image"]["alt"] == "Een keukentafel"
    assert data["hero_image"]["url"].startswith("http")
    assert data["body"][0]["type"] == "heading"
    assert contributor.email not in response.text
    assert "sanne@example.org" not in response.text
    assert "contributor" not in data


def test_media_durations_and_webinar_times_are_shown_without_the_meeting_link(client, home):
    vlog = VlogPageFactory(video_url="https://youtu.be/abcdefghijk")
    # Read from the uploaded file when the page is saved; set here as if one were uploaded.
    VlogPage.objects.filter(pk=vlog.pk).update(duration=datetime.timedelta(minutes=3, seconds=5))
    podcast = PodcastPageFactory(episode_number=7)
    PodcastPage.objects.filter(pk=podcast.pk).update(duration=datetime.timedelta(minutes=32))
    webinar = WebinarPageFactory(online_link="https://meet.example.org/geheime-kamer")

    vlog_data = client.get(f"{PAGES}{vlog.pk}/").json()
    podcast_data = client.get(f"{PAGES}{podcast.pk}/").json()
    webinar_response = client.get(f"{PAGES}{webinar.pk}/")

    assert vlog_data["duration"] == "PT00H03M05S"
    assert vlog_data["video_url"] == "https://youtu.be/abcdefghijk"
    assert podcast_data["duration"] == "PT00H32M00S"
    assert podcast_data["episode_number"] == 7
    webinar_data = webinar_response.json()
    # In the site's time zone, as the API gives it (between 23:00 and 0:00 UTC the day differs).
    assert webinar_data["start"].startswith(localtime(webinar.start).date().isoformat())
    assert webinar_data["can_register"] is True
    assert "geheime-kamer" not in webinar_response.text


def test_a_dialogue_shows_its_question_and_reply_count(client, home):
    thread = DialogueThreadPageFactory(title="Hoe houd je een pleeggezin vast?")
    ThreadActivity.objects.create(thread=thread, reply_count=4)

    detail = client.get(f"{PAGES}{thread.pk}/").json()
    listed = client.get(PAGES, {"type": "dialogues.DialogueThreadPage", "fields": "reply_count"})

    assert detail["title"] == "Hoe houd je een pleeggezin vast?"
    assert detail["reply_count"] == 4
    assert listed.json()["items"][0]["reply_count"] == 4


def test_pages_are_filtered_by_type_theme_and_region(client, home):
    theme, other_theme = ThemeFactory(name="Pleegzorg"), ThemeFactory(name="Wonen")
    region = RegionFactory(name="Twente")
    both = ArticlePageFactory(title="Pleegzorg in Twente", themes=[theme], regions=[region])
    ArticlePageFactory(title="Pleegzorg elders", themes=[theme])
    ArticlePageFactory(title="Wonen in Twente", themes=[other_theme], regions=[region])
    VlogPageFactory(title="Vlog over pleegzorg", themes=[theme])

    assert titles(client.get(PAGES, {"thema": "pleegzorg"})) == {
        "Pleegzorg in Twente",
        "Pleegzorg elders",
        "Vlog over pleegzorg",
    }
    assert titles(client.get(PAGES, {"regio": "twente"})) == {both.title, "Wonen in Twente"}
    assert titles(client.get(PAGES, {"thema": "pleegzorg", "regio": "twente"})) == {both.title}
    assert titles(client.get(PAGES, {"type": "stories.ArticlePage", "thema": "pleegzorg"})) == {
        "Pleegzorg in Twente",
        "Pleegzorg elders",
    }


def test_an_unknown_theme_or_region_gives_an_empty_list(client, home):
    ArticlePageFactory(themes=[ThemeFactory()])

    for query in ("thema=bestaat-niet", "regio=%00", "regio=%3Cscript%3E", "thema=" + "a" * 200):
        response = client.get(f"{PAGES}?{query}")
        assert response.status_code == 200
        assert response.json()["items"] == []


def test_the_listing_costs_the_same_queries_for_more_pages(
    client, home, django_assert_max_num_queries
):
    theme, region = ThemeFactory(), RegionFactory()
    ArticleIndexPageFactory.section()

    def listing():
        # The first request after pages are saved writes them to the search index (conftest).
        client.get("/api/v2/images/")
        with django_assert_max_num_queries(QUERY_BUDGET):
            response = client.get(PAGES, {"type": "stories.ArticlePage", "fields": "*"})
        return response.json()["items"]

    def add_articles(count):
        for _ in range(count):
            image = ImageFactory()
            image.get_rendition(CARD_RENDITION)  # made once, on the first request that shows it
            ArticlePageFactory(themes=[theme], regions=[region], hero_image=image, tags=["a"])

    add_articles(2)
    assert len(listing()) == 2
    add_articles(10)
    assert len(listing()) == 12
