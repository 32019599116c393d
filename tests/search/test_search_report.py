"""The redactie's search admin: the reports of what visitors search for, and the synonyms."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import SearchQueryDay, SynonymGroup

pytestmark = pytest.mark.django_db

POPULAR_URL = "/admin/zoekopdrachten/"
ZERO_RESULTS_URL = "/admin/zoekopdrachten/zonder-resultaat/"
# Measured: 15 queries for a page of the report (most of them the admin's own: session, user,
# permissions, menu); the real guard is that fifty rows need no more queries than five.
QUERY_CEILING = 18


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def searched(query, *, days_ago_=0, searches=1, zero_results=0):
    return SearchQueryDay.objects.create(
        query=query, day=days_ago(days_ago_), searches=searches, zero_results=zero_results
    )


def rows(response):
    """The report's rows as (query, searches, zero results)."""
    assert response.status_code == 200
    return [
        (row["query"], row["total_searches"], row["total_zero_results"])
        for row in response.context["object_list"]
    ]


def exported_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


# Where the reports live


def test_the_reports_live_under_zoekopdrachten_in_the_admin():
    assert reverse("search_queries:popular") == POPULAR_URL
    assert reverse("search_queries:zero_results") == ZERO_RESULTS_URL


def test_editors_find_the_reports_promotions_and_synonyms_in_the_zoeken_menu(editor_client):
    home = editor_client.get(reverse("wagtailadmin_home")).content.decode()

    assert '"zoeken"' in home
    for url in [
        POPULAR_URL,
        ZERO_RESULTS_URL,
        reverse("wagtailsearchpromotions:index"),
        reverse(SynonymGroup.snippet_viewset.get_url_name("list")),
    ]:
        assert url in home
    assert "Uitgelichte zoekresultaten" in home
    # One place for promoted results: not also under Settings.
    assert '"promoted-search-results"' not in home


def test_wagtails_own_search_terms_report_is_gone_as_our_search_does_not_feed_it(
    client, admin_user
):
    client.force_login(admin_user)

    home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert POPULAR_URL in home
    assert reverse("wagtailsearchpromotions:search_terms") not in home


# Most searched


def test_most_searched_sums_each_query_over_the_days_of_the_period(editor_client):
    searched("pleegzorg", days_ago_=0, searches=3)
    searched("pleegzorg", days_ago_=5, searches=4, zero_results=1)
    searched("wijkteam", days_ago_=1, searches=5)
    searched("gezinshuis", days_ago_=2, searches=1)

    response = editor_client.get(POPULAR_URL)

    assert rows(response) == [("pleegzorg", 7, 1), ("wijkteam", 5, 0), ("gezinshuis", 1, 0)]
    assert "Afgelopen 30 dagen" in response.content.decode()


def test_the_report_covers_the_last_30_days_by_default_and_leaves_older_searches_out(
    editor_client,
):
    searched("pleegzorg", days_ago_=29, searches=2)
    searched("pleegzorg", days_ago_=30, searches=50)
    searched("jeugdzorg", days_ago_=45, searches=100)

    assert rows(editor_client.get(POPULAR_URL)) == [("pleegzorg", 2, 0)]


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("7", [("wijkteam", 1, 0)]),
        ("90", [("jeugdzorg", 100, 0), ("pleegzorg", 10, 0), ("wijkteam", 1, 0)]),
        ("365", [("gezinshuis", 200, 0), ("jeugdzorg", 100, 0), ("pleegzorg", 10, 0)]),
    ],
)
def test_the_editor_chooses_the_period_of_the_report(editor_client, period, expected):
    searched("wijkteam", days_ago_=6)
    searched("pleegzorg", days_ago_=20, searches=10)
    searched("jeugdzorg", days_ago_=89, searches=100)
    searched("gezinshuis", days_ago_=120, searches=200)
    searched("kinderopvang", days_ago_=365, searches=300)

    assert rows(editor_client.get(POPULAR_URL, {"period": period}))[:3] == expected


def test_an_unknown_period_reports_the_last_30_days(editor_client):
    searched("pleegzorg", days_ago_=20)
    searched("jeugdzorg", days_ago_=45)

    assert rows(editor_client.get(POPULAR_URL, {"period": "1000"})) == [("pleegzorg", 1, 0)]


def test_queries_searched_equally_often_are_listed_alphabetically(editor_client):
    for query in ["wijkteam", "gezinshuis", "pleegzorg"]:
        searched(query, searches=2)

    assert [query for query, *_ in rows(editor_client.get(POPULAR_URL))] == [
        "gezinshuis",
        "pleegzorg",
        "wijkteam",
    ]


def test_the_report_can_be_searched_for_a_word_in_the_query(editor_client):
    searched("pleegzorg in de regio")
    searched("pleeggezin")
    searched("wijkteam")

    response = editor_client.get(POPULAR_URL, {"q": "pleeg"})

    assert [query for query, *_ in rows(response)] == ["pleeggezin", "pleegzorg in de regio"]


# Zero results


def test_zero_results_lists_only_queries_that_found_nothing_most_often_first(editor_client):
    searched("pleegzorg", searches=40)
    searched("kangoeroeregeling", days_ago_=3, searches=2, zero_results=2)
    searched("kangoeroeregeling", days_ago_=1, searches=3, zero_results=1)
    searched("ouderschapsplan", searches=9, zero_results=9)
    searched("jeugdzorg", days_ago_=40, searches=50, zero_results=50)

    response = editor_client.get(ZERO_RESULTS_URL)

    assert rows(response) == [("ouderschapsplan", 9, 9), ("kangoeroeregeling", 5, 3)]
    assert response.context["object_list"][1]["last_zero_result"] == days_ago(1)


def test_each_zero_result_query_links_to_promoting_a_result_for_it(editor_client):
    searched("ouderschapsplan", zero_results=1)

    html = editor_client.get(ZERO_RESULTS_URL).content.decode()

    promote_url = reverse("search_queries:promote") + "?" + urlencode({"q": "ouderschapsplan"})
    assert f'href="{promote_url}"' in html
    assert "Zoekresultaat uitlichten" in html


def test_the_promote_link_opens_wagtails_promotion_form_with_the_query_filled_in(
    editor_client,
):
    response = editor_client.get(reverse("search_queries:promote"), {"q": "ouderschapsplan"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="ouderschapsplan"' in html
    assert f'action="{reverse("wagtailsearchpromotions:add")}"' in html


def test_a_query_with_a_promoted_result_links_to_editing_that_promotion(editor_client, home):
    searched("ouderschapsplan", zero_results=1)
    query = Query.get("ouderschapsplan")
    SearchPromotion.objects.create(query=query, page=home, sort_order=0)

    html = editor_client.get(ZERO_RESULTS_URL).content.decode()

    assert reverse("wagtailsearchpromotions:edit", args=[query.pk]) in html
    assert "Uitgelicht resultaat bewerken" in html
    assert "Zoekresultaat uitlichten" not in html


# Export


def test_the_csv_export_holds_the_totals_of_the_period_with_dutch_headings(editor_client):
    searched("pleegzorg", days_ago_=0, searches=3, zero_results=1)
    searched("pleegzorg", days_ago_=2, searches=4)
    searched("jeugdzorg", days_ago_=45, searches=100)

    response = editor_client.get(POPULAR_URL, {"export": "csv"})

    assert exported_csv(response) == [
        ["Zoekopdracht", "Keer gezocht", "Keer zonder resultaat", "Laatst gezocht"],
        ["pleegzorg", "7", "1", timezone.localdate().isoformat()],
    ]
    filename = f"meest-gezocht-{days_ago(29)}-{timezone.localdate()}.csv"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'


def test_the_zero_results_csv_export_follows_the_chosen_period(editor_client):
    searched("ouderschapsplan", days_ago_=60, searches=2, zero_results=2)
    searched("kangoeroeregeling", days_ago_=200, searches=1, zero_results=1)

    response = editor_client.get(ZERO_RESULTS_URL, {"export": "csv", "period": "90"})

    assert exported_csv(response) == [
        ["Zoekopdracht", "Keer zonder resultaat", "Keer gezocht", "Laatst zonder resultaat"],
        ["ouderschapsplan", "2", "2", days_ago(60).isoformat()],
    ]


def test_the_report_exports_to_excel(editor_client):
    searched("pleegzorg")

    response = editor_client.get(POPULAR_URL, {"export": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


# Who may see them


def test_a_contributor_is_sent_to_the_login_page_instead_of_a_report(client, contributor):
    client.force_login(contributor)

    for url in [POPULAR_URL, ZERO_RESULTS_URL, f"{POPULAR_URL}?export=csv"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_an_admin_user_outside_the_redactie_gets_no_report_and_no_menu_item(
    client, admin_user_outside_the_redactie
):
    searched("pleegzorg")
    client.force_login(admin_user_outside_the_redactie)

    # Wagtail answers a refused page with a redirect to the dashboard and a message.
    for url in [
        POPULAR_URL,
        ZERO_RESULTS_URL,
        f"{POPULAR_URL}?export=csv",
        reverse("search_queries:popular_results"),
        reverse("search_queries:promote"),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert POPULAR_URL not in home
    assert '"zoeken"' not in home


# Query budget


def queries_for_report(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", [POPULAR_URL, ZERO_RESULTS_URL])
def test_a_report_needs_as_many_queries_for_fifty_queries_as_for_five(
    editor_client, home, url, django_assert_max_num_queries
):
    for number in range(5):
        searched(f"zoekwoord {number}", zero_results=1)
        searched(f"zoekwoord {number}", days_ago_=1, zero_results=1)
    with django_assert_max_num_queries(QUERY_CEILING):
        few = queries_for_report(editor_client, url)

    for number in range(5, 50):
        searched(f"zoekwoord {number}", zero_results=1)
        searched(f"zoekwoord {number}", days_ago_=1, zero_results=1)
    SearchPromotion.objects.create(query=Query.get("zoekwoord 7"), page=home, sort_order=0)

    assert queries_for_report(editor_client, url) == few


# Synonyms


def test_an_editor_adds_synonyms_in_the_admin_and_they_are_saved_normalised(editor_client):
    add_url = reverse(SynonymGroup.snippet_viewset.get_url_name("add"))

    response = editor_client.post(
        add_url, {"terms": " Kinderopvang,  KDV , kinderdagverblijf,, kdv"}
    )

    assert response.status_code == 302
    assert SynonymGroup.objects.filter(terms="kinderopvang, kdv, kinderdagverblijf").exists()


def test_the_synonyms_list_can_be_searched(editor_client):
    list_url = reverse(SynonymGroup.snippet_viewset.get_url_name("list"))

    html = editor_client.get(list_url, {"q": "pleeg"}).content.decode()

    assert "pleegzorg, pleeggezin" in html
    assert "geestelijke gezondheidszorg" not in html


def test_an_admin_user_outside_the_redactie_cannot_add_synonyms(
    client, admin_user_outside_the_redactie
):
    client.force_login(admin_user_outside_the_redactie)
    count = SynonymGroup.objects.count()

    response = client.post(
        reverse(SynonymGroup.snippet_viewset.get_url_name("add")), {"terms": "a, b"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert SynonymGroup.objects.count() == count
