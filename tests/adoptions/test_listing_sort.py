"""Section listings can show the most applied practice examples first ("Meest toegepast")."""

import datetime

import pytest
from django.utils import timezone

from tests.adoptions.factories import AdoptionFactory, PracticeArticleFactory
from tests.factories import ArticleIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return ArticleIndexPageFactory.section()


def titles_in(html, titles):
    return sorted(titles, key=html.index)


def test_most_applied_first_counts_approved_marks_only(client, section):
    now = timezone.now()
    stories = {}
    for days, title in enumerate(["Ouderkamer", "Buurtgezin", "Schoolmaatje", "Wachtkamer"]):
        stories[title] = PracticeArticleFactory(
            title=title, first_published_at=now - datetime.timedelta(days=days)
        )
    AdoptionFactory.create_batch(2, page=stories["Buurtgezin"], status="approved")
    AdoptionFactory(page=stories["Schoolmaatje"], status="approved")
    AdoptionFactory.create_batch(3, page=stories["Wachtkamer"], status="pending")

    newest = client.get(section.url).content.decode()
    applied = client.get(section.url, {"sortering": "meest-toegepast"}).content.decode()

    assert titles_in(newest, stories) == list(stories)
    assert titles_in(applied, stories) == [
        "Buurtgezin",
        "Schoolmaatje",
        "Ouderkamer",
        "Wachtkamer",
    ]
    assert '<strong aria-current="true">Meest toegepast</strong>' in applied
    assert '<a href="?sortering=meest-toegepast">Meest toegepast</a>' in newest


def test_an_unknown_order_shows_the_newest_first(client, section):
    PracticeArticleFactory(
        title="Ouder", first_published_at=timezone.now() - datetime.timedelta(1)
    )
    PracticeArticleFactory(title="Nieuwer")

    page = client.get(section.url, {"sortering": "<script>"})

    assert page.status_code == 200
    html = page.content.decode()
    assert titles_in(html, ["Ouder", "Nieuwer"]) == ["Nieuwer", "Ouder"]
    assert '<strong aria-current="true">Nieuwste eerst</strong>' in html
