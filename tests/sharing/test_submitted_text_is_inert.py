from html.parser import HTMLParser

import pytest
from allauth.account.models import EmailAddress

from stories.models import ArticlePage
from tests.factories import ArticleIndexPageFactory, ContributorFactory
from tests.stories.xss_payloads import XSS_PAYLOADS
from tests.utils import CONSENT

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


class DangerFinder(HTMLParser):
    """Collects anything in a page that could run script."""

    def __init__(self):
        super().__init__()
        self.dangers = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.dangers.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction", "srcdoc", "data", "xlink:href"):
                cleaned = "".join((value or "").split()).lower()
                if cleaned.startswith(DANGEROUS_SCHEMES) or name == "srcdoc":
                    self.dangers.append(f"<{tag} {name}={value}>")
        if tag == "script" and not dict(attrs).get("src", "").startswith("/static/"):
            self.dangers.append("<script> without our own src")
        # Our own templates use inline icons, always marked focusable="false"; no others.
        ours = tag == "svg" and dict(attrs).get("focusable") == "false"
        if tag in ("iframe", "object", "embed", "svg", "math", "style", "base") and not ours:
            self.dangers.append(f"<{tag}>")


def dangers_in(html):
    main = html[html.index('<main id="inhoud"') : html.index("</main>")]
    finder = DangerFinder()
    finder.feed(main)
    return finder.dangers


@pytest.mark.django_db
def test_at_least_fifty_payloads_in_every_text_field_render_inert(client, settings, subtests):
    settings.HVDJ_SUBMISSIONS_PER_HOUR = 10_000
    assert len(XSS_PAYLOADS) >= 50
    ArticleIndexPageFactory()
    member = ContributorFactory()
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    client.force_login(member)

    for number, payload in enumerate(XSS_PAYLOADS):
        with subtests.test(payload=payload):
            response = client.post(
                "/deel-je-verhaal/artikel/",
                {
                    **CONSENT,
                    "title": f"Verhaal {number} {payload}"[:150],
                    "intro": payload[:600],
                    "body": f"Tekst {number}. {payload}",
                    "tags": payload[:300],
                },
            )
            assert response.status_code in (302, 400)
            page = ArticlePage.objects.filter(title__startswith=f"Verhaal {number} ").first()
            if page is None:
                # Refused input (for example an empty title once cleaned) must say why.
                assert "errorlist" in response.content.decode()
                continue
            page.get_latest_revision().publish()
            html = client.get(page.url).content.decode()
            assert dangers_in(html) == []
            listing = client.get(page.get_parent().url).content.decode()
            assert dangers_in(listing) == []
