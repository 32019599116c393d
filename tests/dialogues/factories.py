"""Test-only factories of dialogue pages."""

import factory

from dialogues.models import DialogueIndexPage, DialogueThreadPage
from tests.stories.factories import IndexPageFactory, StoryPageFactory


class DialogueIndexPageFactory(IndexPageFactory):
    title = "Dialogen"
    slug = "dialogen"

    class Meta:
        model = DialogueIndexPage


class DialogueThreadPageFactory(StoryPageFactory):
    title = factory.Sequence(lambda n: f"Wat heb jij nodig van een wijkteam {n}?")
    explanation = "<p>Vertel het ons in een reactie.</p>"
    _index_factory = DialogueIndexPageFactory

    class Meta:
        model = DialogueThreadPage
