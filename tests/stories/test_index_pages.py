import datetime

from django.test import TestCase
from django.utils import timezone

from tests.factories import (
    ArticlePageFactory,
    DialogueThreadPageFactory,
    PodcastPageFactory,
    VlogIndexPageFactory,
    VlogPageFactory,
    WebinarPageFactory,
)

PAGE_SIZE = 12
BAD_PAGE_NUMBERS = ["abc", "0", "-1", "2.5", "", "1" * 30, "2<script>"]


class PaginationChecks:
    """Thirteen stories in one index, newest first: twelve on page one, the oldest on page two.

    Subclasses name the factory; `create_story` may be overridden where an index orders
    differently.
    """

    factory = None

    @classmethod
    def create_story(cls, number, now):
        return cls.factory(
            title=f"Bijdrage nummer {number:02d}",
            first_published_at=now - datetime.timedelta(days=number),
        )

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        now = timezone.now()
        cls.stories = [cls.create_story(number, now) for number in range(1, PAGE_SIZE + 2)]
        cls.index_url = cls.stories[0].get_parent().url

    def titles_on(self, response):
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        return [story.title for story in self.stories if story.title in html]

    def test_the_first_page_shows_the_twelve_newest_stories(self):
        response = self.client.get(self.index_url)

        self.assertEqual(self.titles_on(response), [s.title for s in self.stories[:PAGE_SIZE]])

    def test_the_second_page_shows_the_thirteenth_story(self):
        response = self.client.get(self.index_url, {"pagina": 2})

        self.assertEqual(self.titles_on(response), [self.stories[PAGE_SIZE].title])

    def test_the_first_page_links_to_the_second(self):
        response = self.client.get(self.index_url)

        self.assertContains(response, 'href="?pagina=2"')

    def test_a_page_number_past_the_end_shows_the_last_page(self):
        response = self.client.get(self.index_url, {"pagina": 5})

        self.assertEqual(self.titles_on(response), [self.stories[PAGE_SIZE].title])

    def test_a_bad_page_number_shows_a_page_of_stories_instead_of_an_error(self):
        for number in BAD_PAGE_NUMBERS:
            with self.subTest(pagina=number):
                response = self.client.get(self.index_url, {"pagina": number})

                self.assertTrue(self.titles_on(response))


class ArticleIndexPaginationTests(PaginationChecks, TestCase):
    factory = ArticlePageFactory


class VlogIndexPaginationTests(PaginationChecks, TestCase):
    factory = VlogPageFactory


class PodcastIndexPaginationTests(PaginationChecks, TestCase):
    factory = PodcastPageFactory


class WebinarIndexPaginationTests(PaginationChecks, TestCase):
    """The webinars index paginates the webinars that took place, the latest first."""

    factory = WebinarPageFactory

    @classmethod
    def create_story(cls, number, now):
        return cls.factory(
            title=f"Webinar nummer {number:02d}", start=now - datetime.timedelta(days=number)
        )


class DialogueIndexPaginationTests(PaginationChecks, TestCase):
    factory = DialogueThreadPageFactory


class IndexWithoutPaginationTests(TestCase):
    def test_an_index_with_twelve_stories_has_no_pagination(self):
        stories = ArticlePageFactory.create_batch(PAGE_SIZE)

        response = self.client.get("/verhalen/")

        for story in stories:
            self.assertContains(response, story.title)
        self.assertNotContains(response, "pagina=")

    def test_an_empty_index_renders(self):
        index = VlogIndexPageFactory()

        response = self.client.get("/vlogs/")

        self.assertContains(response, index.intro)
