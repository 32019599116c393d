"""Synonyms, ranking, facets with counts, filters in the URL, snippets, feeds and term pages."""

import feedparser
import pytest
from django.db import connection
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from search.facets import Facet, Option
from search.models import SynonymGroup
from search.views import add_links
from tests.factories import (
    AmbassadorFactory,
    ArticlePageFactory,
    DialogueThreadPageFactory,
    RegionFactory,
    ThemeFactory,
    VlogPageFactory,
)

pytestmark = pytest.mark.django_db


def found(response):
    return [story.pk for story in response.context["results"]]


def facet(response, parameter):
    [chosen] = [item for item in response.context["facets"] if item.parameter == parameter]
    return {option.value: option.count for option in chosen.options}


def tagged(factory, *, themes=(), regions=(), **fields):
    story = factory(**fields)
    story.themes.set(themes)
    story.regions.set(regions)
    story.save_revision().publish()
    return story


def test_a_synonym_finds_items_that_use_the_other_term(client, home):
    ggz = ArticlePageFactory(title="Wachttijden in de geestelijke gezondheidszorg")
    SynonymGroup.objects.create(terms="GGZ, geestelijke gezondheidszorg")

    assert found(client.get("/zoeken/", {"q": "ggz"})) == [ggz.pk]


def test_the_starting_synonyms_link_pleegzorg_and_pleeggezin(client, home):
    story = ArticlePageFactory(title="Ons leven als pleeggezin")

    assert found(client.get("/zoeken/", {"q": "pleegzorg"})) == [story.pk]


def test_a_changed_synonym_group_counts_at_once(client, home):
    story = ArticlePageFactory(title="Het buurtteam aan de keukentafel")
    assert found(client.get("/zoeken/", {"q": "keukentafelteam"})) == []

    SynonymGroup.objects.create(terms="keukentafelteam, buurtteam")

    assert found(client.get("/zoeken/", {"q": "keukentafelteam"})) == [story.pk]


def test_synonyms_combine_with_the_other_words(client, home, embedded_search):
    twente = ArticlePageFactory(title="Jongeren in Twente en de geestelijke gezondheidszorg")
    utrecht = ArticlePageFactory(title="Jongeren in Utrecht en de geestelijke gezondheidszorg")
    ArticlePageFactory(title="Jongeren in Twente op school")

    response = client.get("/zoeken/", {"q": "ggz twente"})

    # Only one story has both: those with one of the two follow ("most words").
    assert found(response)[0] == twente.pk
    assert utrecht.pk in found(response)
    assert response.context["partial_match"]


def test_a_title_match_ranks_above_a_body_match(client, home):
    in_intro = ArticlePageFactory(title="Over gezinnen", intro="Een verhaal over het wijkteam.")
    in_title = ArticlePageFactory(title="Het wijkteam", intro="Een verhaal over gezinnen.")

    assert found(client.get("/zoeken/", {"q": "wijkteam"})) == [in_title.pk, in_intro.pk]


def test_newest_first_orders_by_publication_date(client, home):
    older = ArticlePageFactory(title="Wijkteam één")
    newer = ArticlePageFactory(title="Wijkteam twee")

    response = client.get("/zoeken/", {"q": "wijkteam", "sortering": "nieuwste"})

    assert found(response) == [newer.pk, older.pk]


def test_facet_counts_follow_the_query_and_the_other_filters(client, home):
    foster, school = ThemeFactory(name="Pleegzorg"), ThemeFactory(name="Onderwijs")
    twente, utrecht = RegionFactory(name="Twente"), RegionFactory(name="Utrecht")
    a = tagged(ArticlePageFactory, title="Wijkteam A", themes=[foster], regions=[twente])
    tagged(ArticlePageFactory, title="Wijkteam B", themes=[foster, school], regions=[utrecht])
    tagged(VlogPageFactory, title="Wijkteam C", themes=[school], regions=[twente])
    tagged(ArticlePageFactory, title="Iets anders", themes=[foster], regions=[twente])

    response = client.get("/zoeken/", {"q": "wijkteam", "regio": twente.slug})

    assert len(found(response)) == 2
    # Counts under the query and the region; the region facet ignores its own filter.
    assert facet(response, "thema") == {foster.slug: 1, school.slug: 1}
    assert facet(response, "regio") == {twente.slug: 2, utrecht.slug: 1}
    assert facet(response, "soort") == {"artikel": 1, "vlog": 1}

    combined = client.get(
        "/zoeken/", {"q": "wijkteam", "regio": twente.slug, "thema": foster.slug}
    )
    assert found(combined) == [a.pk]
    assert facet(combined, "soort") == {"artikel": 1}


def test_values_of_one_facet_widen_and_facets_narrow(client, home):
    twente, utrecht, zeeland = (RegionFactory(name=n) for n in ("Twente", "Utrecht", "Zeeland"))
    for region in (twente, utrecht, zeeland):
        tagged(ArticlePageFactory, title=f"Wijkteam {region.name}", regions=[region])

    response = client.get("/zoeken/", {"q": "wijkteam", "regio": [twente.slug, utrecht.slug]})

    assert len(found(response)) == 2


def test_every_region_with_results_is_listed(client, home):
    regions = [RegionFactory(name=f"Regio {n:02}") for n in range(15)]
    for region in regions:
        tagged(ArticlePageFactory, title=f"Jeugdhulp dichtbij in {region.name}", regions=[region])

    response = client.get("/zoeken/", {"q": "jeugdhulp"})

    assert len(facet(response, "regio")) == 15


def test_the_facet_links_round_trip_through_the_url(client, home):
    theme = ThemeFactory(name="Pleegzorg")
    tagged(ArticlePageFactory, title="Wijkteam en pleegzorg", themes=[theme])
    tagged(ArticlePageFactory, title="Wijkteam zonder thema")

    first = client.get("/zoeken/", {"q": "wijkteam"})
    [option] = [
        option
        for item in first.context["facets"]
        if item.parameter == "thema"
        for option in item.options
    ]
    narrowed = client.get("/zoeken/" + option.url)
    [chosen] = [o for i in narrowed.context["facets"] if i.parameter == "thema" for o in i.options]
    widened = client.get("/zoeken/" + chosen.url)

    assert option.url == f"?q=wijkteam&thema={theme.slug}"
    assert len(found(narrowed)) == 1
    assert chosen.chosen
    assert len(found(widened)) == 2
    assert "Thema: Pleegzorg" in narrowed.content.decode()


def test_unknown_facet_values_and_sorts_give_a_normal_page(client, home):
    story = ArticlePageFactory(title="Wijkteam")

    response = client.get(
        "/zoeken/",
        {
            "q": "wijkteam",
            "thema": "bestaat-niet",
            "soort": "fiets",
            "sortering": "raar",
            "regio": "Ö ö",
        },
    )

    assert response.status_code == 200
    assert found(response) == [story.pk]


@pytest.mark.parametrize(
    ("parameter", "label"),
    [
        ("soort", "Soort"),
        ("thema", "Thema"),
        ("opgave", "Veranderopgave"),
        ("regio", "Jeugdregio"),
        ("doelgroep", "Doelgroep"),
    ],
)
def test_an_unknown_value_of_any_facet_is_ignored_and_the_page_names_it(
    client, home, parameter, label
):
    story = ArticlePageFactory(title="Wijkteam")

    response = client.get("/zoeken/", {"q": "wijkteam", parameter: "bestaat-niet"})

    assert found(response) == [story.pk]
    assert response.context["ignored"] == [(label, "bestaat-niet")]
    content = response.content.decode()
    assert "Deze filters bestaan niet en hebben we weggelaten:" in content
    assert f"{label} ‘bestaat-niet’" in content


def test_a_known_value_next_to_an_unknown_one_still_filters(client, home):
    theme = ThemeFactory(name="Pleegzorg")
    story = tagged(ArticlePageFactory, title="Wijkteam en pleegzorg", themes=[theme])
    ArticlePageFactory(title="Wijkteam zonder thema")

    response = client.get("/zoeken/", {"q": "wijkteam", "thema": [theme.slug, "nope"]})

    assert found(response) == [story.pk]
    assert response.context["ignored"] == [("Thema", "nope")]


def test_filters_without_words_browse_everything_with_that_value(client, home):
    theme = ThemeFactory(name="Pleegzorg")
    story = tagged(ArticlePageFactory, title="Zomaar een verhaal", themes=[theme])
    ArticlePageFactory(title="Ander verhaal")

    response = client.get("/zoeken/", {"thema": theme.slug})

    assert found(response) == [story.pk]


def test_only_live_public_pages_are_found(client, home):
    ArticlePageFactory(title="Wijkteam concept", live=False)
    private = ArticlePageFactory(title="Wijkteam besloten")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    in_review = ArticlePageFactory(title="Wijkteam publiek")
    in_review.save_revision()
    public = in_review

    response = client.get("/zoeken/", {"q": "wijkteam"})

    assert found(response) == [public.pk]
    assert all(count >= 0 for count in facet(response, "soort").values())
    assert facet(response, "soort") == {"artikel": 1}


def test_results_show_a_snippet_with_the_matched_words_marked(client, home):
    ArticlePageFactory(title="Samen sterk", intro="Hoe gezinnen en het wijkteam samenwerken.")

    content = client.get("/zoeken/", {"q": "gezin"}).content.decode()

    assert "<mark>gezinnen</mark>" in content


def test_a_snippet_never_lets_markup_through(client, home):
    ArticlePageFactory(title="Veilig", intro="<script>alert(1)</script> wijkteam <b>vet</b>")

    content = client.get("/zoeken/", {"q": "wijkteam"}).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content


def test_nothing_found_suggests_broader_words_themes_and_a_dialogue(client, home):
    theme = ThemeFactory(name="Pleegzorg")
    tagged(ArticlePageFactory, title="Iets", themes=[theme])

    content = client.get("/zoeken/", {"q": "zeldzaam woordenpaar"}).content.decode()

    assert "We hebben niets gevonden." in content
    assert 'href="/zoeken/?q=zeldzaam"' in content
    assert f'href="/thema/{theme.slug}/"' in content
    assert "/start-een-dialoog/?vraag=zeldzaam+woordenpaar" in content


def test_promoted_results_come_first(client, home):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    promoted = ArticlePageFactory(title="Alles over het wijkteam")
    SearchPromotion.objects.create(
        query=Query.get("wijkteam"), page=promoted, description="Begin hier."
    )

    content = client.get("/zoeken/", {"q": "Wijkteam"}).content.decode()

    assert content.index("Aanbevolen door de redactie") < content.index("search-results__list")
    assert "Begin hier." in content


def test_a_promotion_added_or_removed_after_a_search_shows_on_the_next_one(client, home):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    promoted = ArticlePageFactory(title="Alles over het wijkteam")
    assert (
        "Aanbevolen door de redactie"
        not in client.get("/zoeken/", {"q": "wijkteam"}).content.decode()
    )

    promotion = SearchPromotion.objects.create(
        query=Query.get("wijkteam"), page=promoted, description="Begin hier."
    )
    added = client.get("/zoeken/", {"q": "wijkteam"}).content.decode()
    promotion.delete()
    removed = client.get("/zoeken/", {"q": "wijkteam"}).content.decode()

    assert "Begin hier." in added
    assert "Aanbevolen door de redactie" not in removed


def test_every_results_page_has_an_rss_feed_with_its_filters(client, home):
    theme = ThemeFactory(name="Pleegzorg")
    wanted = tagged(ArticlePageFactory, title="Wijkteam en pleegzorg", themes=[theme])
    tagged(ArticlePageFactory, title="Wijkteam alleen")
    DialogueThreadPageFactory(title="Wijkteam in gesprek")

    page = client.get("/zoeken/", {"q": "wijkteam", "thema": theme.slug}).content.decode()
    feed = feedparser.parse(client.get(f"/zoeken/feed/?q=wijkteam&thema={theme.slug}").content)

    assert f'href="/zoeken/feed/?q=wijkteam&amp;thema={theme.slug}"' in page
    assert feed.feed.language == "nl"
    assert [entry.title for entry in feed.entries] == [wanted.title]
    assert feed.entries[0].link.endswith(wanted.url)


def test_a_theme_page_lists_everything_with_that_theme_and_has_facets(client, home):
    theme = ThemeFactory(name="Pleegzorg", description="Opgroeien in een ander gezin.")
    story = tagged(ArticlePageFactory, title="Ons pleeggezin", themes=[theme])
    ArticlePageFactory(title="Geen thema")

    response = client.get(f"/thema/{theme.slug}/")

    assert found(response) == [story.pk]
    assert "Opgroeien in een ander gezin." in response.content.decode()
    assert "thema" not in [item.parameter for item in response.context["facets"]]


def test_a_region_page_shows_its_ambassadors(client, home):
    region = RegionFactory(name="Twente")
    ambassador = AmbassadorFactory(name="Fenna de Vries")
    ambassador.regions.set([region])
    ambassador.save()
    tagged(ArticlePageFactory, title="Jeugdhulp in Twente", regions=[region])

    content = client.get(f"/regio/{region.slug}/").content.decode()

    assert "Fenna de Vries" in content
    assert "Jeugdhulp in Twente" in content


def test_an_unknown_theme_or_region_is_not_found(client, home):
    assert client.get("/thema/bestaat-niet/").status_code == 404
    assert client.get("/regio/bestaat-niet/").status_code == 404


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Dutch stemming needs PostgreSQL full-text search (set DATABASE_URL)",
)
@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("uithuisplaatsingen", "Een uithuisplaatsing voorkomen"),
        ("gezinnen", "Wat een gezin nodig heeft"),
        ("wijkteams", "Het wijkteam"),
    ],
)
def test_dutch_stemming_finds_other_forms(client, home, query, title):
    story = ArticlePageFactory(title=title)

    assert found(client.get("/zoeken/", {"q": query})) == [story.pk]


def test_a_search_is_logged_once_as_typed(client, home):
    from search.models import SearchQueryDay

    theme = ThemeFactory()
    tagged(ArticlePageFactory, title="Wijkteam", themes=[theme])

    client.get("/zoeken/", {"q": "Wijkteam"})
    client.get("/zoeken/", {"q": "wijkteam", "thema": theme.slug})
    client.get("/zoeken/", {"q": "wijkteam", "pagina": 2})
    client.get("/zoeken/", {"q": "niets te vinden"})

    logged = {row.query: (row.searches, row.zero_results) for row in SearchQueryDay.objects.all()}
    assert logged == {"wijkteam": (1, 0), "niets te vinden": (1, 1)}


def test_a_facet_link_changes_only_its_own_values_and_leaves_the_page_number_out():
    request = RequestFactory().get("/zoeken/?q=pleeg zorg&thema=a&regio=x&pagina=3&thema=b")
    themes = Facet("thema", "Thema", [Option("a", "A", 2, True), Option("c", "C", 1, False)])
    types = Facet("soort", "Soort", [Option("vlog", "Vlog", 4, False)])

    add_links(request, [themes, types])

    assert [option.url for option in themes.options] == [
        "?q=pleeg+zorg&thema=b&regio=x",
        "?q=pleeg+zorg&thema=a&thema=b&thema=c&regio=x",
    ]
    assert types.options[0].url == "?q=pleeg+zorg&thema=a&thema=b&regio=x&soort=vlog"
