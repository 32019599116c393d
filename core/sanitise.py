"""Clean-up of the text members submit, before it is stored."""

import html
import re
import unicodedata

import nh3

RICH_TEXT_TAGS = {"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a"}
# "*" must be given: without it nh3 keeps its default generic attributes (lang, title) everywhere.
RICH_TEXT_ATTRIBUTES = {"*": set(), "a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Members' links get no search-engine credit and cannot reach back to our page (window.opener).
LINK_REL = "nofollow noopener ugc"
# Tags removed together with everything inside them; the content of other tags stays as text.
CONTENT_TAGS = {"script", "style", "template", "iframe", "object", "embed", "svg", "math"}

# Bidirectional overrides and isolates can make text read differently from what it is
# (https://trojansource.codes/); the marks LRM and RLM stay.
BIDI_CONTROLS = {chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
SPACES = re.compile(r"[^\S\t\n]+")


RICH_TEXT_CLEANER = nh3.Cleaner(
    tags=RICH_TEXT_TAGS,
    clean_content_tags=CONTENT_TAGS,
    attributes=RICH_TEXT_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    url_relative="deny",
    link_rel=LINK_REL,
    strip_comments=True,
)
PLAIN_TEXT_CLEANER = nh3.Cleaner(tags=set(), clean_content_tags=CONTENT_TAGS, attributes={})


def clean_rich_text(value: str) -> str:
    """Article text as members may submit it: paragraphs, emphasis, lists and outside links."""
    return RICH_TEXT_CLEANER.clean(value)


def clean_plain_text(value: str) -> str:
    """A member's plain text as typed, without control characters and with tidy whitespace.

    Not read as HTML: `<geen naam>` or `&amp;` stay as they were typed. Templates escape it on
    output (autoescape), as they do replies.
    """
    text = LINE_BREAKS.sub("\n", value)
    text = "".join(char for char in text if not _is_control(char))
    lines = (SPACES.sub(" ", line).strip(" ") for line in text.split("\n"))
    return "\n".join(lines).strip("\n")


def clean_one_line(value: str) -> str:
    """Plain text as typed on one line (a title, a name, a tag)."""
    return " ".join(clean_plain_text(value).split())


def text_from_html(value: str) -> str:
    """The text of a piece of HTML (a member's rich text): markup and script content removed,
    entities read, then tidied like plain text. Not escaped."""
    return clean_plain_text(html.unescape(PLAIN_TEXT_CLEANER.clean(value)))


def _is_control(char: str) -> bool:
    if char in "\n\t":
        return False
    return unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS
