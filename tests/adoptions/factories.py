"""Test-only factories of adoption marks and the practice examples they are on."""

import factory
from factory.django import DjangoModelFactory

from adoptions.models import Adoption
from tests.accounts.factories import ContributorFactory
from tests.stories.factories import ArticlePageFactory, RegionFactory


class PracticeArticleFactory(ArticlePageFactory):
    """A live article that describes a practice example (its practice part filled in)."""

    practice_aim = "Minder kinderen uit huis plaatsen door vroeg samen te werken."
    practice_approach = "Het wijkteam en de school overleggen elke week."


class AdoptionFactory(DjangoModelFactory):
    """A member's mark on a practice example, waiting for the redactie unless told."""

    page = factory.SubFactory(PracticeArticleFactory)
    member = factory.SubFactory(ContributorFactory)
    region = factory.SubFactory(RegionFactory)
    organisation = factory.Sequence(lambda n: f"Wijkteam {n}")
    note = "We doen het met twee scholen."

    class Meta:
        model = Adoption
