"""Reads the schema.org JSON-LD of a response, as a search engine does."""

import json
from html.parser import HTMLParser


class _JsonLdScripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self._inside = [], False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs
        if self._inside:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.scripts[-1] += data


def json_ld(response):
    """Every <script type="application/ld+json"> of the response, parsed."""
    parser = _JsonLdScripts()
    parser.feed(response.content.decode())
    return [json.loads(script) for script in parser.scripts]


def of_type(response, schema_type):
    """The one JSON-LD object of `schema_type` in the response."""
    found = [data for data in json_ld(response) if data.get("@type") == schema_type]
    assert len(found) == 1, [data.get("@type") for data in json_ld(response)]
    return found[0]
