"""The podcast player in Chromium: it plays, a passage's time seeks it, ?t= starts there."""

import pytest
from playwright.sync_api import expect

from tests.e2e.test_share_story_flow import assert_no_violations
from tests.stories.podcast_helpers import PASSAGES, episode_with_audio

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PLAYER = "audio.media__audio"


@pytest.fixture
def episode(demo_site):
    """An episode of 20 seconds with a passage every 4 seconds (0:00, 0:04, 0:08, 0:12)."""
    return episode_with_audio(title="Pleegzorg in de wijk", seconds=20, passages=PASSAGES)


def player_state(page):
    return page.eval_on_selector(
        PLAYER, "audio => ({time: audio.currentTime, paused: audio.paused, ended: audio.ended})"
    )


def wait_until_playing_past(page, seconds):
    page.wait_for_function(
        "([selector, seconds]) => {"
        "  const audio = document.querySelector(selector);"
        "  return !audio.paused && audio.currentTime > seconds;"
        "}",
        arg=[PLAYER, seconds],
        timeout=10_000,
    )


def test_clicking_a_passage_s_time_plays_the_audio_from_there(page, episode):
    page.goto(episode.url)
    assert player_state(page)["paused"]

    page.get_by_role("link", name="Afspelen vanaf 0:04").click()

    wait_until_playing_past(page, 4.3)
    state = player_state(page)
    assert not state["paused"]
    assert 4 < state["time"] < 8
    expect(page.locator("#passage-2")).to_have_attribute("aria-current", "true")
    expect(page.locator('.transcript__passage[aria-current="true"]')).to_have_count(1)


def test_a_later_passage_seeks_the_playing_audio_forward_and_back(page, episode):
    page.goto(episode.url)
    page.get_by_role("link", name="Afspelen vanaf 0:12").click()
    wait_until_playing_past(page, 12.2)

    page.get_by_role("link", name="Afspelen vanaf 0:04").click()

    page.wait_for_function(
        "selector => { const a = document.querySelector(selector); return a.currentTime < 8; }",
        arg=PLAYER,
    )
    wait_until_playing_past(page, 4.2)
    assert player_state(page)["time"] < 8
    expect(page.locator("#passage-2")).to_have_attribute("aria-current", "true")
    expect(page.locator("#passage-4")).not_to_have_attribute("aria-current", "true")


def test_the_page_address_with_t_starts_the_player_at_that_moment(page, episode):
    page.goto(f"{episode.url}?t=8#passage-3")

    page.wait_for_function(
        "selector => Math.abs(document.querySelector(selector).currentTime - 8) < 0.1",
        arg=PLAYER,
    )
    assert player_state(page)["paused"]  # a visitor starts it; browsers refuse autoplay
    expect(page.locator("#passage-3")).to_be_in_viewport()


def test_a_media_fragment_in_the_page_address_works_too(page, episode):
    page.goto(f"{episode.url}#t=12")

    page.wait_for_function(
        "selector => Math.abs(document.querySelector(selector).currentTime - 12) < 0.1",
        arg=PLAYER,
    )


def test_the_time_links_are_reachable_by_keyboard_and_play_with_enter(page, episode):
    page.goto(episode.url)
    link = page.get_by_role("link", name="Afspelen vanaf 0:08")

    link.focus()
    page.keyboard.press("Enter")

    wait_until_playing_past(page, 8.2)
    assert page.evaluate("document.activeElement.getAttribute('data-seek')") == "8.0"


def test_the_podcast_page_and_index_have_no_wcag_21_aa_violations(page, episode, subtests):
    for url in [episode.url, "/podcasts/"]:
        with subtests.test(url=url):
            assert page.goto(url).status == 200
            assert_no_violations(page)
