"""Every story type carries the schema.org JSON-LD that search engines need for rich results
(stories.structured_data), with its breadcrumbs, and nothing in a title can break out of it."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from hartvoordejeugd import structured_data
from tests.factories import (
    ArticlePageFactory,
    ContributorFactory,
    ImageFactory,
    VlogPageFactory,
    WebinarPageFactory,
)
from tests.project.json_ld import json_ld, of_type
from tests.samples import mp4_bytes

from .podcast_helpers import episode_with_audio, upload

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def test_an_article_names_its_contributor_as_author_and_the_platform_as_publisher(client, home):
    member = ContributorFactory(display_name="Sanne uit Utrecht")
    article = ArticlePageFactory(contributor=member, hero_image=ImageFactory())
    article.refresh_from_db()  # publishing set the dates on the revision's copy

    data = of_type(client.get(article.url), "Article")

    assert data["@context"] == "https://schema.org"
    assert data["headline"] == article.title
    assert data["description"] == article.intro
    assert data["url"] == article.get_full_url()
    assert data["image"].startswith("http://") and ".fill-1080x608.format-jpeg" in data["image"]
    assert data["datePublished"] == article.first_published_at.astimezone(AMSTERDAM).isoformat(
        timespec="seconds"
    )
    assert data["dateModified"] == article.last_published_at.astimezone(AMSTERDAM).isoformat(
        timespec="seconds"
    )
    assert data["author"] == {"@type": "Person", "name": "Sanne uit Utrecht"}
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Hart voor de Jeugd"
    assert data["publisher"]["logo"]["url"].startswith("http://")


def test_an_article_without_a_contributor_is_by_the_platform(client, home):
    article = ArticlePageFactory(contributor=None)

    data = of_type(client.get(article.url), "Article")

    assert data["author"]["@type"] == "Organization"
    assert data["author"]["name"] == "Hart voor de Jeugd"
    assert "image" not in data


def test_every_story_has_breadcrumbs_from_the_home_page_down(client, home):
    article = ArticlePageFactory()

    data = of_type(client.get(article.url), "BreadcrumbList")

    items = data["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert [item["name"] for item in items] == ["Home", "Verhalen", article.title]
    assert items[0]["item"] == home.get_full_url()
    assert items[2]["item"] == article.get_full_url()


def test_a_section_page_has_breadcrumbs_too(client, home):
    section = ArticlePageFactory().get_parent()

    data = of_type(client.get(section.url), "BreadcrumbList")

    assert [item["name"] for item in data["itemListElement"]] == ["Home", "Verhalen"]


def test_an_external_vlog_is_a_video_object_with_its_player_and_transcript(client, home):
    vlog = VlogPageFactory(
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", poster_image=ImageFactory()
    )
    vlog.refresh_from_db()

    data = of_type(client.get(vlog.url), "VideoObject")

    assert data["name"] == vlog.title
    assert data["description"] == vlog.intro
    assert data["uploadDate"] == vlog.first_published_at.astimezone(AMSTERDAM).isoformat(
        timespec="seconds"
    )
    assert data["thumbnailUrl"].startswith("http://")
    assert data["embedUrl"].startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert "contentUrl" not in data
    assert data["transcript"] == vlog.transcript


def test_an_uploaded_vlog_names_its_file_as_content_with_its_duration(client, home):
    vlog = VlogPageFactory(video_file=upload("vlog.mp4", mp4_bytes()))

    data = of_type(client.get(vlog.url), "VideoObject")

    assert data["duration"] == "PT2S"
    assert data["contentUrl"] == f"http://testserver{vlog.video_file.url}"
    assert "embedUrl" not in data


def test_a_podcast_episode_has_its_audio_series_and_number(client, home):
    episode = episode_with_audio(seconds=8, episode_number=7, season_number=2)

    data = of_type(client.get(episode.url), "PodcastEpisode")

    assert data["name"] == episode.title
    assert data["url"] == episode.get_full_url()
    assert data["datePublished"]
    assert data["description"] == episode.intro
    assert data["episodeNumber"] == 7
    assert data["partOfSeason"] == {"@type": "PodcastSeason", "seasonNumber": 2}
    assert data["associatedMedia"] == {
        "@type": "MediaObject",
        "contentUrl": f"http://testserver{episode.audio_file.url}",
        "encodingFormat": "audio/mpeg",
        "duration": "PT8S",
    }
    assert data["partOfSeries"] == {
        "@type": "PodcastSeries",
        "name": "Podcasts",
        "url": episode.get_parent().get_full_url(),
    }


@pytest.mark.parametrize(
    ("start", "offset"),
    [
        (datetime.datetime(2030, 1, 15, 19, 30, tzinfo=AMSTERDAM), "+01:00"),
        (datetime.datetime(2030, 6, 15, 19, 30, tzinfo=AMSTERDAM), "+02:00"),
    ],
)
def test_a_webinar_is_a_free_online_event_with_its_time_zone(client, home, start, offset):
    webinar = WebinarPageFactory(
        start=start,
        end=start + datetime.timedelta(hours=1),
        online_link="https://meet.example.org/geheim",
    )

    response = client.get(webinar.url)
    data = of_type(response, "Event")

    assert data["name"] == webinar.title
    assert data["startDate"] == f"2030-{start.month:02}-15T19:30:00{offset}"
    assert data["endDate"] == f"2030-{start.month:02}-15T20:30:00{offset}"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"] == {"@type": "VirtualLocation", "url": webinar.get_full_url()}
    assert data["organizer"]["name"] == "Hart voor de Jeugd"
    assert data["isAccessibleForFree"] is True
    assert data["offers"]["price"] == "0"
    assert data["offers"]["priceCurrency"] == "EUR"
    assert "meet.example.org" not in str(json_ld(response))


def test_a_title_cannot_close_the_script_element(client, home):
    title = '</script><script>alert("x")</script> & <!--'
    article = ArticlePageFactory(title=title)

    response = client.get(article.url)

    assert '<script>alert("x")' not in response.content.decode()
    assert of_type(response, "Article")["headline"] == title


def test_a_restricted_page_names_no_image_or_media_file(client, home, contributor):
    episode = episode_with_audio(hero_image=ImageFactory())
    PageViewRestriction.objects.create(page=episode, restriction_type="login")
    client.force_login(contributor)

    data = of_type(client.get(episode.url), "PodcastEpisode")

    assert data["name"] == episode.title
    assert "image" not in data
    assert "associatedMedia" not in data
    assert episode.audio_file.url not in str(data)


def test_a_page_below_a_restricted_section_names_no_image(client, home, contributor):
    article = ArticlePageFactory(hero_image=ImageFactory())
    PageViewRestriction.objects.create(page=article.get_parent(), restriction_type="login")
    client.force_login(contributor)

    data = of_type(client.get(article.url), "Article")

    assert data["headline"] == article.title
    assert "image" not in data


def test_the_data_costs_a_visitor_no_query_the_breadcrumbs_read_the_ancestors_once(
    client, home, monkeypatch
):
    article = ArticlePageFactory(hero_image=ImageFactory())
    client.get(article.url)  # makes the renditions
    counts = []
    script_tags = structured_data.script_tags

    def counted(context):
        with CaptureQueriesContext(connection) as queries:
            tags = script_tags(context)
        counts.append(len(queries))
        return tags

    monkeypatch.setattr(structured_data, "script_tags", counted)

    client.get(article.get_parent().url)
    with CaptureQueriesContext(connection) as page_queries:
        client.get(article.url)

    # The ancestors the breadcrumbs read are kept on the page for the JSON-LD.
    assert counts == [0, 0]
    # And per section for the generation: the story's first visit read them for every story
    # of its section.
    assert ancestor_reads(page_queries) == []
    sibling = ArticlePageFactory()
    with CaptureQueriesContext(connection) as sibling_queries:
        response = client.get(sibling.url)
    assert len(ancestor_reads(sibling_queries)) == 1  # a new generation since the publish
    assert article.get_parent().title in response.text
    with CaptureQueriesContext(connection) as again:
        client.get(article.url)
    assert ancestor_reads(again) == []


def ancestor_reads(queries):
    return [
        query["sql"]
        for query in queries.captured_queries
        if '"path" IN' in query["sql"] and '"wagtailcore_page"."title"' in query["sql"]
    ]
