"""Forms that help: a refused form lists each error as a link to its field, upload fields state
their limits before the upload, and the main action of a choice looks like the main action."""

import re

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup

from mediafiles.uploads import MB
from stories.models import ArticlePage
from tests.factories import (
    ArticleIndexPageFactory,
    ContributorFactory,
    DialogueIndexPageFactory,
    DialogueThreadPageFactory,
    VlogIndexPageFactory,
    WebinarPageFactory,
)
from tests.utils import CONSENT, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def refused_forms(client, member, home):
    """Every kind of form, sent back with errors, by name."""
    ArticleIndexPageFactory()
    VlogIndexPageFactory()
    DialogueIndexPageFactory()
    thread = DialogueThreadPageFactory()
    webinar = WebinarPageFactory(capacity=5)
    pages = {
        "reply": post_form(
            client, thread.url, {"comment": ""}, action=f"/dialogen/reageren/{thread.pk}/"
        ),
        "webinar registration": post_form(
            client, webinar.url, {"email": "geen-adres"}, action=f"{webinar.url}aanmelden/"
        ),
        "sign-up": post_form(
            client, "/account/signup/", {"email": "geen-adres", "password1": "kort"}
        ),
    }
    client.force_login(member)
    pages["share an article"] = post_form(
        client, "/deel-je-verhaal/artikel/", {"concerns_child": "on"}
    )
    pages["share a vlog"] = post_form(
        client, "/deel-je-verhaal/vlog/", {"video_url": "geen link", **CONSENT}
    )
    pages["start a dialogue"] = post_form(client, "/start-een-dialoog/", {"question": ""})
    return {
        name: BeautifulSoup(response.content, "html.parser") for name, response in pages.items()
    }


def field_errors(soup):
    """The error messages shown at the fields themselves, outside the summary."""
    return [
        item.get_text(" ", strip=True)
        for item in soup.select("ul.errorlist:not(.nonfield) li")
        if not item.find_parent(class_="form-summary")
    ]


def test_the_summary_of_a_refused_form_links_each_error_to_its_field(refused_forms):
    for name, soup in refused_forms.items():
        [summary] = soup.select(".form-summary")
        links = summary.select("a[href^='#']")
        errors = field_errors(soup)

        assert errors, name
        assert len(links) == len(errors), name
        for link, error in zip(links, errors, strict=True):
            target = soup.find(id=link["href"][1:])
            assert target is not None and target.name in {"input", "select", "textarea"}, (
                name,
                link["href"],
            )
            assert error in link.get_text(" ", strip=True), name


def test_the_summary_shows_the_forms_own_errors_too(client, member):
    response = post_form(client, "/account/login/", {"login": member.email, "password": "fout"})
    [summary] = BeautifulSoup(response.content, "html.parser").select(".form-summary")

    assert "wachtwoord is niet correct" in summary.get_text()


def test_upload_fields_state_the_size_limit_from_the_settings_before_the_upload(
    client, member, home, settings
):
    settings.HVDJ_MAX_UPLOAD_SIZES = {
        **settings.HVDJ_MAX_UPLOAD_SIZES,
        "image": 7 * MB,
        "video": 123 * MB,
    }
    VlogIndexPageFactory()
    client.force_login(member)
    soup = BeautifulSoup(client.get("/deel-je-verhaal/vlog/").content, "html.parser")

    for field, limit in (("hero_image", "7 MB"), ("video_file", "123 MB")):
        help_text = soup.find(id=f"id_{field}_helptext")
        assert help_text is not None, field
        assert limit in help_text.get_text(), field
        assert help_text.sourceline <= soup.find(id=f"id_{field}").sourceline


@pytest.fixture
def story_with_findings(client, member, home):
    ArticleIndexPageFactory()
    client.force_login(member)
    client.post(
        "/deel-je-verhaal/artikel/",
        {**CONSENT, "title": "Bel me", "intro": "Mijn nummer is 06-12345678.", "body": "Tekst."},
    )
    return ArticlePage.objects.get(title="Bel me")


def test_on_the_privacy_check_editing_is_the_main_action_and_sending_anyway_secondary(
    client, story_with_findings
):
    soup = BeautifulSoup(
        client.get(f"/mijn-bijdragen/{story_with_findings.pk}/controleren/").content,
        "html.parser",
    )
    edit = soup.find("a", href=f"/mijn-bijdragen/{story_with_findings.pk}/aanpassen/")
    send_anyway = soup.find("form", action=f"/mijn-bijdragen/{story_with_findings.pk}/insturen/")

    assert "button" in edit["class"]
    assert "button--secondary" not in edit["class"]
    assert "button--secondary" in send_anyway.find("button")["class"]
    assert edit.sourceline < send_anyway.sourceline


def test_cancelling_a_new_password_does_not_look_like_the_main_button(client, mailoutbox):
    member = ContributorFactory()
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    post_form(client, "/account/password/reset/", {"email": member.email})
    link = re.search(r"https?://[^/\s]+(/account/password/reset/key/\S+/)", mailoutbox[0].body)
    response = client.get(link.group(1), follow=True)
    buttons = BeautifulSoup(response.content, "html.parser").select("main form button")

    [main] = [button for button in buttons if "button--secondary" not in button.get("class", [])]
    assert main.get_text(strip=True) == "Wachtwoord wijzigen"
    assert [b.get_text(strip=True) for b in buttons if b is not main] == ["Annuleren"]
