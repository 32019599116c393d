"""A search that matches a timed passage links to that moment of the podcast or vlog."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.media import timestamp
from stories.models import PodcastPage, VlogPage
from tests.factories import ArticlePageFactory, PodcastPageFactory, VlogPageFactory
from tests.stories.podcast_helpers import upload

pytestmark = pytest.mark.django_db

PASSAGES = [
    {"start": 0.0, "end": 4.0, "text": "Welkom bij de podcast van Hart voor de Jeugd."},
    {"start": 4.0, "end": 83.0, "text": "Vandaag praten we over het wijkteam."},
    {"start": 83.5, "end": 90.0, "text": "Een pleegmoeder vertelt hoe het wijkteam hielp."},
    {"start": 3723.0, "end": 3730.0, "text": "Nog één keer: de pleegmoeder bedankt iedereen."},
]


def webvtt(passages):
    lines = ["WEBVTT", ""]
    for cue in passages:
        lines += [f"{timestamp(cue['start'])} --> {timestamp(cue['end'])}", cue["text"], ""]
    return "\n".join(lines).encode()


def with_passages(factory, passages=PASSAGES, **fields):
    """A published podcast or vlog with a WebVTT file of `passages`, read when publishing."""
    document = upload("passages.vtt", webvtt(passages))
    field = "captions" if factory is VlogPageFactory else "transcript_file"
    return factory(**fields, **{field: document})


def results_html(client, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def result_of(html, title):
    """The <li> of the search result with this title."""
    [item] = [
        item
        for item in re.findall(r'<li class="search-result">.*?</li>', html, flags=re.S)
        if title in item
    ]
    return item


def test_a_match_in_a_passage_links_to_its_moment_and_shows_it(client, home):
    episode = with_passages(PodcastPageFactory, title="Aflevering over de wijk", transcript="")

    item = result_of(results_html(client, "pleegmoeder"), "Aflevering over de wijk")

    assert f'<a href="{episode.url}?t=83#passage-3">Aflevering over de wijk</a>' in item
    assert f'<a href="{episode.url}?t=83#passage-3">Op 1:23</a>: Een <mark>pleegmoeder</mark>' in (
        item
    )


def test_the_passage_with_most_of_the_words_is_the_moment(client, home):
    episode = with_passages(PodcastPageFactory, title="Aflevering over de wijk")

    item = result_of(results_html(client, "wijkteam pleegmoeder"), "Aflevering over de wijk")

    # Passage 2 has "wijkteam" first, but passage 3 has both words.
    assert f'href="{episode.url}?t=83#passage-3"' in item


def test_a_moment_past_an_hour_is_written_with_hours(client, home):
    episode = with_passages(PodcastPageFactory, title="Lange aflevering")

    item = result_of(results_html(client, "bedankt"), "Lange aflevering")

    assert f'<a href="{episode.url}?t=3723#passage-4">Op 1:02:03</a>' in item


def test_a_vlog_s_captions_link_to_their_moment_too(client, home):
    vlog = with_passages(
        VlogPageFactory, title="Vlog uit de wijk", transcript="Een pleegmoeder vertelt."
    )

    item = result_of(results_html(client, "pleegmoeder"), "Vlog uit de wijk")

    assert f'href="{vlog.url}?t=83#passage-3"' in item


def test_a_story_matched_elsewhere_links_to_the_page_itself(client, home):
    episode = with_passages(
        PodcastPageFactory, title="Gezinshuis in beeld", intro="Over het gezinshuis."
    )
    article = ArticlePageFactory(title="Nog een gezinshuis")

    html = results_html(client, "gezinshuis")

    assert f'<a href="{episode.url}">Gezinshuis in beeld</a>' in result_of(html, "in beeld")
    assert f'<a href="{article.url}">Nog een gezinshuis</a>' in html
    assert "?t=" not in html
    assert "Op 0:" not in html


def test_a_passage_never_lets_markup_through(client, home):
    # Tags in a cue are WebVTT markup and are dropped; escaped ones are text and stay text.
    text = "&lt;script&gt;alert(1)&lt;/script&gt; <b>pleegzorg</b>"
    with_passages(
        PodcastPageFactory,
        passages=[{"start": 2.0, "end": 5.0, "text": text}],
        title="Veilige aflevering",
    )

    item = result_of(results_html(client, "pleegzorg"), "Veilige aflevering")

    assert "<script>alert(1)</script>" not in item
    assert "Op 0:02</a>: &lt;script&gt;alert(1)&lt;/script&gt; <mark>pleegzorg</mark>" in item


def queries_for(client, query):
    client.get("/zoeken/", {"q": query})
    with CaptureQueriesContext(connection) as context:
        response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    return len(context.captured_queries)


def test_moments_cost_the_same_queries_for_2_and_12_podcasts_and_vlogs(client, home):
    for number in range(2):
        with_passages(PodcastPageFactory, title=f"Pleegmoeder {number}")
    few = queries_for(client, "pleegmoeder")

    for number in range(2, 12):
        factory = PodcastPageFactory if number % 2 else VlogPageFactory
        with_passages(factory, title=f"Pleegmoeder {number}")
    many = queries_for(client, "pleegmoeder")

    assert PodcastPage.objects.count() + VlogPage.objects.count() == 12
    assert results_html(client, "pleegmoeder").count("Op 1:23") == 12
    assert many == few


def test_short_words_alone_do_not_make_a_moment(client, home):
    episode = with_passages(PodcastPageFactory, title="Aflevering over de wijk")

    item = result_of(results_html(client, "de pleegmoeder"), "Aflevering over de wijk")

    # Passage 1 says "de" first; the moment is where "pleegmoeder" is said.
    assert f'href="{episode.url}?t=83#passage-3"' in item
