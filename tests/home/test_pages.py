import datetime

from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomeFeaturedItem, HomePage
from tests.factories import (
    ArticlePageFactory,
    ContentPageFactory,
    DialogueThreadPageFactory,
    PodcastPageFactory,
    VlogPageFactory,
    WebinarPageFactory,
)


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get()
        cls.article = ArticlePageFactory()
        cls.vlog = VlogPageFactory()
        cls.podcast = PodcastPageFactory()
        cls.upcoming_webinar = WebinarPageFactory()
        cls.past_webinar = WebinarPageFactory(
            start=timezone.now() - datetime.timedelta(days=30), title="Een webinar van vorig jaar"
        )
        cls.dialogue = DialogueThreadPageFactory()
        cls.draft = ArticlePageFactory(live=False, title="Een artikel dat nog niet af is")

    def test_is_the_root_of_the_default_site(self):
        self.assertEqual(self.home.get_site().root_page.specific, self.home)
        self.assertEqual(self.home.url, "/")

    def test_is_renderable(self):
        self.assertPageIsRenderable(self.home)

    def test_shows_its_heading_and_intro(self):
        response = self.client.get("/")

        self.assertEqual(
            self.get_soup(response.content).h1.get_text(strip=True), self.home.heading
        )
        self.assertContains(response, self.home.intro)

    def test_shows_the_newest_article_vlog_and_podcast(self):
        response = self.client.get("/")

        for story in (self.article, self.vlog, self.podcast):
            self.assertContains(response, f'href="{story.url}"')

    def test_shows_upcoming_webinars_but_not_past_ones(self):
        response = self.client.get("/")

        self.assertContains(response, self.upcoming_webinar.title)
        self.assertNotContains(response, self.past_webinar.title)

    def test_shows_active_dialogues(self):
        self.assertContains(self.client.get("/"), self.dialogue.title)

    def test_does_not_show_drafts(self):
        self.assertNotContains(self.client.get("/"), self.draft.title)

    def test_shows_the_stories_the_redactie_features_first_and_only_once(self):
        featured = ArticlePageFactory(title="Door de redactie uitgelicht")
        HomeFeaturedItem.objects.create(home=self.home, page=featured, sort_order=0)

        response = self.client.get("/")

        self.assertEqual(response.context["featured_ids"], [featured.pk])
        self.assertContains(response, featured.title, count=1)

    def test_the_header_links_to_the_sections_in_the_menu(self):
        response = self.client.get("/")

        nav = self.get_soup(response.content).find("nav", id="hoofdmenu")
        self.assertEqual(
            [link["href"] for link in nav.find_all("a")],
            ["/verhalen/", "/vlogs/", "/podcasts/", "/webinars/", "/dialogen/"],
        )

    def test_the_footer_links_to_content_pages_in_the_menu(self):
        about = ContentPageFactory(title="Over ons", slug="over-ons")
        ContentPageFactory(title="Verborgen pagina", slug="verborgen", show_in_menus=False)

        response = self.client.get("/")

        footer = self.get_soup(response.content).find("footer")
        links = [link["href"] for link in footer.find_all("a") if link["href"].startswith("/")]
        self.assertEqual(links, [about.url])


class ContentPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page = ContentPageFactory(title="Spelregels", slug="spelregels")
        cls.subpage = ContentPageFactory(title="Reageren", slug="reageren", parent=cls.page)

    def test_is_renderable(self):
        self.assertPageIsRenderable(self.page)

    def test_shows_its_title_intro_and_body(self):
        response = self.client.get("/spelregels/")

        self.assertEqual(self.get_soup(response.content).h1.get_text(strip=True), "Spelregels")
        self.assertContains(response, self.page.intro)
        self.assertContains(response, "De redactie leest alles voordat het online komt.")

    def test_can_have_content_subpages(self):
        response = self.client.get("/spelregels/reageren/")

        self.assertContains(response, self.subpage.intro)


def test_the_home_page_invites_visitors_to_share_their_story(client, home):
    html = client.get(home.url).content.decode()

    assert 'href="/deel-je-verhaal/"' in html
    assert "Iedereen kan en mag meedoen" in html
