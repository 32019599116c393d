"""`send_digests`: one e-mail per follower and period in the real outbox, none when nothing is
new, none twice, the record of what was sent, and the links and headers the e-mail carries."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import CommandError

from core.site_address import base_url
from follows.digests import window_for
from follows.models import Digest, Follow, Follower, Period
from tests.factories import (
    ArticlePageFactory,
    DialogueThreadPageFactory,
    RegionFactory,
    ThemeFactory,
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
    visitor_follower,
)
from tests.utils import run_command

DAY = datetime.timedelta(days=1)
URL = re.compile(r"https?://[^\s<>\"]+")


@pytest.fixture
def weekly():
    return window_for(Period.WEEKLY)


@pytest.fixture
def daily():
    return window_for(Period.DAILY)


@pytest.fixture
def pleegzorg(db):
    return ThemeFactory(name="Pleegzorg", slug="pleegzorg")


def send(period="weekly"):
    return run_command("send_digests", period=period)


def html_of(message):
    [(html, kind)] = message.alternatives
    assert kind == "text/html"
    return html


@pytest.fixture
def member_with_several_follows(home, weekly, pleegzorg):
    """A member who follows a theme, a region, a dialogue and a search, with news for each."""
    follower = member_follower(display_name="Sanne")
    drenthe = RegionFactory(name="Drenthe")
    thread = DialogueThreadPageFactory(
        title="Wat helpt bij een overplaatsing?", first_published_at=weekly.start - 9 * DAY
    )
    follow(follower, theme=pleegzorg)
    follow(follower, region=drenthe)
    follow(follower, dialogue=thread)
    follow_search(follower, "q=buurtgezin")
    story(
        ArticlePageFactory,
        weekly,
        title="Pleegzorg in Drenthe",
        themes=[pleegzorg],
        regions=[drenthe],
    )
    story(ArticlePageFactory, weekly, title="Een wijkteam in Drenthe", regions=[drenthe])
    story(WebinarPageFactory, weekly, title="Webinar over pleegzorg", themes=[pleegzorg])
    story(ArticlePageFactory, weekly, title="Een buurtgezin helpt", themes=[pleegzorg])
    visible_reply(thread, inside(weekly))
    visible_reply(thread, inside(weekly, 60))
    index_pages()
    return follower


def test_several_follows_bring_one_email_with_every_section_and_each_page_once(
    member_with_several_follows, mailoutbox
):
    output = send()

    [message] = mailoutbox
    assert message.to == [member_with_several_follows.user.email]
    assert message.subject == "Nieuw op Hart voor de Jeugd deze week"
    assert "1 overzicht(en) verstuurd" in output
    body = message.body
    assert body.startswith("Hallo Sanne,")
    for heading in (
        "== Thema: Pleegzorg ==",
        "== Jeugdregio: Drenthe ==",
        "== Dialoog: Wat helpt bij een overplaatsing? ==",
    ):
        assert heading in body
    for title in (
        "Pleegzorg in Drenthe",
        "Een wijkteam in Drenthe",
        "Webinar over pleegzorg",
        "Een buurtgezin helpt",
        "Wat helpt bij een overplaatsing?",
    ):
        assert body.count(f"- {title} (") == 1, title
    assert "2 nieuwe reacties" in body
    # The story the theme found is not listed again under the region or the search, so the
    # search (which found nothing else) has no section.
    assert "buurtgezin”" not in body
    assert body.count("Niet meer volgen") == 3


def test_a_second_run_sends_nothing_and_one_record_says_what_was_sent(
    member_with_several_follows, mailoutbox
):
    send()
    output = send()

    assert len(mailoutbox) == 1
    assert "0 overzicht(en) verstuurd" in output
    [digest] = Digest.objects.all()
    assert digest.follower == member_with_several_follows
    assert digest.period == Period.WEEKLY
    assert digest.period_start == window_for(Period.WEEKLY).start
    assert len(digest.summary["pages"]) == 5
    assert len(digest.summary["follows"]) == 3


def test_nothing_new_sends_nothing_and_records_nothing(home, weekly, pleegzorg, mailoutbox):
    follower = member_follower()
    follow(follower, theme=pleegzorg)
    ArticlePageFactory(themes=[pleegzorg], first_published_at=weekly.start - 3 * DAY)
    story(ArticlePageFactory, weekly, title="Over iets anders")

    output = send()

    assert mailoutbox == []
    assert not Digest.objects.exists()
    assert "1 zonder nieuws" in output


def test_one_follow_names_it_in_the_subject(home, weekly, pleegzorg, mailoutbox):
    follower = member_follower()
    follow(follower, theme=pleegzorg)
    story(ArticlePageFactory, weekly, title="Nieuw pleeggezin", themes=[pleegzorg])

    send()

    assert [message.subject for message in mailoutbox] == ["Nieuw over Pleegzorg deze week"]


def test_daily_and_weekly_followers_each_get_their_own_period(
    home, daily, weekly, pleegzorg, mailoutbox
):
    every_day = member_follower(period=Period.DAILY)
    every_week = member_follower(period=Period.WEEKLY)
    follow(every_day, theme=pleegzorg)
    follow(every_week, theme=pleegzorg)
    story(ArticlePageFactory, daily, hours=12, title="Van gisteren", themes=[pleegzorg])
    story(ArticlePageFactory, weekly, hours=12, title="Van vorige week", themes=[pleegzorg])
    ArticlePageFactory(
        title="Van daarvoor", themes=[pleegzorg], first_published_at=weekly.start - DAY
    )

    send("daily")
    [message] = mailoutbox
    assert message.to == [every_day.user.email]
    assert message.subject == "Nieuw over Pleegzorg vandaag"
    assert "Van gisteren" in message.body
    assert "Van daarvoor" not in message.body
    # Yesterday may belong to last week (on a Monday), never a day before last week.
    assert ("Van vorige week" in message.body) == (daily.start <= inside(weekly, 12))

    mailoutbox.clear()
    send("weekly")
    [message] = mailoutbox
    assert message.to == [every_week.user.email]
    assert "Van vorige week" in message.body
    assert "Van daarvoor" not in message.body
    assert Digest.objects.filter(period=Period.DAILY, follower=every_day).count() == 1
    assert Digest.objects.filter(period=Period.WEEKLY, follower=every_week).count() == 1


def test_only_confirmed_visitors_and_active_members_get_a_digest(
    home, weekly, pleegzorg, mailoutbox
):
    confirmed = visitor_follower("bevestigd@example.org")
    unconfirmed = visitor_follower("onbevestigd@example.org", confirmed=False)
    gone = member_follower()
    gone.user.is_active = False
    gone.user.save()
    for follower in (confirmed, unconfirmed, gone):
        follow(follower, theme=pleegzorg)
    story(ArticlePageFactory, weekly, title="Nieuw pleeggezin", themes=[pleegzorg])

    send()

    [message] = mailoutbox
    assert message.to == ["bevestigd@example.org"]
    assert message.body.startswith("Hallo,")
    assert list(Digest.objects.values_list("follower", flat=True)) == [confirmed.pk]


def test_the_email_carries_one_click_unsubscribe_headers_and_absolute_links(
    home, weekly, pleegzorg, mailoutbox
):
    follower = member_follower()
    made = follow(follower, theme=pleegzorg)
    page = story(ArticlePageFactory, weekly, title="Nieuw pleeggezin", themes=[pleegzorg])

    send()

    [message] = mailoutbox
    base = base_url()
    all_url = f"{base}/volgen/alles-afmelden/{follower.token}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{all_url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = html_of(message)
    for part in (message.body, html):
        assert f"{base}/volgen/afmelden/{made.token}/" in part
        assert all_url in part
        assert f"{base}/volgen/beheren/{follower.token}/" in part
        assert f"{base}{page.url}" in part
        assert "Afmelden voor alles" in part
        assert "Beheer wat je volgt" in part
    assert all(urlsplit(url).scheme in ("http", "https") for url in URL.findall(message.body))


def test_titles_are_escaped_in_the_html_email(home, weekly, pleegzorg, mailoutbox):
    follower = member_follower(display_name="<b>Sanne</b>")
    follow(follower, theme=pleegzorg)
    story(
        ArticlePageFactory,
        weekly,
        title="<script>alert(1)</script> & meer",
        slug="script",
        themes=[pleegzorg],
    )

    send()

    [message] = mailoutbox
    html = html_of(message)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer" in html
    assert "&lt;b&gt;Sanne&lt;/b&gt;" in html
    # The plain text keeps them as typed.
    assert "<script>alert(1)</script> & meer" in message.body


def test_the_links_in_the_email_unsubscribe(client, home, weekly, pleegzorg, mailoutbox):
    follower = member_follower()
    drenthe = RegionFactory(name="Drenthe")
    follow(follower, theme=pleegzorg)
    follow(follower, region=drenthe)
    story(ArticlePageFactory, weekly, title="Pleegzorg", themes=[pleegzorg])
    story(ArticlePageFactory, weekly, title="Drenthe", regions=[drenthe])
    send()
    [message] = mailoutbox
    [theme_link] = re.findall(r"Niet meer volgen \(Pleegzorg\):\n(\S+)", message.body)

    # Opening the link asks first (mail scanners open links); the button stops the follow.
    assert client.get(urlsplit(theme_link).path).status_code == 200
    assert Follow.objects.filter(theme=pleegzorg).exists()
    assert client.post(urlsplit(theme_link).path).status_code == 200
    assert not Follow.objects.filter(theme=pleegzorg).exists()
    assert Follow.objects.filter(region=drenthe).exists()

    # The one-click POST a mail program sends to List-Unsubscribe stops everything.
    all_link = message.extra_headers["List-Unsubscribe"].strip("<>")
    response = client.post(
        urlsplit(all_link).path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Follow.objects.filter(follower=follower).exists()


def test_a_failed_send_leaves_no_record_and_does_not_stop_the_others(
    home, weekly, pleegzorg, mailoutbox, settings
):
    first = visitor_follower("eerste@example.org")
    refused = visitor_follower("geweigerd@example.org")
    last = visitor_follower("laatste@example.org")
    for follower in (first, refused, last):
        follow(follower, theme=pleegzorg)
    story(ArticlePageFactory, weekly, title="Nieuw pleeggezin", themes=[pleegzorg])
    settings.EMAIL_BACKEND = "tests.follows.refusing_backend.RefusingBackend"

    output = send()

    assert sorted(message.to[0] for message in mail.outbox) == [
        "eerste@example.org",
        "laatste@example.org",
    ]
    assert "1 mislukt" in output
    assert set(Digest.objects.values_list("follower", flat=True)) == {first.pk, last.pk}

    # The next run tries the refused one again, and only that one.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    send()
    assert [message.to for message in mail.outbox] == [["geweigerd@example.org"]]


def test_a_dry_run_sends_and_records_nothing(home, weekly, pleegzorg, mailoutbox):
    follower = member_follower()
    follow(follower, theme=pleegzorg)
    story(ArticlePageFactory, weekly, title="Nieuw pleeggezin", themes=[pleegzorg])

    output = run_command("send_digests", period="weekly", dry_run=True)

    assert "1 zou(den) een overzicht krijgen" in output
    assert mailoutbox == []
    assert not Digest.objects.exists()


def test_the_period_must_be_daily_or_weekly(db):
    with pytest.raises(CommandError):
        run_command("send_digests", "--period", "monthly")


def test_a_follower_without_follows_gets_nothing(db, mailoutbox):
    Follower.objects.create(email="leeg@example.org", confirmed_at=window_for("weekly").start)
    assert "1 zonder nieuws" in send()
    assert mailoutbox == []


def test_a_missed_week_is_caught_up_with_the_date_option(home, weekly, pleegzorg, mailoutbox):
    follower = member_follower()
    follow(follower, theme=pleegzorg)
    week_before = window_for(Period.WEEKLY, now=weekly.start)
    story(ArticlePageFactory, week_before, title="Van twee weken terug", themes=[pleegzorg])
    story(ArticlePageFactory, weekly, title="Van vorige week", themes=[pleegzorg])

    run_command("send_digests", "--period", "weekly", "--date", f"{weekly.start:%Y-%m-%d}")

    [message] = mailoutbox
    assert "Van twee weken terug" in message.body
    assert "Van vorige week" not in message.body
    assert Digest.objects.get().period_start == week_before.start


def follower_with_news(weekly, count):
    follower = member_follower()
    theme, region = ThemeFactory(), RegionFactory()
    thread = DialogueThreadPageFactory(first_published_at=weekly.start - 9 * DAY)
    follow(follower, theme=theme)
    follow(follower, region=region)
    follow(follower, dialogue=thread)
    for number in range(count):
        story(ArticlePageFactory, weekly, hours=number + 1, themes=[theme])
        story(ArticlePageFactory, weekly, hours=number + 1, regions=[region])
        story(WebinarPageFactory, weekly, hours=number + 1, themes=[theme])
        visible_reply(thread, inside(weekly, number + 1))
    return follower


@pytest.mark.parametrize("count", [1, 5])
def test_sending_a_digest_costs_the_same_queries_however_long_it_is(
    home, weekly, count, mailoutbox, django_assert_max_num_queries
):
    follower_with_news(weekly, count)
    with django_assert_max_num_queries(19):
        send()
    [message] = mailoutbox
    assert message.body.count("\n- ") == 3 * count + 1
