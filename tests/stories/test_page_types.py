import datetime

from django.core.exceptions import ValidationError
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from dialogues.models import DialogueIndexPage
from home.models import ContentPage, HomePage
from stories.models import (
    ArticleIndexPage,
    ArticlePage,
    PodcastIndexPage,
    PodcastPage,
    StoryPage,
    VlogIndexPage,
    VlogPage,
    WebinarIndexPage,
    WebinarPage,
)
from tests.factories import (
    ArticlePageFactory,
    PodcastPageFactory,
    VlogPageFactory,
    WebinarPageFactory,
)
from tests.stories.story_type_checks import StoryTypeChecks


class ArticlePageTests(StoryTypeChecks, WagtailPageTestCase):
    page_model = ArticlePage
    index_model = ArticleIndexPage
    index_slug = "verhalen"
    factory = ArticlePageFactory

    def test_shows_its_body(self):
        self.assertContains(
            self.client.get(self.story.url), "We gingen met het hele gezin om tafel."
        )


class VlogPageTests(StoryTypeChecks, WagtailPageTestCase):
    page_model = VlogPage
    index_model = VlogIndexPage
    index_slug = "vlogs"
    factory = VlogPageFactory

    def test_loads_nothing_from_youtube_until_the_visitor_asks(self):
        vlog = VlogPageFactory(video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")

        html = self.client.get(vlog.url).content.decode()

        self.assertNotIn("<iframe", html)
        self.assertIn("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", html)
        self.assertNotIn('src="https://www.youtube', html)


class PodcastPageTests(StoryTypeChecks, WagtailPageTestCase):
    page_model = PodcastPage
    index_model = PodcastIndexPage
    index_slug = "podcasts"
    factory = PodcastPageFactory

    def test_shows_its_show_notes(self):
        self.assertContains(
            self.client.get(self.story.url), "In deze aflevering praten we met een pleegouder."
        )


class WebinarPageTests(StoryTypeChecks, WagtailPageTestCase):
    page_model = WebinarPage
    index_model = WebinarIndexPage
    index_slug = "webinars"
    factory = WebinarPageFactory

    def test_its_index_lists_past_webinars_apart_from_upcoming_ones(self):
        past = WebinarPageFactory(
            start=datetime.datetime(2024, 3, 5, 14, tzinfo=datetime.UTC), parent=self.index
        )
        response = self.client.get(self.index.url)
        self.assertEqual([story.pk for story in response.context["upcoming"]], [self.story.pk])
        self.assertEqual([story.pk for story in response.context["items"]], [past.pk])


class PageTreeRuleTests(WagtailPageTestCase):
    """The rules of the page tree that are not about one story type alone."""

    def test_vlog_cannot_be_created_under_the_podcasts_index(self):
        self.assertCanNotCreateAt(PodcastIndexPage, VlogPage)

    def test_article_cannot_be_created_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, ArticlePage)

    def test_article_can_be_created_under_the_articles_index(self):
        self.assertCanCreateAt(ArticleIndexPage, ArticlePage)

    def test_story_page_is_not_creatable_anywhere(self):
        self.assertFalse(StoryPage.is_creatable)
        for parent_model in get_page_models():
            self.assertCanNotCreateAt(parent_model, StoryPage)

    def test_home_page_accepts_the_five_indexes_and_content_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ArticleIndexPage,
                VlogIndexPage,
                PodcastIndexPage,
                WebinarIndexPage,
                DialogueIndexPage,
                ContentPage,
            },
        )

    def test_home_page_can_only_be_created_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_a_second_home_page_cannot_be_created(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_content_pages_nest_under_the_home_page_and_each_other(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})


class StoryValidationTests(WagtailPageTestCase):
    def test_vlog_refuses_a_video_address_that_is_not_youtube_or_vimeo(self):
        vlog = VlogPage(
            title="Vlog", slug="vlog", intro="Intro", video_url="https://example.org/v"
        )
        with self.assertRaises(ValidationError) as caught:
            vlog.clean()
        self.assertIn("video_url", caught.exception.message_dict)

    def test_vimeo_video_is_embedded_without_tracking(self):
        vlog = VlogPage(video_url="https://vimeo.com/76979871")
        self.assertEqual(
            vlog.embed,
            {
                "url": "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1",
                "provider": "Vimeo",
            },
        )

    def test_webinar_refuses_an_end_before_its_start(self):
        start = datetime.datetime(2026, 5, 1, 14, tzinfo=datetime.UTC)
        webinar = WebinarPage(
            title="Webinar", slug="webinar", intro="Intro", start=start, end=start
        )
        with self.assertRaises(ValidationError) as caught:
            webinar.clean()
        self.assertIn("end", caught.exception.message_dict)
