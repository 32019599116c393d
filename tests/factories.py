"""Test-only factories: deterministic members, taxonomy, images and published pages."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.images import get_image_model
from wagtail.models import Page

from dialogues.models import DialogueIndexPage, DialogueThreadPage
from home.models import ContentPage, HomePage
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

PASSWORD = "wachtwoord-voor-tests"  # noqa: S105 (test accounts only)


class UserFactory(DjangoModelFactory):
    """A member with a known password, in the groups (by name) that `_group_names` lists."""

    username = factory.Sequence(lambda n: f"lid{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    display_name = factory.Sequence(lambda n: f"Deelnemer {n}")
    password = factory.django.Password(PASSWORD)

    _group_names = ()

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        super()._after_postgeneration(instance, create, results)
        if create and cls._group_names:
            instance.groups.add(*Group.objects.filter(name__in=cls._group_names))


class ContributorFactory(UserFactory):
    """A member of the Bijdragers group, who shares stories but has no admin access."""

    _group_names = ("Bijdragers",)


class EditorFactory(UserFactory):
    """A member of the Redactie, who approves stories in the Wagtail admin."""

    _group_names = ("Redactie",)


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


def home_page():
    """The HomePage that the migrations create as the root of the default site."""
    return HomePage.objects.get()


class PageFactory(DjangoModelFactory):
    """Creates a page through `parent.add_child()` and publishes it, like an editor would.

    `parent` defaults to `default_parent()`; `live=False` leaves a draft with one revision;
    `first_published_at` is applied after publishing, to order listings.
    """

    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    live = True

    class Meta:
        abstract = True

    @classmethod
    def default_parent(cls):
        return home_page()

    @classmethod
    def _create(cls, model_class, *args, parent=None, first_published_at=None, **kwargs):
        parent = (parent or cls.default_parent()).specific
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision(log_action=False)
        if page.live:
            revision.publish(log_action=False)
            if first_published_at is not None:
                Page.objects.filter(pk=page.pk).update(
                    first_published_at=first_published_at, last_published_at=first_published_at
                )
                page.first_published_at = page.last_published_at = first_published_at
        return page


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


class DialogueIndexPageFactory(IndexPageFactory):
    title = "Dialogen"
    slug = "dialogen"

    class Meta:
        model = DialogueIndexPage


class ContentPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Over ons {n}")
    intro = factory.Sequence(lambda n: f"Wie wij zijn en waarom dit platform bestaat ({n}).")
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>De redactie leest alles voordat het online komt.</p>")]
    )
    show_in_menus = True

    class Meta:
        model = ContentPage


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


class DialogueThreadPageFactory(StoryPageFactory):
    title = factory.Sequence(lambda n: f"Wat heb jij nodig van een wijkteam {n}?")
    explanation = "<p>Vertel het ons in een reactie.</p>"
    _index_factory = DialogueIndexPageFactory

    class Meta:
        model = DialogueThreadPage


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
