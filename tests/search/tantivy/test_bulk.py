"""The bulk path of a rebuild (search/tantivy/bulk.py) makes the same documents as the path of
a publish, for every story type; the faster rich text (plaintext.py) is Wagtail's text."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.rich_text import get_text_for_indexing

from dialogues.moderation import approve_reply
from dialogues.replies import post_reply
from search.tantivy import bulk, plaintext
from search.tantivy.documents import FASTER, documents
from stories.models import ArticlePage, StoryPage
from tests.dialogues.conftest import verified
from tests.factories import (
    ArticlePageFactory,
    AudienceFactory,
    ContributorFactory,
    DialogueThreadPageFactory,
    EditorFactory,
    PodcastPageFactory,
    RegionFactory,
    ThemeFactory,
    VlogPageFactory,
    WebinarPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(home):
    """A story of every type: taxonomy and tags, a dialogue with replies (one approved after
    it was held), a restricted article and a draft."""
    theme, region, audience = ThemeFactory(), RegionFactory(), AudienceFactory()
    article = ArticlePageFactory(
        title="Pleegzorg in Drenthe",
        body=[
            ("paragraph", "<p>Eerst een <b>alinea</b> &amp; meer.</p>"),
            ("heading", {"text": "Wat we deden", "level": "h2"}),
            ("quote", {"quote": "Samen aan tafel.", "attribution": "Een pleegmoeder"}),
            ("paragraph", "<p>Tot slot<br/>een regel.</p>"),
        ],
    )
    article.themes.set([theme])
    article.regions.set([region])
    article.audiences.set([audience])
    article.tags.add("pleegzorg", "gezin")
    article.save_revision().publish()
    restricted = ArticlePageFactory(title="Intervisie voor professionals")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    draft = ArticlePageFactory(title="Nog niet klaar", live=False)
    thread = DialogueThreadPageFactory(title="Hoe vind je een goede gastouder?")
    editor = verified(EditorFactory())
    post_reply(thread=thread, member=editor, text="Het keukentafelgesprek hielp ons enorm.")
    held = post_reply(thread=thread, member=verified(ContributorFactory()), text="Zwemles hielp.")
    approve_reply(reply=held, editor=editor)
    others = [VlogPageFactory(), PodcastPageFactory(), WebinarPageFactory()]
    return [article, restricted, draft, thread, *others]


def as_dicts(docs):
    return sorted((doc.to_dict() for doc in docs), key=lambda doc: doc["id"])


def test_the_bulk_path_makes_the_documents_of_the_per_page_path(stories):
    pages = list(StoryPage.objects.filter(pk__in=[s.pk for s in stories]).specific())

    bulk_docs = [doc for _count, docs in bulk.batches(size=3) for doc in docs]

    assert as_dicts(bulk_docs) == as_dicts(documents(pages))
    by_id = {doc["id"][0]: doc for doc in as_dicts(bulk_docs)}
    assert len(by_id) == len(stories)
    thread = by_id[stories[3].pk]
    assert "keukentafelgesprek" in thread["replies"][0] and "Zwemles" in thread["replies"][0]
    assert by_id[stories[1].pk]["public"] == [0] and by_id[stories[2].pk]["live"] == [0]


def test_a_bulk_batch_costs_the_same_number_of_queries_whatever_its_size(stories):
    with CaptureQueriesContext(connection) as small:
        list(bulk.batches(size=2))
    with CaptureQueriesContext(connection) as whole:
        list(bulk.batches(size=100))

    batches = -(-len(stories) // 2)
    assert len(small) <= batches * len(whole)
    assert len(whole) <= 15


@pytest.mark.parametrize(
    "source",
    [
        "<p>Een zin.</p><p>Nog een<br/>regel.</p><h2>Kop</h2><ul><li>een</li><li>twee</li></ul>",
        '<p>Zie <a href="https://example.org/?a=1&amp;b=2" linktype="external">hier</a>.</p>',
        "<p>a &amp; b &#39; &#x27; &eacute; &nbsp;x&nbsp; &lt;tag&gt; &onbekend;</p>",
        '<p data-block-key="k1">\n café ëën \n</p><embed embedtype="image" id="1"/>',
        "<P>Hoofdletters</P><b>vet</b><i>schuin</i><hr/>",
        "x</P>y<BR/>z<hr  />w<br />v</li>u</blockquote>t</h3>",
        "<p>AT&T en a < b</p>",
        "<!-- opmerking --><p>x</p>",
        "<script>alert(1)</script><p>x</p>",
        "<p>&amp</p>",
        "",
    ],
)
def test_the_faster_rich_text_gives_wagtail_s_text(source):
    assert plaintext.text_for_indexing(source) == get_text_for_indexing(source)


def test_rich_text_and_stream_fields_give_wagtail_s_searchable_content(stories):
    checked = 0
    for page in StoryPage.objects.filter(pk__in=[s.pk for s in stories]).specific():
        for field in type(page)._meta.concrete_fields:
            faster = FASTER.get(type(field))
            if faster is not None:
                expected = field.get_searchable_content(field.value_from_object(page))
                assert faster(field, page) == expected
                checked += 1
    assert checked == 6  # three article bodies, show notes, a description, an explanation


def test_a_span_bounds_the_key_of_every_table_it_joins(stories):
    """PostgreSQL does not carry a range over a join: without a bound on each table's key it
    read the whole of the parent tables for every batch."""
    span = range(min(s.pk for s in stories), max(s.pk for s in stories) + 1)
    names = ["title", "intro", "body"]
    queryset = bulk.in_span(ArticlePage, span, names)
    sql = str(queryset.values_list("pk", *names).query)

    for table, key in (("wagtailcore_page", "id"), ("stories_storypage", "page_ptr_id")):
        assert f'"{table}"."{key}" >= {span.start}' in sql
        assert f'"{table}"."{key}" < {span.stop}' in sql
    articles = {s.pk for s in stories if isinstance(s, ArticlePage)}
    assert set(queryset.values_list("pk", flat=True)) == articles
    assert set(bulk.in_span(ArticlePage, span, ["body"]).values_list("pk", flat=True)) == articles
