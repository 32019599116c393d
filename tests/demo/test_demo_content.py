"""The demo site (`load_demo`) and the synthetic content for benchmarks (`generate_content`)."""

import datetime
import sys
import tempfile

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management.base import CommandError
from django.test import TestCase
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from demo import media
from dialogues.models import BlockedWord, DialogueIndexPage, DialogueThreadPage, Reply, ReplyReport
from dialogues.replies import hold_reason
from home.models import ContentPage, HomeFeaturedItem
from search.tantivy import availability, index
from stories.models import (
    Ambassador,
    ArticleIndexPage,
    ArticlePage,
    Audience,
    ChangeTask,
    PodcastIndexPage,
    PodcastPage,
    Region,
    StoryPage,
    Theme,
    VlogIndexPage,
    VlogPage,
    WebinarIndexPage,
    WebinarPage,
    WebinarRegistration,
)
from tests.factories import (
    ArticleIndexPageFactory,
    AudienceFactory,
    ChangeTaskFactory,
    DialogueIndexPageFactory,
    PodcastIndexPageFactory,
    RegionFactory,
    ThemeFactory,
    VlogIndexPageFactory,
    WebinarIndexPageFactory,
)
from tests.utils import run_command
from webinars.registrations import seats_left

STORY_MODELS = (ArticlePage, VlogPage, PodcastPage, WebinarPage, DialogueThreadPage)
SECTION_FACTORIES = (
    ArticleIndexPageFactory,
    VlogIndexPageFactory,
    PodcastIndexPageFactory,
    WebinarIndexPageFactory,
    DialogueIndexPageFactory,
)
SECTIONS = {
    ArticleIndexPage: "/verhalen/",
    VlogIndexPage: "/vlogs/",
    PodcastIndexPage: "/podcasts/",
    WebinarIndexPage: "/webinars/",
    DialogueIndexPage: "/dialogen/",
}
COUNTED_MODELS = (
    Theme,
    ChangeTask,
    Region,
    Audience,
    Ambassador,
    Tag,
    get_image_model(),
    get_document_model(),
    WebinarRegistration,
    get_user_model(),
    Page,
    Revision,
    HomeFeaturedItem,
    EmailAddress,
    Reply,
    CommentFlag,
    ReplyReport,
    BlockedWord,
)


def snapshot():
    """The page tree as (path, title, content type) and the number of everything else."""
    return {
        "tree": set(
            Page.objects.values_list(
                "url_path", "title", "content_type__app_label", "content_type__model", "live"
            )
        ),
        "counts": {model.__name__: model.objects.count() for model in COUNTED_MODELS},
    }


class LoadDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sent_before = len(mail.outbox)
        # Run what waits for the commit (e-mails, search indexing) as a real run would.
        with cls.captureOnCommitCallbacks(execute=True):
            run_command("load_demo")
        cls.emails_sent = len(mail.outbox) - sent_before
        cls.first_run = snapshot()
        cls.second_output = run_command("load_demo")
        cls.second_run = snapshot()

    def test_running_it_twice_gives_the_same_tree_and_counts(self):
        self.assertEqual(self.first_run, self.second_run)

    def test_the_second_run_reports_no_new_pages(self):
        self.assertIn("(0 new pages)", self.second_output)

    def test_it_creates_at_least_six_published_items_of_every_story_type(self):
        for model in STORY_MODELS:
            with self.subTest(model=model.__name__):
                self.assertGreaterEqual(model.objects.live().public().count(), 6)

    def test_every_story_has_a_published_revision(self):
        stories = StoryPage.objects.all()

        self.assertTrue(stories)
        self.assertFalse(stories.filter(live_revision__isnull=True).exists())
        self.assertFalse(stories.filter(has_unpublished_changes=True).exists())

    def test_it_creates_the_four_change_tasks(self):
        self.assertEqual(ChangeTask.objects.count(), 4)

    def test_it_creates_the_sections_at_their_dutch_addresses(self):
        for model, url in SECTIONS.items():
            with self.subTest(model=model.__name__):
                self.assertEqual(model.objects.live().get().url, url)

    def test_it_creates_content_pages_for_the_footer(self):
        self.assertTrue(ContentPage.objects.live().in_menu().exists())

    def test_the_accessibility_statement_states_status_checks_exceptions_and_how_to_report(self):
        statement = ContentPage.objects.live().get(slug="toegankelijkheid")
        response = self.client.get(statement.url)
        headings = [
            block.value["text"] for block in statement.body if block.block_type == "heading"
        ]

        self.assertEqual(
            headings,
            [
                "Status: voldoet gedeeltelijk aan WCAG 2.1 niveau AA",
                "Zo controleren we het",
                "Wat nog niet goed werkt",
                "Meld een probleem",
                "Niet tevreden met ons antwoord?",
                "Over deze verklaring",
            ],
        )
        for text in (
            "WCAG 2.1 niveau AA",
            "axe",
            "Nu HTML Checker",
            "YouTube",
            "ondertitels",
            "info@hartvoordejeugd.online",
            "binnen vijf werkdagen",
            "digitoegankelijk.nl",
        ):
            with self.subTest(text=text):
                self.assertContains(response, text)

    def test_the_footer_of_every_kind_of_page_links_the_accessibility_statement(self):
        urls = [
            "/",
            "/verhalen/",
            ArticlePage.objects.live().first().url,
            DialogueThreadPage.objects.live().first().url,
            "/over-ons/",
            "/zoeken/?q=jeugd",
            "/accounts/login/",
            "/accounts/signup/",
            "/bestaat-niet/",
        ]
        link = '<a href="/toegankelijkheid/">Toegankelijkheid</a>'
        for url in urls:
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                footer = html.partition('<footer class="site-footer">')[2]
                self.assertIn(link, footer)

    def test_it_creates_the_editor_account_in_the_redactie_group(self):
        editor = get_user_model().objects.get(username="redactie")

        self.assertEqual([group.name for group in editor.groups.all()], ["Redactie"])
        self.assertTrue(editor.check_password("hart-voor-de-jeugd"))
        self.assertTrue(self.client.login(username="redactie", password="hart-voor-de-jeugd"))
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_its_members_are_contributors_without_a_password(self):
        members = get_user_model().objects.filter(groups__name="Bijdragers")

        self.assertTrue(members)
        for member in members:
            self.assertFalse(member.has_usable_password())

    def test_the_page_tree_is_valid(self):
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

    def test_a_page_of_every_type_renders_with_its_title(self):
        for model in (*STORY_MODELS, *SECTIONS, ContentPage):
            page = model.objects.live().first()
            with self.subTest(model=model.__name__):
                response = self.client.get(page.url)
                self.assertContains(response, page.title)

    def test_the_home_page_shows_what_the_redactie_features(self):
        response = self.client.get("/")

        self.assertEqual(len(response.context["featured_ids"]), 3)

    def test_every_demo_dialogue_has_three_to_eight_visible_replies(self):
        for thread in DialogueThreadPage.objects.live():
            with self.subTest(thread=thread.title):
                self.assertIn(Reply.objects.of_thread(thread).visible().count(), range(3, 9))

    def test_demo_replies_nest_three_levels_deep(self):
        self.assertEqual(
            set(Reply.objects.visible().values_list("level", flat=True).distinct()), {0, 1, 2}
        )

    def test_some_demo_replies_are_liked_by_other_members(self):
        likes = CommentFlag.objects.filter(flag=LIKEDIT_FLAG).select_related("comment")

        self.assertGreaterEqual(len(likes), 10)
        for like in likes:
            self.assertNotEqual(like.user_id, like.comment.user_id)

    def test_a_dialogue_page_shows_its_demo_replies_nested(self):
        thread = DialogueThreadPage.objects.live().order_by("path").first()

        response = self.client.get(thread.url)

        self.assertEqual(response.context["reply_count"], 8)
        self.assertContains(response, 'class="reply-list reply-list--nested"')
        self.assertContains(response, "Fatima, wijkteam Amsterdam-Oost")

    def test_the_redactie_finds_one_held_and_one_reported_reply(self):
        [held] = Reply.objects.held()
        [report] = ReplyReport.objects.all()

        self.assertIsNone(held.user)
        self.assertEqual(held.held_because, Reply.HeldBecause.NEW_AUTHOR)
        self.assertTrue(report.reply.is_visible)
        self.assertIsNone(report.handled_at)

    def test_the_held_reply_is_not_on_the_dialogue_page(self):
        held = Reply.objects.held().get()
        thread = DialogueThreadPage.objects.get(pk=held.object_pk)

        self.assertNotContains(self.client.get(thread.url), held.comment)

    def test_every_demo_member_has_a_verified_email_address(self):
        for member in get_user_model().objects.filter(groups__name="Bijdragers"):
            with self.subTest(member=member.username):
                self.assertTrue(
                    EmailAddress.objects.filter(user=member, email=member.email, verified=True)
                )

    def test_the_word_list_holds_a_reply_with_a_swear_word(self):
        self.assertGreaterEqual(BlockedWord.objects.count(), 3)
        self.assertEqual(
            hold_reason(text="Wat een klootzak.", email="nieuw@example.org"),
            Reply.HeldBecause.BLOCKED_WORD,
        )

    def test_loading_the_demo_sends_no_emails(self):
        self.assertEqual(self.emails_sent, 0)

    def test_every_demo_episode_has_real_audio_with_a_timed_transcript_inside_it(self):
        episodes = PodcastPage.objects.live()

        self.assertEqual(
            {episode.audio_type for episode in episodes}, {"audio/mpeg", "audio/mp4", "audio/ogg"}
        )
        for episode in episodes:
            with self.subTest(episode=episode.slug):
                self.assertGreater(episode.duration, datetime.timedelta(seconds=20))
                self.assertLess(episode.duration, datetime.timedelta(seconds=41))
                self.assertGreaterEqual(len(episode.transcript_cues), 5)
                self.assertLessEqual(
                    episode.transcript_cues[-1]["end"], episode.duration.total_seconds()
                )
                with episode.audio_file.open_file() as audio:
                    self.assertGreater(len(audio.read()), 10_000)

    def test_demo_vlogs_have_video_with_captions_and_a_poster_or_a_youtube_link(self):
        uploaded = VlogPage.objects.live().filter(video_file__isnull=False)
        linked = VlogPage.objects.live().filter(video_file__isnull=True)

        self.assertEqual({vlog.video_type for vlog in uploaded}, {"video/mp4", "video/webm"})
        for vlog in uploaded:
            with self.subTest(vlog=vlog.slug):
                self.assertGreaterEqual(vlog.duration, datetime.timedelta(seconds=8))
                self.assertLessEqual(vlog.duration, datetime.timedelta(seconds=15))
                self.assertIsNotNone(vlog.poster_image)
                self.assertEqual(vlog.captions.file_extension, "vtt")
                self.assertGreaterEqual(len(vlog.transcript_cues), 2)
                self.assertLessEqual(
                    vlog.transcript_cues[-1]["end"], vlog.duration.total_seconds()
                )
                self.assertEqual(
                    " ".join(cue["text"] for cue in vlog.transcript_cues), vlog.transcript
                )
        [youtube] = linked
        self.assertEqual(youtube.embed["provider"], "YouTube")

    def test_past_demo_webinars_have_slides_and_a_recording_and_upcoming_ones_neither(self):
        webinars = WebinarPage.objects.live()
        past = [webinar for webinar in webinars if webinar.is_past]
        upcoming = [webinar for webinar in webinars if not webinar.is_past]

        self.assertEqual((len(past), len(upcoming)), (3, 3))
        self.assertEqual(sum(bool(webinar.recording_file) for webinar in past), 2)
        for webinar in past:
            with self.subTest(webinar=webinar.slug):
                self.assertTrue(webinar.recording_file or webinar.recording_url)
                with webinar.slides.open_file() as slides:
                    self.assertEqual(slides.read(5), b"%PDF-")
        for webinar in upcoming:
            with self.subTest(webinar=webinar.slug):
                self.assertFalse(webinar.recording_file or webinar.recording_url or webinar.slides)

    def test_one_upcoming_demo_webinar_is_full_so_visitors_join_the_waiting_list(self):
        [full] = [webinar for webinar in WebinarPage.objects.live() if webinar.capacity == 3]

        self.assertFalse(full.is_past)
        self.assertEqual(full.registrations.count(), 3)
        self.assertEqual(seats_left(full), 0)

    def test_a_demo_vlog_plays_its_video_by_type_with_same_site_captions_as_webvtt(self):
        vlog = VlogPage.objects.live().get(video_type="video/webm")

        page = self.client.get(vlog.url)
        captions = self.client.get(vlog.captions.url)

        self.assertContains(page, f'<source src="{vlog.video_file.url}" type="video/webm">')
        self.assertContains(
            page,
            f'<track kind="captions" srclang="nl" label="Nederlands" src="{vlog.captions.url}"',
        )
        self.assertContains(page, f'datetime="PT{vlog.duration.seconds}S"')
        self.assertTrue(vlog.captions.url.startswith("/"))
        self.assertEqual(captions["Content-Type"].split(";")[0], "text/vtt")
        self.assertTrue(b"".join(captions.streaming_content).startswith(b"WEBVTT"))


def test_load_demo_refuses_where_demo_content_is_not_allowed(db, settings):
    settings.HVDJ_ALLOW_DEMO_CONTENT = False

    with pytest.raises(CommandError, match="HVDJ_ALLOW_DEMO_CONTENT"):
        run_command("load_demo")
    assert not StoryPage.objects.exists()


def test_load_demo_without_imageio_ffmpeg_builds_the_site_without_audio_and_video(db, monkeypatch):
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)  # as if it were not installed

    output = run_command("load_demo")

    assert "imageio-ffmpeg is not installed" in output
    assert PodcastPage.objects.live().count() >= 6
    assert not PodcastPage.objects.filter(audio_file__isnull=False).exists()
    assert not VlogPage.objects.filter(video_file__isnull=False).exists()
    assert all(episode.transcript for episode in PodcastPage.objects.all())


def test_media_made_once_is_read_from_the_cache_the_next_time(monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    calls = []

    def make_tone(seconds, file_format):
        calls.append((seconds, file_format))
        return f"{seconds}-{file_format}".encode()

    first = media.cached(make_tone, 3, "mp3")
    again = media.cached(make_tone, 3, "mp3")
    other = media.cached(make_tone, 4, "mp3")

    assert (first, again, other) == (b"3-mp3", b"3-mp3", b"4-mp3")
    assert calls == [(3, "mp3"), (4, "mp3")]
    assert len(list(media.cache_folder().iterdir())) == 2


def test_load_demo_takes_the_editor_password_from_the_command_line(db):
    run_command("load_demo", "--editor-password", "een-ander-wachtwoord")

    assert get_user_model().objects.get(username="redactie").check_password("een-ander-wachtwoord")


def new_page_ids(*args):
    """Run `generate_content` with these arguments; return the ids of the pages it created."""
    existing = set(Page.objects.values_list("pk", flat=True))
    run_command("generate_content", *args)
    return set(Page.objects.values_list("pk", flat=True)) - existing


class GenerateContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        run_command("load_demo")
        cls.generated = StoryPage.objects.filter(pk__in=new_page_ids("--count", "500"))

    def test_it_creates_500_live_pages(self):
        self.assertEqual(self.generated.count(), 500)
        self.assertEqual(self.generated.live().count(), 500)

    def test_it_creates_pages_of_every_story_type(self):
        for model in STORY_MODELS:
            with self.subTest(model=model.__name__):
                self.assertTrue(model.objects.filter(pk__in=self.generated).exists())

    def test_the_page_tree_is_valid(self):
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

    def test_generated_pages_of_every_type_render(self):
        for model in STORY_MODELS:
            for page in model.objects.filter(pk__in=self.generated).order_by("path")[:3]:
                with self.subTest(model=model.__name__, page=page.url):
                    response = self.client.get(page.url)
                    self.assertContains(response, page.title)

    def test_the_indexes_count_the_generated_pages(self):
        response = self.client.get("/verhalen/")

        self.assertEqual(response.context["items"].paginator.count, ArticlePage.objects.count())


def test_pages_generated_with_index_can_be_found_at_once(client, home):
    """--index leaves the embedded index built: no 503 "zo weer beschikbaar", no rebuild."""
    for factory in SECTION_FACTORIES:
        factory.section()
    for factory in (ThemeFactory, ChangeTaskFactory, RegionFactory, AudienceFactory):
        factory()
    (index.default_path() / availability.BUILT_FILE).unlink()

    generated = StoryPage.objects.filter(pk__in=new_page_ids("--count", "3", "--index"))

    assert availability.is_built(index.default_path())
    for page in generated:
        response = client.get("/zoeken/", {"q": page.title})
        assert response.status_code == 200
        assert page.pk in [result.pk for result in response.context["results"]]


def test_generate_content_needs_the_demo_sections(db):
    with pytest.raises(CommandError, match="load_demo"):
        run_command("generate_content", "--count", "5")


def test_generate_content_refuses_a_count_below_one(db):
    with pytest.raises(CommandError, match="at least 1"):
        run_command("generate_content", "--count", "0")
