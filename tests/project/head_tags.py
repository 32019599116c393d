"""Reading what a page says to search engines and social media: its <head>'s meta tags."""

from dataclasses import dataclass

from bs4 import BeautifulSoup


@dataclass
class Head:
    meta: dict[str, str]  # by `property` (Open Graph) or `name` (description, twitter:, robots)
    canonical: list[str]
    title: str


def head_tags(response, status=200):
    """The meta tags of a page's <head>; fails when one of them appears twice."""
    assert response.status_code == status, response.status_code
    head = BeautifulSoup(response.content, "html.parser").head
    meta = {}
    for tag in head.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key is None:
            continue
        assert key not in meta, f"{key} twice"
        meta[key] = tag.get("content")
    canonical = [link["href"] for link in head.find_all("link", rel="canonical")]
    return Head(meta=meta, canonical=canonical, title=head.title.get_text())
