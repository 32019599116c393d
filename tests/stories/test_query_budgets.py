"""Every listing renders in a fixed number of queries, however many stories there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.utils import run_command

# Measured with the demo content: home 20 (six lists of cards share one set of prefetches and
# one look-up of the private sections), indexes 14 (dialogues 17: two short look-ups of the
# latest threads by reply and by publication instead of sorting every thread), webinars 18,
# search 19 (the results, five facet counts, snippets, promotions and the query log; SQLite and
# PostgreSQL alike). The ceilings leave a little room; the real guard is that adding stories
# adds no query.
QUERY_CEILINGS = {
    "/": 22,
    "/verhalen/": 16,
    "/vlogs/": 16,
    "/podcasts/": 16,
    "/webinars/": 20,
    "/dialogen/": 18,
    "/zoeken/?q=jeugdhulp": 22,
}


def render(client, url):
    response = client.get(url)
    assert response.status_code == 200


def queries_to_render(client, url):
    """The SQL of one request, after a first one made the image renditions it needs."""
    render(client, url)
    with CaptureQueriesContext(connection) as context:
        render(client, url)
    return [query["sql"] for query in context.captured_queries]


def test_listings_render_in_the_same_number_of_queries_with_50_more_stories(
    client, demo, subtests, django_assert_max_num_queries
):
    before = {url: queries_to_render(client, url) for url in QUERY_CEILINGS}

    run_command("generate_content", "--count", "50", "--index")

    for url, ceiling in QUERY_CEILINGS.items():
        with subtests.test(page=url):
            render(client, url)
            with django_assert_max_num_queries(ceiling) as context:
                render(client, url)
            after = [query["sql"] for query in context.captured_queries]
            assert len(after) == len(before[url]), "\n".join(
                sql for sql in after if sql not in before[url]
            )
