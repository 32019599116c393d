"""The engine's query semantics on fixed Dutch stories (tests/search/tantivy/conftest.py)."""

from search.tantivy.documents import make_document
from search.tantivy.index import open_index, writer
from search.tantivy.query import NEWEST, search
from search.tantivy.suggestions import suggest

from .conftest import ARTIKEL, STORIES, SYNONYMS, VLOG


def ids(index, query, **options):
    return search(index, query, synonyms=SYNONYMS, **options).ids


def test_a_singular_finds_the_plural_in_a_compound(story_index):
    assert ids(story_index, "gezinscoach") == [1]


def test_a_plural_finds_the_singular(story_index):
    assert 2 in ids(story_index, "pleeggezinnen")


def test_a_word_without_its_diacritics_finds_it_with_them(story_index):
    assert ids(story_index, "coordinatie") == [6]
    assert ids(story_index, "ideeen") == [6]


def test_decomposed_unicode_as_pasted_from_a_pdf_finds_the_composed_word(story_index):
    assert ids(story_index, "Coo\u0308rdinatie") == [6]
    assert ids(story_index, "ideee\u0308n") == [6]


def test_a_soft_hyphen_or_zero_width_character_inside_a_word_is_ignored(story_index):
    for invisible in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
        assert ids(story_index, f"gezins{invisible}coach") == [1], repr(invisible)


def test_when_all_words_fill_a_page_the_results_do_not_say_partial(story_index):
    hits = search(story_index, "gezinscoaches ouders", limit=1)

    assert hits.ids == [1]
    assert hits.total == 1
    assert not hits.partial_match


def test_the_pages_with_all_words_lead_the_most_words_results(story_index):
    hits = search(story_index, "gezinscoaches ouders")

    assert hits.partial_match
    assert hits.ids[0] == 1
    assert hits.total > 1


def test_when_all_words_find_too_little_the_most_words_follow_ranked_by_how_many(story_index):
    # "komen" is not stemmed to "kwam": all words find nothing.
    hits = search(story_index, "pleegzorgbegeleider komen maanden", synonyms=SYNONYMS)

    assert hits.partial_match
    # Story 2 has two of the three words, the others one: 1 "komen", 7 and 8 "maanden".
    assert hits.ids[0] == 2
    assert set(hits.ids[1:]) == {1, 7, 8}
    assert hits.total == 4


def test_a_question_full_of_stop_words_finds_the_story_it_describes(story_index):
    hits = search(story_index, "wat kan ik doen als mijn kind niet naar school wil gaan")

    assert hits.ids[0] == 7


def test_a_title_match_outranks_a_body_only_match_even_for_a_long_title(story_index):
    # Story 4 names mantelzorg once, in a title of 22 words; story 5 four times in its body.
    assert ids(story_index, "mantelzorg") == [4, 5]


def test_a_synonym_finds_the_other_term_of_its_group_both_ways(story_index):
    assert set(ids(story_index, "ggz")) == {8, 10}
    assert set(ids(story_index, "geestelijke gezondheidszorg")) == {8, 10}


def test_the_plural_of_a_synonym_term_triggers_its_group(story_index):
    # "pleeggezinnen" stems to the stem of "pleeggezin", whose group holds "pleegzorg".
    assert set(ids(story_index, "pleeggezinnen")) == {2, 9}


def test_without_synonyms_the_other_term_is_not_found(story_index):
    assert search(story_index, "ggz").ids == [10]


def test_a_query_of_only_stop_words_finds_nothing_and_says_so(story_index):
    hits = search(story_index, "wat is het")

    assert hits.ids == []
    assert hits.total == 0
    assert hits.only_stop_words


def test_a_query_without_words_is_not_a_stop_word_query(story_index):
    hits = search(story_index, "?!")

    assert not hits.only_stop_words


def test_drafts_and_restricted_stories_are_not_found_by_the_public_search(story_index):
    assert ids(story_index, "gezinscoach") == [1]
    assert set(ids(story_index, "gezinscoach", public_only=False)) == {1, 20, 21}


def test_filters_on_type_and_theme_and_region(story_index):
    assert ids(story_index, "jongeren", filters={"type": [VLOG]}) == [5]
    assert set(ids(story_index, "ouders", filters={"themes": [10]})) == {1, 3}
    assert set(ids(story_index, "ouders", filters={"themes": [10], "regions": [31]})) == {3}


def expected_counts(query_ids, filters, facet):
    """Counts by hand: over the stories the query finds, with every filter but `facet`'s."""
    counts = {}
    for pk, _t, _s, _b, facets, options in STORIES:
        if pk not in query_ids:
            continue
        values = dict(facets, type=[options["type"]])
        if all(
            set(values.get(name, [])) & set(chosen)
            for name, chosen in filters.items()
            if name != facet
        ):
            for value in values.get(facet, []):
                counts[value] = counts.get(value, 0) + 1
    return counts


def test_facet_counts_are_exact_and_each_is_counted_under_the_other_filters(story_index):
    every = set(ids(story_index, "ouders", limit=100))
    filters = {"regions": [30], "type": [ARTIKEL, VLOG]}
    facets = ("type", "themes", "regions", "audiences")

    hits = search(story_index, "ouders", filters=filters, facets=facets)

    for facet in facets:
        assert hits.facets[facet] == expected_counts(every, filters, facet), facet
    # The region facet ignores the chosen region: both regions keep their count.
    assert set(hits.facets["regions"]) == {30, 31}
    assert hits.total == sum(hits.facets["type"].values())


def test_newest_first_orders_by_publication_date(story_index):
    assert ids(story_index, "mantelzorg", sort=NEWEST) == [5, 4]


def test_an_empty_query_lists_every_public_story_newest_first(story_index):
    assert ids(story_index, "", limit=3) == [10, 9, 8]


def test_paging_with_offset_and_limit(story_index):
    first = ids(story_index, "", limit=4)
    second = ids(story_index, "", offset=4, limit=4)

    assert not set(first) & set(second)
    assert search(story_index, "").total == 10


def test_a_typo_gets_a_suggestion_from_the_index_words(story_index):
    assert suggest(story_index, "plegzorg") == "pleegzorg"
    assert suggest(story_index, "pleegzrog cijfers") == "pleegzorg cijfers"


def test_a_known_word_gets_no_suggestion(story_index):
    assert suggest(story_index, "pleegzorg") is None


def test_a_title_match_outranks_a_body_only_match_whatever_the_title_length(tmp_path):
    # A title of 40 words among short ones, against a short body that is nearly all the word.
    long_title = " ".join(["samenwerking"] * 39 + ["respijtzorg"])
    stories = [(1, long_title, "")] + [
        (pk, f"Kort verhaal {pk}", "Over iets anders.") for pk in range(2, 30)
    ]
    stories.append((30, "Een weekend weg", "Respijtzorg, respijtzorg en respijtzorg."))
    index = open_index(tmp_path)
    with writer(index) as handle:
        for pk, title, body in stories:
            handle.add_document(
                make_document(pk, {"title": title, "body": body}, {}, type=ARTIKEL, published=None)
            )

    assert search(index, "respijtzorg").ids == [1, 30]


def test_every_facet_value_is_counted_not_only_the_ten_largest(tmp_path):
    index = open_index(tmp_path)
    with writer(index) as handle:
        for pk in range(1, 41):
            facets = {"themes": [1000 + pk, 999], "regions": [2000 + pk % 25]}
            handle.add_document(
                make_document(
                    pk, {"title": f"Buurtgezin {pk}"}, facets, type=ARTIKEL, published=None
                )
            )

    hits = search(index, "buurtgezin", facets=("themes", "regions"))

    assert hits.facets["themes"] == {999: 40} | {1000 + pk: 1 for pk in range(1, 41)}
    assert len(hits.facets["regions"]) == 25
    assert sum(hits.facets["regions"].values()) == 40


def test_gezin_does_not_find_zin_though_the_stemmer_makes_both_zin(tmp_path):
    # Dutch Snowball strips "ge-": "gezin" and "zin" share the stem "zin" (see GE_WORDS).
    stories = [
        (1, "Een nieuwe start", "In die zin een goed jaar: zin in de zomer, zin in school."),
        (2, "Een nieuwe start", "Het gezin verhuisde naar een grotere woning in de stad."),
    ]
    index = open_index(tmp_path)
    with writer(index) as handle:
        for pk, title, body in stories:
            handle.add_document(
                make_document(pk, {"title": title, "body": body}, {}, type=VLOG, published=None)
            )

    assert search(index, "gezin").ids == [2]
    assert search(index, "gezinnen").ids == [2]
    assert search(index, "zin").ids[0] == 1
