"""The checks every story type must pass, shared by the test case of each type."""

from wagtail.models import Page

from dialogues.models import DialogueIndexPage
from home.models import ContentPage, HomePage
from stories.models import ArticleIndexPage, PodcastIndexPage, VlogIndexPage, WebinarIndexPage
from tests.factories import (
    AudienceFactory,
    ChangeTaskFactory,
    ContributorFactory,
    ImageFactory,
    RegionFactory,
    ThemeFactory,
)

INDEX_MODELS = (
    ArticleIndexPage,
    VlogIndexPage,
    PodcastIndexPage,
    WebinarIndexPage,
    DialogueIndexPage,
)


class StoryTypeChecks:
    """Mix into a `WagtailPageTestCase` and name the story type, its index, slug and factory."""

    page_model = None
    index_model = None
    index_slug = None
    factory = None

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.topics = [ThemeFactory(), ChangeTaskFactory(), RegionFactory(), AudienceFactory()]
        theme, change_task, region, audience = cls.topics
        cls.story = cls.factory(
            hero_image=ImageFactory(),
            hero_image_alt="Een ouder en een kind aan de keukentafel",
            contributor=ContributorFactory(display_name="Marloes, moeder van twee"),
            themes=[theme],
            change_tasks=[change_task],
            regions=[region],
            audiences=[audience],
        )
        cls.index = cls.story.get_parent().specific
        cls.draft = cls.factory(live=False)

    def test_can_only_be_created_under_its_own_index(self):
        self.assertAllowedParentPageTypes(self.page_model, {self.index_model})

    def test_cannot_be_created_under_the_home_page_or_another_index(self):
        for parent_model in (HomePage, ContentPage, Page, *INDEX_MODELS):
            if parent_model is not self.index_model:
                self.assertCanNotCreateAt(parent_model, self.page_model)

    def test_cannot_have_subpages(self):
        self.assertAllowedSubpageTypes(self.page_model, set())

    def test_its_index_accepts_only_this_type(self):
        self.assertAllowedSubpageTypes(self.index_model, {self.page_model})

    def test_its_index_can_only_be_created_under_the_home_page(self):
        self.assertAllowedParentPageTypes(self.index_model, {HomePage})

    def test_its_index_can_exist_only_once(self):
        self.assertFalse(self.index_model.can_create_at(self.index.get_parent()))

    def test_its_index_lives_at_its_dutch_address(self):
        self.assertEqual(self.index.url, f"/{self.index_slug}/")

    def test_is_renderable(self):
        self.assertPageIsRenderable(self.story)

    def test_shows_its_title_and_intro(self):
        response = self.client.get(self.story.url)
        self.assertEqual(self.get_soup(response.content).h1.get_text(strip=True), self.story.title)
        self.assertContains(response, self.story.intro)

    def test_shows_its_image_with_its_alternative_text(self):
        image = self.get_soup(self.client.get(self.story.url).content).find(
            "img", alt=self.story.hero_image_alt
        )

        self.assertIsNotNone(image)
        self.assertTrue(image["src"].startswith("/media/images/"))

    def test_shows_who_shared_it_by_display_name(self):
        response = self.client.get(self.story.url)

        self.assertContains(response, "Marloes, moeder van twee")
        self.assertNotContains(response, self.story.contributor.username)

    def test_shows_its_theme_change_task_region_and_audience(self):
        response = self.client.get(self.story.url)

        for term in self.topics:
            self.assertContains(response, term.name)

    def test_its_index_is_renderable(self):
        self.assertPageIsRenderable(self.index)

    def test_its_index_shows_its_title_intro_and_the_story(self):
        response = self.client.get(self.index.url)
        self.assertContains(response, self.index.title)
        self.assertContains(response, self.index.intro)
        self.assertContains(response, self.story.title)
        self.assertContains(response, f'href="{self.story.url}"')
        self.assertContains(response, self.topics[0].name)

    def test_a_draft_is_neither_served_nor_listed(self):
        self.assertEqual(self.client.get(self.draft.url).status_code, 404)
        self.assertNotContains(self.client.get(self.index.url), self.draft.title)
