"""/podcasts/feed/: an RSS 2.0 feed that podcast apps accept, read back with feedparser."""

import datetime
import os
import uuid
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree as ET

import feedparser
import mutagen
import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone
from PIL import Image
from wagtail.models import Page, PageViewRestriction

from tests.factories import ImageFactory, PodcastIndexPageFactory, PodcastPageFactory
from tests.stories.podcast_helpers import PASSAGES, episode_with_audio

pytestmark = pytest.mark.django_db

FEED_URL = "/podcasts/feed/"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"


@pytest.fixture
def podcast(home):
    return PodcastIndexPageFactory(
        title="De podcast van Hart voor de Jeugd",
        intro="Gesprekken over wat werkt in de jeugdhulp.",
        owner_name="Redactie Hart voor de Jeugd",
        owner_email="podcast@hartvoordejeugd.example",
    )


@pytest.fixture
def episodes(podcast):
    """Three episodes in the three audio formats, the newest last; one with timed text."""
    return [
        episode_with_audio(
            title="Wat werkt in de wijk",
            file_format="mp3",
            season_number=1,
            episode_number=1,
            passages=PASSAGES,
        ),
        episode_with_audio(
            title="Leren van vastgelopen casussen",
            file_format="m4a",
            seconds=5,
            season_number=1,
            episode_number=2,
            transcript="Een uitgeschreven tekst zonder tijden.",
        ),
        episode_with_audio(
            title="De stem van jongeren",
            file_format="ogg",
            seconds=6,
            season_number=2,
            episode_number=1,
            transcript="",
        ),
    ]


def xml_of(response):
    return ET.fromstring(response.content)  # noqa: S314 - our own feed, not untrusted input


def fetch(client):
    response = client.get(FEED_URL)
    assert response.status_code == 200
    return response


def parse(response):
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def entry_for(feed, episode):
    [entry] = [entry for entry in feed.entries if entry.title == episode.title]
    return entry


def stored_path(document):
    document.refresh_from_db()
    return document.file.path


def test_the_feed_is_rss_that_caches_for_a_few_minutes(client, episodes):
    response = fetch(client)

    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert "max-age=300" in response["Cache-Control"]
    assert xml_of(response).attrib["version"] == "2.0"


def test_the_channel_has_every_element_podcast_apps_ask_for(client, podcast, episodes):
    feed = parse(fetch(client)).feed

    assert feed.title == "De podcast van Hart voor de Jeugd"
    assert feed.link == "http://testserver/podcasts/"
    assert feed.subtitle == "Gesprekken over wat werkt in de jeugdhulp."
    assert feed.language == "nl"
    assert {"rel": "self", "href": "http://testserver/podcasts/feed/"}.items() <= next(
        link for link in feed.links if link.rel == "self"
    ).items()
    assert feed.image.href == "http://testserver/static/img/podcast-cover.png"
    assert [tag.term for tag in feed.tags] == ["Kids & Family", "Parenting"]
    assert feed.publisher_detail == {
        "name": "Redactie Hart voor de Jeugd",
        "email": "podcast@hartvoordejeugd.example",
    }
    assert feed.author == "Redactie Hart voor de Jeugd"
    assert not feed.itunes_explicit
    assert feed.podcast_locked == "no"
    assert feed.podcast_guid == str(
        uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), "testserver/podcasts/feed")
    )


def test_the_channel_image_is_also_in_rss_s_own_image_element(client, episodes):
    channel = xml_of(fetch(client)).find("channel")

    assert channel.findtext("image/url") == "http://testserver/static/img/podcast-cover.png"
    assert channel.find(f"{ITUNES}image").attrib["href"] == channel.findtext("image/url")
    assert channel.find(f"{ITUNES}category").attrib["text"] == "Kids & Family"
    # Apple's values are "true" and "false" (feedparser only knows the older yes/clean).
    assert channel.findtext(f"{ITUNES}explicit") == "false"


def test_the_default_cover_is_a_square_of_1400_pixels(client, episodes):
    with Image.open(finders.find("img/podcast-cover.png")) as cover:
        assert (cover.format, cover.size, cover.mode) == ("PNG", (1400, 1400), "RGB")


def test_the_cover_image_of_the_index_page_goes_into_the_feed_at_1400_pixels(
    client, podcast, episodes
):
    podcast.cover_image = ImageFactory(file__width=1600, file__height=1600)
    podcast.save_revision().publish()

    feed = parse(fetch(client)).feed

    rendition = podcast.cover_image.get_rendition("fill-1400x1400")
    assert (rendition.width, rendition.height) == (1400, 1400)
    assert feed.image.href == f"http://testserver{rendition.url}"


def test_without_an_owner_address_the_feed_gives_the_sites_sending_address(
    client, podcast, episodes, settings
):
    settings.DEFAULT_FROM_EMAIL = "Hart voor de Jeugd <redactie@hartvoordejeugd.example>"
    podcast.owner_email = ""
    podcast.save_revision().publish()

    feed = parse(fetch(client)).feed

    assert feed.publisher_detail.email == "redactie@hartvoordejeugd.example"


def test_every_episode_has_every_element_podcast_apps_ask_for(client, episodes):
    feed = parse(fetch(client))

    for episode in episodes:
        entry = entry_for(feed, episode)
        assert entry.link == f"http://testserver{episode.url}"
        assert entry.id == str(episode.translation_key)
        assert entry.guidislink is False
        assert parsedate_to_datetime(entry.published) == episode.first_published_at.replace(
            microsecond=0
        )
        assert episode.intro in entry.summary
        assert "pleegouder" in entry.summary  # the show notes
        assert entry.itunes_episodetype == "full"
        assert entry.itunes_season == str(episode.season_number)
        assert entry.itunes_episode == str(episode.episode_number)
        [enclosure] = entry.enclosures
        assert enclosure.href == f"http://testserver{episode.audio_file.url}"


def test_enclosure_lengths_equal_the_sizes_of_the_stored_files(client, episodes):
    feed = parse(fetch(client))

    for episode in episodes:
        [enclosure] = entry_for(feed, episode).enclosures
        assert int(enclosure.length) == os.path.getsize(stored_path(episode.audio_file))


def test_enclosure_types_are_read_from_the_files(client, episodes):
    feed = parse(fetch(client))

    assert [entry_for(feed, episode).enclosures[0].type for episode in episodes] == [
        "audio/mpeg",
        "audio/mp4",
        "audio/ogg",
    ]


def test_every_episode_s_duration_equals_the_file_s(client, episodes):
    feed = parse(fetch(client))

    for episode in episodes:
        length = mutagen.File(stored_path(episode.audio_file)).info.length
        assert entry_for(feed, episode).itunes_duration == str(round(length))
    assert [round(mutagen.File(stored_path(e.audio_file)).info.length) for e in episodes] == [
        8,
        5,
        6,
    ]


def test_the_transcript_is_the_webvtt_file_or_the_plain_text(client, episodes):
    feed = parse(fetch(client))
    timed, plain, without = episodes

    assert entry_for(feed, timed).podcast_transcript == {
        "url": f"http://testserver{timed.transcript_file.url}",
        "type": "text/vtt",
        "language": "nl",
        "rel": "captions",
    }
    assert entry_for(feed, plain).podcast_transcript == {
        "url": f"http://testserver{plain.url}transcript.txt",
        "type": "text/plain",
        "language": "nl",
    }
    assert "podcast_transcript" not in entry_for(feed, without)


def test_the_transcript_addresses_in_the_feed_answer_with_the_text(client, episodes):
    timed, plain, _without = episodes

    vtt = client.get(timed.transcript_file.url)
    text = client.get(f"{plain.url}transcript.txt")

    assert vtt.status_code == 200
    assert b"".join(vtt.streaming_content).startswith(b"WEBVTT")
    assert text.status_code == 200
    assert text["Content-Type"] == "text/plain; charset=utf-8"
    assert text.content.decode() == "Een uitgeschreven tekst zonder tijden."


def test_an_episode_without_any_transcript_has_no_text_address(client, episodes):
    *_others, without = episodes

    assert client.get(f"{without.url}transcript.txt").status_code == 404


def test_episodes_come_newest_first(client, episodes):
    feed = parse(fetch(client))

    assert [entry.title for entry in feed.entries] == [e.title for e in reversed(episodes)]


def test_drafts_private_episodes_and_episodes_without_audio_stay_out(client, podcast, episodes):
    PodcastPageFactory(title="Nog geen audio")
    draft = episode_with_audio(title="Nog in concept")
    draft.unpublish()
    private = episode_with_audio(title="Alleen voor de redactie")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    titles = [entry.title for entry in parse(fetch(client)).entries]

    assert titles == [e.title for e in reversed(episodes)]


def test_an_episode_s_guid_stays_when_its_title_and_address_change(client, episodes):
    episode = episodes[0]
    before = entry_for(parse(fetch(client)), episode).id

    episode.title = "Wat werkt in de wijk (nieuwe titel)"
    episode.slug = "wat-werkt-in-de-wijk-nieuw"
    episode.save_revision().publish()

    assert entry_for(parse(fetch(client)), episode).id == before


def test_the_pub_date_is_the_first_publication_in_rfc_2822(client, podcast):
    moment = datetime.datetime(2026, 3, 29, 1, 30, tzinfo=datetime.UTC)
    episode = episode_with_audio()
    Page.objects.filter(pk=episode.pk).update(first_published_at=moment)

    entry = parse(fetch(client)).entries[0]

    assert entry.published == "Sun, 29 Mar 2026 01:30:00 GMT"
    assert parsedate_to_datetime(entry.published) == moment


def test_an_empty_podcast_still_gives_a_valid_feed(client, podcast):
    feed = parse(fetch(client))

    assert feed.feed.title == podcast.title
    assert feed.entries == []


def query_count(client, django_assert_max_num_queries, limit):
    fetch(client)  # warm the site and content-type caches
    with django_assert_max_num_queries(limit) as captured:
        fetch(client)
    return len(captured.captured_queries)


def test_the_feed_costs_the_same_queries_for_2_and_20_episodes(
    client, podcast, django_assert_max_num_queries
):
    podcast.cover_image = ImageFactory()
    podcast.save_revision().publish()
    for number in range(2):
        episode_with_audio(title=f"Aflevering {number}", passages=PASSAGES)
    few = query_count(client, django_assert_max_num_queries, 10)

    for number in range(2, 20):
        episode_with_audio(title=f"Aflevering {number}", passages=PASSAGES)
    many = query_count(client, django_assert_max_num_queries, 10)

    assert len(parse(fetch(client)).entries) == 20
    assert many == few


def test_the_index_page_links_its_feed_for_browsers_and_people(client, podcast):
    html = client.get(podcast.url).content.decode()

    assert (
        '<link rel="alternate" type="application/rss+xml" '
        'title="De podcast van Hart voor de Jeugd (podcastfeed)" '
        'href="http://testserver/podcasts/feed/">'
    ) in html
    assert "Abonneer in je podcastapp" in html
    assert 'value="http://testserver/podcasts/feed/"' in html


def test_the_publication_date_in_the_channel_is_the_newest_episode_s(client, episodes):
    feed = parse(fetch(client)).feed

    newest = max(episode.first_published_at for episode in episodes)
    assert parsedate_to_datetime(feed.updated) == newest.replace(microsecond=0)
    assert parsedate_to_datetime(feed.updated) <= timezone.now()
