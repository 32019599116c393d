"""Helpers of the feed tests: stories that must stay out of a feed, fetching and parsing a
feed, its queries, and the feeds a page advertises."""

import datetime
from html.parser import HTMLParser

import feedparser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

RSS_TYPE = "application/rss+xml"


def days_ago(days):
    return (timezone.now() - datetime.timedelta(days=days)).replace(microsecond=0)


def add_hidden_stories(factory, **fields):
    """A draft and a page behind a login, newer than the others: neither may be in a feed."""
    factory(title="Nog een concept", live=False, **fields)
    private = factory(title="Alleen voor leden", first_published_at=days_ago(0), **fields)
    PageViewRestriction.objects.create(page=private, restriction_type="login")


def fetch_feed(client, url):
    """The feed at `url`, parsed by feedparser, after checking that it answers as RSS."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(RSS_TYPE)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


def queries_of(client, url, entries):
    """The queries of one request for the feed at `url`, after one that fills the caches
    (the sites records, which Django and Wagtail keep for later requests)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert len(fetch_feed(client, url).entries) == entries
    return len(queries)


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
