"""A podcast episode's page: player, episode details, timed transcript and the editors' notice."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from stories.models import PodcastPage
from tests.factories import ArticlePageFactory, PodcastPageFactory
from tests.stories.podcast_helpers import PASSAGES, episode_with_audio, upload

pytestmark = pytest.mark.django_db

NOTICE = "Deze pagina heeft nog geen uitgeschreven tekst."


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_has_an_audio_player_typed_from_the_file_and_a_download(client, home):
    episode = episode_with_audio(file_format="m4a", season_number=2, episode_number=7)

    html = html_of(client, episode)

    assert re.search(r'<audio class="media__audio" controls preload="metadata"', html)
    assert f'<source src="{episode.audio_file.url}" type="audio/mp4">' in html
    assert f'<a href="{episode.audio_file.url}" download>' in html
    assert "<li>Seizoen 2</li>" in html
    assert "<li>Aflevering 7</li>" in html
    assert '<time datetime="PT8S">8 seconden</time>' in html


def test_a_longer_episode_shows_its_duration_in_minutes(client, home):
    episode = PodcastPageFactory()
    PodcastPage.objects.filter(pk=episode.pk).update(duration=datetime.timedelta(minutes=32))

    assert '<time datetime="PT1920S">32 minuten</time>' in html_of(client, episode)


def test_each_timed_passage_links_to_its_moment_in_the_audio(client, home):
    episode = episode_with_audio(seconds=16, passages=PASSAGES)

    html = html_of(client, episode)

    for number, text in enumerate(PASSAGES, start=1):
        seconds = (number - 1) * 4
        assert (
            f'<li class="transcript__passage" id="passage-{number}" '
            f'data-start="{seconds}.0" data-end="{seconds + 4}.0">'
        ) in html
        assert f'href="{episode.audio_file.url}#t={seconds}" data-seek="{seconds}.0"' in html
        assert f'<p class="transcript__text">{text}</p>' in html
    assert '<time datetime="PT12S">0:12</time>' in html


def test_the_passages_win_over_the_plain_text_when_there_are_both(client, home):
    episode = episode_with_audio(passages=PASSAGES, transcript="Alleen de platte tekst.")

    html = html_of(client, episode)

    assert PASSAGES[1] in html
    assert "Alleen de platte tekst." not in html


def test_a_plain_transcript_is_shown_as_paragraphs(client, home):
    episode = PodcastPageFactory(transcript="Eerste alinea.\n\nTweede alinea.")

    html = html_of(client, episode)

    assert "<p>Eerste alinea.</p>\n\n<p>Tweede alinea.</p>" in html
    assert "transcript__passage" not in html


def test_the_media_script_is_loaded_on_podcast_pages_only(client, home):
    episode = PodcastPageFactory()
    article = ArticlePageFactory()

    assert '<script src="/static/js/media.js" defer></script>' in html_of(client, episode)
    assert "media.js" not in html_of(client, article)


def test_a_word_said_only_in_a_timed_passage_finds_the_episode(client, home):
    episode = episode_with_audio(passages=["Het gaat vandaag over de gezinsvoogd."], transcript="")

    found = client.get("/zoeken/", {"q": "gezinsvoogd"}).context["results"]

    assert [page.pk for page in found] == [episode.pk]


def test_an_invalid_webvtt_file_is_refused_with_its_line_in_dutch(home):
    episode = PodcastPageFactory()
    episode.transcript_file = upload("kapot.vtt", b"WEBVTT\n\n00:01.000 --> 00:99.000\nTekst\n")

    with pytest.raises(ValidationError) as caught:
        episode.full_clean()

    [message] = caught.value.message_dict["transcript_file"]
    assert message.startswith("Regel 3 (passage 1): de tijdcode")


def test_editors_see_a_notice_when_an_episode_has_no_transcript(editor_client, home):
    episode = PodcastPageFactory(transcript="")

    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[episode.pk]))

    assert response.status_code == 200
    assert NOTICE in response.content.decode()


@pytest.mark.parametrize("with_file", [True, False])
def test_the_notice_is_gone_once_there_is_a_transcript(editor_client, home, with_file):
    if with_file:
        episode = episode_with_audio(passages=PASSAGES, transcript="")
    else:
        episode = PodcastPageFactory(transcript="Wel een uitgeschreven tekst.")

    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[episode.pk]))

    assert response.status_code == 200
    assert NOTICE not in response.content.decode()
