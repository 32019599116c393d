"""Structured data (schema.org JSON-LD) for the home page: the Organization behind the site
and the WebSite with a SearchAction, so that search engines can offer a search box for it
(https://developers.google.com/search/docs/appearance/structured-data/organization).
The project's `{% structured_data %}` tag (hartvoordejeugd.structured_data) writes it.
"""

from django.http import HttpRequest

from core.site_address import absolute_url
from stories.structured_data import SCHEMA, JsonDict, organisation

from .models import HomePage


def organisation_and_website(
    page: HomePage, request: HttpRequest, *, search_url: str
) -> list[JsonDict]:
    """`search_url` (a path or a full URL) is where the search app answers: home and search
    are siblings, so the caller passes it (hartvoordejeugd.context_processors.search_links)."""
    home_url = page.get_full_url(request)
    publisher = {"@context": SCHEMA, "@id": f"{home_url}#organisatie", **organisation(request)}
    website = {
        "@context": SCHEMA,
        "@type": "WebSite",
        "@id": f"{home_url}#website",
        "url": home_url,
        "name": publisher["name"],
        "description": page.search_description or page.intro or None,
        "inLanguage": "nl-NL",
        "publisher": {"@id": publisher["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{absolute_url(search_url, request)}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }
    return [publisher, {key: value for key, value in website.items() if value is not None}]
