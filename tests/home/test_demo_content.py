"""The demo site (`load_demo`) and the synthetic content for benchmarks (`generate_content`)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.test import TestCase
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from dialogues.models import DialogueIndexPage, DialogueThreadPage
from home.models import ContentPage, HomeFeaturedItem
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
)
from tests.utils import run_command

STORY_MODELS = (ArticlePage, VlogPage, PodcastPage, WebinarPage, DialogueThreadPage)
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
    get_user_model(),
    Page,
    Revision,
    HomeFeaturedItem,
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
        run_command("load_demo")
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

        self.assertEqual(len(response.context["featured"]), 3)


def test_load_demo_refuses_where_demo_content_is_not_allowed(db, settings):
    settings.HVDJ_ALLOW_DEMO_CONTENT = False

    with pytest.raises(CommandError, match="HVDJ_ALLOW_DEMO_CONTENT"):
        run_command("load_demo")
    assert not StoryPage.objects.exists()


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
        cls.indexed = StoryPage.objects.filter(
            pk__in=new_page_ids("--count", "3", "--seed", "2", "--index")
        )

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

    def test_pages_generated_with_index_can_be_found(self):
        self.assertEqual(self.indexed.count(), 3)
        for page in self.indexed:
            with self.subTest(page=page.title):
                response = self.client.get("/zoeken/", {"q": page.title})
                self.assertIn(page.pk, [result.pk for result in response.context["results"]])


def test_generate_content_needs_the_demo_sections(db):
    with pytest.raises(CommandError, match="load_demo"):
        run_command("generate_content", "--count", "5")


def test_generate_content_refuses_a_count_below_one(db):
    with pytest.raises(CommandError, match="at least 1"):
        run_command("generate_content", "--count", "0")
