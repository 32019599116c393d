"""Helpers of the feed tests: fetch and parse a feed, and find the feeds a page advertises."""

from html.parser import HTMLParser

import feedparser

RSS_TYPE = "application/rss+xml"


def fetch_feed(client, url):
    """The feed at `url`, parsed by feedparser, after checking that it answers as RSS."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(RSS_TYPE)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


class _AlternateLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_head = False
        self.links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif tag == "link" and self.in_head and attributes.get("rel") == "alternate":
            self.links.append(attributes)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def advertised_feeds(client, url):
    """The RSS feeds (title, href) that the page at `url` names in its <head>."""
    response = client.get(url)
    assert response.status_code == 200, url
    parser = _AlternateLinks()
    parser.feed(response.content.decode())
    return [(link["title"], link["href"]) for link in parser.links if link.get("type") == RSS_TYPE]
