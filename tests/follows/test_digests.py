"""What a digest lists (follows.digests): the period's window, what is new per follow, each
page once, nothing private, and a fixed number of queries however much is new."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import PageViewRestriction

from follows.digests import collect, window_for
from follows.models import Period
from tests.factories import (
    ArticlePageFactory,
    ChangeTaskFactory,
    DialogueThreadPageFactory,
    RegionFactory,
    ThemeFactory,
    VlogPageFactory,
    WebinarPageFactory,
)
from tests.follows.digest_helpers import (
    follow,
    follow_search,
    index_pages,
    inside,
    member_follower,
    story,
    visible_reply,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAY = datetime.timedelta(days=1)


def amsterdam(*parts):
    return datetime.datetime(*parts, tzinfo=AMSTERDAM)


def utc(*parts):
    return datetime.datetime(*parts, tzinfo=datetime.UTC)


def titles(section):
    return [page.title for page in section.pages]


@pytest.fixture
def weekly():
    return window_for(Period.WEEKLY)


@pytest.fixture
def pleegzorg(db):
    return ThemeFactory(name="Pleegzorg")


# --- Windows --------------------------------------------------------------------------------


def test_a_daily_digest_covers_the_previous_calendar_day_in_amsterdam():
    # 00:30 in Amsterdam on 29 March 2026 is still the 28th in UTC.
    window = window_for(Period.DAILY, now=utc(2026, 3, 28, 23, 30))
    assert (window.start, window.end) == (amsterdam(2026, 3, 28), amsterdam(2026, 3, 29))
    # The day summer time starts is 23 hours long.
    window = window_for(Period.DAILY, now=utc(2026, 3, 30, 5))
    assert (window.start, window.end) == (amsterdam(2026, 3, 29), amsterdam(2026, 3, 30))
    assert window.end.astimezone(datetime.UTC) - window.start == datetime.timedelta(hours=23)
    assert window.next_end == amsterdam(2026, 3, 31)


def test_a_weekly_digest_covers_the_previous_iso_week_monday_to_sunday():
    expected = (amsterdam(2026, 11, 23), amsterdam(2026, 11, 30))
    for now in (
        utc(2026, 11, 29, 23, 0),  # Monday 30 November, 00:00 in Amsterdam
        utc(2026, 12, 3, 7, 0),  # Thursday
        utc(2026, 12, 6, 22, 59),  # Sunday 6 December, 23:59 in Amsterdam
    ):
        window = window_for(Period.WEEKLY, now=now)
        assert (window.start, window.end) == expected
        assert window.next_end == amsterdam(2026, 12, 7)


def test_an_unknown_period_is_refused():
    with pytest.raises(ValueError, match="Not a period"):
        window_for("monthly")


# --- What a follow finds --------------------------------------------------------------------


def test_a_theme_follow_lists_new_stories_upcoming_webinars_and_active_dialogues(
    home, weekly, pleegzorg
):
    follower = member_follower()
    follow(follower, theme=pleegzorg)
    other = ThemeFactory(name="Wijkteams")
    story(ArticlePageFactory, weekly, title="Nieuw pleeggezin", themes=[pleegzorg])
    story(VlogPageFactory, weekly, title="Vlog over pleegzorg", themes=[pleegzorg])
    story(ArticlePageFactory, weekly, title="Ander thema", themes=[other])
    ArticlePageFactory(
        title="Van vorige maand", themes=[pleegzorg], first_published_at=weekly.start - 20 * DAY
    )
    story(WebinarPageFactory, weekly, title="Webinar pleegzorg", themes=[pleegzorg])
    story(
        WebinarPageFactory,
        weekly,
        title="Webinar dat al was",
        themes=[pleegzorg],
        start=weekly.start + DAY,
        end=weekly.start + DAY + datetime.timedelta(hours=1),
    )
    active = DialogueThreadPageFactory(
        title="Dialoog met reacties", themes=[pleegzorg], first_published_at=weekly.start - 9 * DAY
    )
    visible_reply(active, inside(weekly))
    quiet = DialogueThreadPageFactory(
        title="Stille dialoog", themes=[pleegzorg], first_published_at=weekly.start - 9 * DAY
    )
    visible_reply(quiet, weekly.start - DAY)

    [section] = collect(follower, weekly).sections

    assert sorted(page.title for page in section.stories) == [
        "Nieuw pleeggezin",
        "Vlog over pleegzorg",
    ]
    assert [page.title for page in section.webinars] == ["Webinar pleegzorg"]
    assert [page.title for page in section.dialogues] == ["Dialoog met reacties"]


def test_a_webinar_published_earlier_is_listed_when_it_starts_in_the_next_period(
    home, weekly, pleegzorg
):
    follower = member_follower()
    follow(follower, theme=pleegzorg)
    soon = weekly.end + 3 * DAY
    WebinarPageFactory(
        title="Webinar volgende week",
        themes=[pleegzorg],
        first_published_at=weekly.start - 30 * DAY,
        start=max(soon, weekly.end + DAY),
        end=max(soon, weekly.end + DAY) + datetime.timedelta(hours=1),
    )
    WebinarPageFactory(
        title="Webinar over een maand",
        themes=[pleegzorg],
        first_published_at=weekly.start - 30 * DAY,
        start=weekly.next_end + 20 * DAY,
        end=weekly.next_end + 20 * DAY + datetime.timedelta(hours=1),
    )
    content = collect(follower, weekly, now=weekly.end)
    assert [titles(section) for section in content.sections] == [["Webinar volgende week"]]


def test_region_and_change_task_follows_find_their_terms(home, weekly):
    follower = member_follower()
    drenthe, thuis = RegionFactory(name="Drenthe"), ChangeTaskFactory(name="Thuis opgroeien")
    follow(follower, region=drenthe)
    follow(follower, change_task=thuis)
    story(ArticlePageFactory, weekly, title="Uit Drenthe", regions=[drenthe])
    story(ArticlePageFactory, weekly, title="Over thuis opgroeien", change_tasks=[thuis])
    story(ArticlePageFactory, weekly, title="Over iets anders")

    sections = collect(follower, weekly).sections

    assert [(s.follow.kind, titles(s)) for s in sections] == [
        ("region", ["Uit Drenthe"]),
        ("change_task", ["Over thuis opgroeien"]),
    ]


def test_a_follow_made_during_the_window_lists_only_what_came_after_it(home, weekly, pleegzorg):
    follower = member_follower()
    follow(follower, theme=pleegzorg, since=inside(weekly, hours=48))
    story(ArticlePageFactory, weekly, hours=24, title="Voor het volgen", themes=[pleegzorg])
    story(ArticlePageFactory, weekly, hours=72, title="Na het volgen", themes=[pleegzorg])

    [section] = collect(follower, weekly).sections

    assert titles(section) == ["Na het volgen"]


def test_a_follow_made_after_the_window_lists_nothing_yet(home, weekly, pleegzorg):
    follower = member_follower()
    follow(follower, theme=pleegzorg, since=weekly.end + datetime.timedelta(minutes=1))
    story(ArticlePageFactory, weekly, title="Nieuw pleeggezin", themes=[pleegzorg])
    assert not collect(follower, weekly)


def test_drafts_private_and_unpublished_pages_never_appear(home, weekly, pleegzorg):
    follower = member_follower()
    follow(follower, theme=pleegzorg)
    story(ArticlePageFactory, weekly, title="Openbaar", themes=[pleegzorg])
    ArticlePageFactory(title="Concept", themes=[pleegzorg], live=False)
    private = story(ArticlePageFactory, weekly, title="Alleen voor leden", themes=[pleegzorg])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    withdrawn = story(ArticlePageFactory, weekly, title="Teruggetrokken", themes=[pleegzorg])
    withdrawn.unpublish()
    hidden_thread = DialogueThreadPageFactory(title="Besloten dialoog", themes=[pleegzorg])
    PageViewRestriction.objects.create(
        page=hidden_thread, restriction_type="password", password="geheim"
    )
    visible_reply(hidden_thread, inside(weekly))
    follow(follower, dialogue=hidden_thread)

    [section] = collect(follower, weekly).sections

    assert titles(section) == ["Openbaar"]


def test_each_page_is_listed_once_under_the_first_follow_that_found_it(home, weekly, pleegzorg):
    follower = member_follower()
    drenthe = RegionFactory(name="Drenthe")
    follow(follower, theme=pleegzorg)
    follow(follower, region=drenthe)
    story(ArticlePageFactory, weekly, title="Beide", themes=[pleegzorg], regions=[drenthe])
    story(ArticlePageFactory, weekly, title="Alleen Drenthe", regions=[drenthe])

    sections = collect(follower, weekly).sections

    assert [titles(section) for section in sections] == [["Beide"], ["Alleen Drenthe"]]


def test_a_dialogue_follow_counts_the_replies_that_became_visible_in_the_window(home, weekly):
    follower = member_follower()
    thread = DialogueThreadPageFactory(title="Wat helpt jou?")
    follow(follower, dialogue=thread)
    visible_reply(thread, weekly.start - DAY, text="Van vorige week.")
    visible_reply(thread, inside(weekly, 10), text="Eerste nieuwe.")
    visible_reply(thread, inside(weekly, 50), text="Tweede nieuwe.")

    [section] = collect(follower, weekly).sections

    assert titles(section) == ["Wat helpt jou?"]
    assert section.new_replies == 2
    assert collect(follower, weekly).summary()["replies"] == {str(thread.pk): 2}


def test_a_followed_dialogue_without_new_replies_brings_nothing(home, weekly):
    follower = member_follower()
    thread = DialogueThreadPageFactory(title="Wat helpt jou?")
    follow(follower, dialogue=thread)
    visible_reply(thread, weekly.start - DAY)
    assert not collect(follower, weekly)


def test_a_search_follow_lists_new_matches_of_the_public_search(home, weekly, pleegzorg):
    follower = member_follower()
    follow_search(follower, "q=pleeggezin")
    story(ArticlePageFactory, weekly, title="Een nieuw pleeggezin in Assen")
    story(ArticlePageFactory, weekly, title="Het wijkteam in Emmen")
    ArticlePageFactory(
        title="Een pleeggezin van vorig jaar", first_published_at=weekly.start - 300 * DAY
    )
    index_pages()

    [section] = collect(follower, weekly).sections

    assert titles(section) == ["Een nieuw pleeggezin in Assen"]


def test_a_search_follow_keeps_to_its_filters(home, weekly, pleegzorg):
    follower = member_follower()
    follow_search(follower, f"q=gezin&thema={pleegzorg.slug}")
    story(ArticlePageFactory, weekly, title="Een gezin en pleegzorg", themes=[pleegzorg])
    story(ArticlePageFactory, weekly, title="Een gezin zonder thema")
    index_pages()

    [section] = collect(follower, weekly).sections

    assert titles(section) == ["Een gezin en pleegzorg"]


def test_the_summary_names_the_follows_and_pages_listed(home, weekly, pleegzorg):
    follower = member_follower()
    made = follow(follower, theme=pleegzorg)
    page = story(ArticlePageFactory, weekly, title="Nieuw", themes=[pleegzorg])

    summary = collect(follower, weekly).summary()

    assert summary["follows"] == [made.pk]
    assert summary["pages"] == [page.pk]
    assert summary["window"] == [weekly.start.isoformat(), weekly.end.isoformat()]


# --- Queries --------------------------------------------------------------------------------


def several_follows_with(count, weekly):
    follower = member_follower()
    theme, region, task = ThemeFactory(), RegionFactory(), ChangeTaskFactory()
    thread = DialogueThreadPageFactory(first_published_at=weekly.start - 9 * DAY)
    follow(follower, theme=theme)
    follow(follower, region=region)
    follow(follower, change_task=task)
    follow(follower, dialogue=thread)
    for number in range(count):
        story(ArticlePageFactory, weekly, hours=number + 1, themes=[theme])
        story(ArticlePageFactory, weekly, hours=number + 1, regions=[region])
        story(ArticlePageFactory, weekly, hours=number + 1, change_tasks=[task])
        story(WebinarPageFactory, weekly, hours=number + 1, themes=[theme])
        busy = DialogueThreadPageFactory(first_published_at=weekly.start - 9 * DAY, themes=[theme])
        visible_reply(busy, inside(weekly, number + 1))
        visible_reply(thread, inside(weekly, number + 1))
    return follower


@pytest.mark.parametrize("count", [1, 4])
def test_a_digest_costs_the_same_few_queries_however_much_is_new(
    home, weekly, count, django_assert_max_num_queries
):
    follower = several_follows_with(count, weekly)
    with django_assert_max_num_queries(8):
        content = collect(follower, weekly)
    assert [len(section.pages) for section in content.sections] == [
        3 * count,
        count,
        count,
        1,
    ]
