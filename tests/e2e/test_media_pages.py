"""Vlogs, podcasts and webinars from the demo content in Chromium: players, captions, embeds."""

from urllib.parse import urlsplit

import pytest

from stories.models import PodcastPage, VlogPage, WebinarPage
from tests.e2e.test_share_story_flow import assert_no_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NETWORK_SCHEMES = {"http", "https", "ws", "wss"}
PLAYER = "https://www.youtube-nocookie.com/embed/"


def youtube_vlog():
    return VlogPage.objects.live().get(video_url__contains="youtube.com")


def uploaded_vlog():
    return VlogPage.objects.live().filter(captions__isnull=False).order_by("path").first()


def hosts(urls):
    return {urlsplit(url).netloc for url in urls if urlsplit(url).scheme in NETWORK_SCHEMES}


def test_the_youtube_placeholder_requests_nothing_elsewhere_until_played_with_the_keyboard(
    page, demo_site
):
    site = urlsplit(demo_site.url).netloc
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    # Nothing may leave the machine: requests to other hosts are recorded, then refused.
    page.route(lambda url: urlsplit(url).netloc != site, lambda route: route.abort())
    vlog = youtube_vlog()

    page.goto(vlog.url)
    page.wait_for_load_state("networkidle")
    before_playing = list(requested)

    assert before_playing
    assert hosts(before_playing) == {site}
    assert page.locator("iframe").count() == 0
    play = page.get_by_role("button", name="Video afspelen via YouTube")
    play.focus()
    with page.expect_request(lambda request: request.url.startswith(PLAYER)):
        page.keyboard.press("Enter")

    player = page.locator("iframe.video-embed__iframe")
    assert player.get_attribute("src").startswith(f"{PLAYER}M7lc1UVf-VE")
    assert player.get_attribute("title") == f"Video: {vlog.title} (YouTube)"
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    assert "www.youtube-nocookie.com" in hosts(requested[len(before_playing) :])
    assert "www.youtube.com" not in hosts(requested)


def test_without_javascript_the_youtube_vlog_links_to_youtube_and_loads_nothing_from_it(
    browser, demo_site
):
    context = browser.new_context(base_url=demo_site.url, java_script_enabled=False)
    tab = context.new_page()
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    vlog = youtube_vlog()

    tab.goto(vlog.url)
    tab.wait_for_load_state("networkidle")

    link = tab.get_by_role("link", name="Bekijk op YouTube")
    assert link.get_attribute("href") == vlog.video_url
    assert tab.get_by_role("button", name="Video afspelen via YouTube").count() == 0
    assert hosts(requested) == {urlsplit(demo_site.url).netloc}
    context.close()


def test_an_uploaded_vlog_lists_its_dutch_captions_track_and_loads_its_cues(page):
    vlog = uploaded_vlog()

    page.goto(vlog.url)
    tracks = page.evaluate(
        """() => Array.from(document.querySelector("video").textTracks).map(
            (track) => ({kind: track.kind, label: track.label, language: track.language})
        )"""
    )
    page.evaluate('() => { document.querySelector("video").textTracks[0].mode = "hidden"; }')
    page.wait_for_function(
        """() => {
            const track = document.querySelector("video").textTracks[0];
            return track.cues !== null && track.cues.length > 0;
        }"""
    )
    cues = page.evaluate(
        '() => Array.from(document.querySelector("video").textTracks[0].cues, (cue) => cue.text)'
    )
    captions = page.request.get(page.locator("video track").get_attribute("src"))

    assert tracks == [{"kind": "captions", "label": "Nederlands", "language": "nl"}]
    assert cues == [cue["text"] for cue in vlog.transcript_cues]
    assert captions.headers["content-type"].split(";")[0] == "text/vtt"
    assert page.locator("video source").get_attribute("type") == vlog.video_type
    assert page.locator(".transcript__passage").count() == len(vlog.transcript_cues)


def test_every_media_page_type_has_no_wcag_21_aa_violations(page, subtests):
    webinars = WebinarPage.objects.live().order_by("start")
    urls = {
        "vlog with video": uploaded_vlog().url,
        "vlog with YouTube placeholder": youtube_vlog().url,
        "vlogs": "/vlogs/",
        "podcast episode": PodcastPage.objects.live().order_by("path").first().url,
        "podcasts": "/podcasts/",
        "past webinar": next(webinar for webinar in webinars if webinar.is_past).url,
        "upcoming webinar": next(webinar for webinar in webinars if not webinar.is_past).url,
        "webinars": "/webinars/",
    }

    for name, url in urls.items():
        with subtests.test(page=name):
            assert page.goto(url).status == 200
            assert_no_violations(page)
