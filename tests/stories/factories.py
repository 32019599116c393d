"""Test-only factories of the content model: taxonomy, images, section index pages, every story
type and a story's consent."""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.images import get_image_model

from stories.models import (
    Ambassador,
    ArticleIndexPage,
    ArticlePage,
    Audience,
    ChangeTask,
    PodcastIndexPage,
    PodcastPage,
    Region,
    StoryConsent,
    Theme,
    VlogIndexPage,
    VlogPage,
    WebinarIndexPage,
    WebinarPage,
)
from tests.home.factories import PageFactory


class TaxonomyTermFactory(DjangoModelFactory):
    slug = factory.LazyAttribute(lambda term: slugify(term.name))

    class Meta:
        abstract = True
        django_get_or_create = ("slug",)


class ThemeFactory(TaxonomyTermFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")

    class Meta:
        model = Theme


class ChangeTaskFactory(TaxonomyTermFactory):
    name = factory.Sequence(lambda n: f"Veranderopgave {n}")

    class Meta:
        model = ChangeTask


class RegionFactory(TaxonomyTermFactory):
    name = factory.Sequence(lambda n: f"Jeugdregio {n}")
    province = "Noord-Holland"

    class Meta:
        model = Region


class AudienceFactory(TaxonomyTermFactory):
    name = factory.Sequence(lambda n: f"Doelgroep {n}")

    class Meta:
        model = Audience


class AmbassadorFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ambassadeur {n}")
    role = "Jeugdhulpprofessional"

    class Meta:
        model = Ambassador


class ImageFactory(DjangoModelFactory):
    """A small generated PNG, so that renditions are quick to make."""

    title = factory.Sequence(lambda n: f"Afbeelding {n}")
    file = factory.django.ImageField(width=160, height=90, color="#9e1b32", format="PNG")

    class Meta:
        model = get_image_model()


class IndexPageFactory(PageFactory):
    """A section home under the home page; `section()` returns the one that exists, if any."""

    intro = factory.LazyAttribute(lambda page: f"Alles over {page.title.lower()}.")
    show_in_menus = True

    class Meta:
        abstract = True

    @classmethod
    def section(cls):
        model = cls._meta.get_model_class()
        return model.objects.first() or cls()


class ArticleIndexPageFactory(IndexPageFactory):
    title = "Verhalen"
    slug = "verhalen"

    class Meta:
        model = ArticleIndexPage


class VlogIndexPageFactory(IndexPageFactory):
    title = "Vlogs"
    slug = "vlogs"

    class Meta:
        model = VlogIndexPage


class PodcastIndexPageFactory(IndexPageFactory):
    title = "Podcasts"
    slug = "podcasts"

    class Meta:
        model = PodcastIndexPage


class WebinarIndexPageFactory(IndexPageFactory):
    title = "Webinars"
    slug = "webinars"

    class Meta:
        model = WebinarIndexPage


class StoryPageFactory(PageFactory):
    """What every story type needs; the section index is created when it is missing."""

    intro = factory.Sequence(
        lambda n: f"Een ervaring uit de praktijk van de jeugdhulp, nummer {n}."
    )
    _index_factory = None

    class Meta:
        abstract = True

    @classmethod
    def default_parent(cls):
        return cls._index_factory.section()


class ArticlePageFactory(StoryPageFactory):
    title = factory.Sequence(lambda n: f"Artikel over pleegzorg {n}")
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "Wat we deden", "level": "h2"}),
            ("paragraph", "<p>We gingen met het hele gezin om tafel.</p>"),
        ]
    )
    _index_factory = ArticleIndexPageFactory

    class Meta:
        model = ArticlePage


class VlogPageFactory(StoryPageFactory):
    title = factory.Sequence(lambda n: f"Vlog uit het wijkteam {n}")
    transcript = "Hallo, ik ben jeugdhulpverlener en ik vertel over mijn werk."
    _index_factory = VlogIndexPageFactory

    class Meta:
        model = VlogPage


class PodcastPageFactory(StoryPageFactory):
    title = factory.Sequence(lambda n: f"Podcastaflevering {n}")
    episode_number = factory.Sequence(lambda n: n % 200 + 1)
    season_number = 1
    duration = datetime.timedelta(minutes=32)
    show_notes = "<p>In deze aflevering praten we met een pleegouder.</p>"
    transcript = "Welkom bij de podcast van Hart voor de Jeugd."
    _index_factory = PodcastIndexPageFactory

    class Meta:
        model = PodcastPage


class WebinarPageFactory(StoryPageFactory):
    """An upcoming webinar by default; pass `start` in the past for one that took place."""

    title = factory.Sequence(lambda n: f"Webinar samen leren {n}")
    start = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=14)).replace(microsecond=0)
    )
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(minutes=90))
    speakers = "Redactie Hart voor de Jeugd"
    description = "<p>Een uur lang samen leren over wat werkt.</p>"
    capacity = 100
    _index_factory = WebinarIndexPageFactory

    class Meta:
        model = WebinarPage


class StoryConsentFactory(DjangoModelFactory):
    """The consent a member records with a story: by default about a child of 12 to 16."""

    page = factory.SubFactory(ArticlePageFactory, live=False)
    recognisable_people_agreed = True
    no_identifying_details = True
    house_rules_accepted = True
    concerns_child = True
    child_age_group = StoryConsent.AgeGroup.FROM_12_TO_16
    given_by = StoryConsent.GivenBy.BOTH
    media = "tekst en foto's"
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))

    class Meta:
        model = StoryConsent
