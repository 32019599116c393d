from wagtail.test.utils import WagtailPageTestCase

from dialogues.models import DialogueIndexPage, DialogueThreadPage
from tests.factories import DialogueThreadPageFactory
from tests.stories.story_type_checks import StoryTypeChecks


class DialogueThreadPageTests(StoryTypeChecks, WagtailPageTestCase):
    page_model = DialogueThreadPage
    index_model = DialogueIndexPage
    index_slug = "dialogen"
    factory = DialogueThreadPageFactory

    def test_shows_its_explanation(self):
        self.assertContains(self.client.get(self.story.url), "Vertel het ons in een reactie.")
