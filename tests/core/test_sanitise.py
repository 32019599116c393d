import re
from html.parser import HTMLParser

import pytest

from core.sanitise import (
    RICH_TEXT_TAGS,
    clean_one_line,
    clean_plain_text,
    clean_rich_text,
    text_from_html,
)
from tests.stories.xss_payloads import XSS_PAYLOADS

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
FORBIDDEN_TAGS = ("<script", "<iframe", "<object", "<embed", "<svg", "<style", "<form")


class ElementCollector(HTMLParser):
    """Every start tag in a piece of HTML, with its attributes, as a browser would read them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements_in(html):
    collector = ElementCollector()
    collector.feed(html)
    collector.close()
    return collector.elements


def test_there_are_plenty_of_payloads_and_no_duplicates():
    assert len(XSS_PAYLOADS) >= 60
    assert len(set(XSS_PAYLOADS)) == len(XSS_PAYLOADS)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_payload_survives_as_markup(payload):
    cleaned = clean_rich_text(payload)

    lowered = cleaned.lower()
    assert not any(tag in lowered for tag in FORBIDDEN_TAGS), cleaned
    assert not re.search(r"<[^>]*\son\w+\s*=", lowered), cleaned
    for tag, attributes in elements_in(cleaned):
        assert tag in RICH_TEXT_TAGS, cleaned
        assert set(attributes) <= ({"href", "rel"} if tag == "a" else set()), cleaned
        href = re.sub(r"[\x00-\x20]", "", attributes.get("href") or "").lower()
        assert not href.startswith(DANGEROUS_SCHEMES), cleaned


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_cleaning_twice_changes_nothing_more(payload):
    once = clean_rich_text(payload)
    assert clean_rich_text(once) == once


def test_the_checks_above_would_notice_a_payload_that_got_through():
    dangerous = '<a href="JavaScript:alert(1)" onclick="x()">klik</a><svg onload=x>'
    (tag, attributes), (svg, _svg_attributes) = elements_in(dangerous)

    assert (tag, svg) == ("a", "svg")
    assert set(attributes) == {"href", "onclick"}
    assert attributes["href"].lower().startswith(DANGEROUS_SCHEMES)


def test_allowed_formatting_survives_as_it_was():
    html = (
        "<p>Een <strong>vette</strong> en <em>schuine</em> zin, ook <b>zo</b> en <i>zo</i>."
        "<br>Nieuwe regel.</p>"
        "<ul><li>eerste punt</li><li>tweede punt</li></ul>"
        "<ol><li>stap een</li><li>stap twee</li></ol>"
    )
    assert clean_rich_text(html) == html


@pytest.mark.parametrize(
    "href",
    [
        "https://www.nji.nl/jeugdwet",
        "http://example.org/pad?ouders=1&amp;jongeren=2",
        "mailto:redactie@hartvoordejeugd.nl",
    ],
)
def test_outside_links_keep_their_address_and_get_rel_nofollow_noopener_ugc(href):
    cleaned = clean_rich_text(f'<p>Lees <a href="{href}">meer</a>.</p>')

    assert cleaned == f'<p>Lees <a href="{href}" rel="nofollow noopener ugc">meer</a>.</p>'


@pytest.mark.parametrize(
    "href",
    ["/admin/", "../wachtwoord", "pagina.html", "//evil.example/", "#boven", "ftp://x.nl/a"],
)
def test_relative_links_and_other_schemes_lose_their_address(href):
    cleaned = clean_rich_text(f'<a href="{href}">klik</a>')

    assert cleaned == '<a rel="nofollow noopener ugc">klik</a>'


def test_a_members_own_rel_target_title_and_class_are_dropped():
    html = (
        '<a href="https://example.org" rel="author" target="_blank" title="t" class="knop">x</a>'
    )
    assert clean_rich_text(html) == (
        '<a href="https://example.org" rel="nofollow noopener ugc">x</a>'
    )


def test_attributes_on_other_tags_are_dropped():
    html = '<p class="groot" style="color:red" title="t" lang="en" id="x">tekst</p>'
    assert clean_rich_text(html) == "<p>tekst</p>"


def test_other_tags_go_but_their_text_stays():
    html = "<h1>Kop</h1><div><span>tekst</span></div><table><tr><td>cel</td></tr></table>"
    assert clean_rich_text(html) == "Koptekstcel"


@pytest.mark.parametrize("tag", ["script", "style", "template", "iframe", "svg"])
def test_script_style_and_embedded_content_go_with_everything_inside(tag):
    assert clean_rich_text(f"<p>voor</p><{tag}>binnen</{tag}><p>na</p>") == "<p>voor</p><p>na</p>"


def test_comments_are_removed():
    assert clean_rich_text("<p>a<!-- geheim -->b</p>") == "<p>ab</p>"


def test_text_that_looks_like_markup_is_escaped_not_kept():
    assert clean_rich_text("<p>3 < 5 & 7 > 2</p>") == "<p>3 &lt; 5 &amp; 7 &gt; 2</p>"


def test_unclosed_tags_are_closed():
    assert clean_rich_text("<p><strong>vet") == "<p><strong>vet</strong></p>"


# --- Plain text -------------------------------------------------------------------------------


def test_plain_text_keeps_what_looks_like_markup_as_it_was_typed():
    text = 'Gebruik <geen naam> in je verhaal, <b>niet</b> &amp; <script>"ja"</script>'
    assert clean_plain_text(text) == text
    assert clean_plain_text("<b></b>") == "<b></b>"


def test_plain_text_is_not_escaped_because_templates_do_that():
    assert clean_plain_text("Tom & Jerry zeggen: 3 < 5 en \"ja\" > 'nee'") == (
        "Tom & Jerry zeggen: 3 < 5 en \"ja\" > 'nee'"
    )


def test_one_line_text_joins_its_lines():
    assert clean_one_line(" Sanne\r\n <de  Vries>\x07 ") == "Sanne <de Vries>"


def test_text_from_html_loses_all_tags_and_script_content_and_reads_entities():
    text = '<p>Hallo <b>wereld</b><script>alert(1)</script><a href="x">link</a> &amp; zo</p>'
    assert text_from_html(text) == "Hallo wereldlink & zo"


def test_plain_text_keeps_its_lines_and_tabs_and_squeezes_spaces_within_a_line():
    text = "  Eerste   regel\u00a0 met\u2003spaties  \r\nTweede\tregel\r\rVierde regel\n"
    assert clean_plain_text(text) == "Eerste regel met spaties\nTweede\tregel\n\nVierde regel"


def test_plain_text_loses_control_characters_and_direction_overrides():
    text = "a\x00b\x07c\x1bd\x7fe\u0085f \u202egnirts\u202c \u2066g\u2069"
    assert clean_plain_text(text) == "abcde\nf gnirts g"


def test_plain_text_keeps_what_languages_and_emoji_need():
    text = "Crème brûlée \u200f\u05e9\u05dc\u05d5\u05dd\u200e 👨\u200d👩\u200d👧 zelf\u00adstandig"
    assert clean_plain_text(text) == text


def test_control_characters_written_as_entities_in_html_are_removed_too():
    assert text_from_html("a&#x1b;b&#8238;c") == "abc"
