"""The Dutch analysis: what a text and a query become before they meet in the index."""

import pytest

from search.tantivy.analysis import analyze, has_words, normalise, positioned_terms


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("gezinnen", "gezin"),
        ("pleeggezinnen", "pleeggezin"),
        ("gezinscoaches", "gezinscoach"),
        ("uithuisplaatsingen", "uithuisplaatsing"),
        ("wachtlijsten", "wachtlijst"),
        ("ideeën", "idee"),
        ("knieën", "knie"),
    ],
)
def test_a_plural_and_its_singular_become_the_same_term(plural, singular):
    assert analyze(plural) == analyze(singular)


def test_inflections_of_a_verb_and_its_noun_become_the_same_term():
    assert analyze("opvoeding") == analyze("opvoedend") == analyze("opvoeden")


def test_case_and_diacritics_are_folded():
    assert analyze("Coördinatie") == analyze("coordinatie")
    assert analyze("ÉÉN café") == analyze("een cafe")


def test_decomposed_unicode_is_composed_before_analysis():
    decomposed = "Coo\u0308rdinatie"

    assert normalise(decomposed) == "Coördinatie"
    assert analyze(decomposed) == analyze("coördinatie")


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_invisible_characters_inside_a_word_are_removed(invisible):
    assert analyze(f"uithuis{invisible}plaatsing") == analyze("uithuisplaatsing")


def test_stop_words_are_left_out_but_keep_their_place():
    assert analyze("wat kan ik doen") == []
    assert has_words("wat kan ik doen")
    assert not has_words("?! …")
    # "uit" is a stop word: "huis" keeps position 1, so a phrase still lines up.
    assert positioned_terms("uit huis plaatsing") == [(1, "huis"), (2, "plaats")]
