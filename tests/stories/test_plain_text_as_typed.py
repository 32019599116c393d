"""Plain-text fields keep exactly what was typed (words in angle brackets too) and are escaped
on output; a title that is too long is refused with its length, not cut."""

import pytest

from dialogues.models import DialogueThreadPage
from stories.models import ArticlePage, WebinarRegistration
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    DialogueIndexPageFactory,
    WebinarPageFactory,
)
from tests.sharing.test_submitted_text_is_inert import dangers_in
from tests.utils import CONSENT

LOOKS_LIKE_A_TAG = "Gebruik <geen naam> in je verhaal"
ALL_MARKUP = "<b></b><i>"


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


def share(client, **fields):
    data = {
        **CONSENT,
        "title": "Wat ons hielp",
        "intro": "Een kort verhaal.",
        "body": "Tekst.",
        **fields,
    }
    return client.post("/deel-je-verhaal/artikel/", data)


def test_a_story_keeps_its_title_intro_tags_and_alt_text_as_typed(logged_in, home):
    ArticleIndexPageFactory()

    response = share(
        logged_in,
        title=LOOKS_LIKE_A_TAG,
        intro="Tom &amp; Jerry: 3 < 5 en <i>niet</i> schuin.",
        tags="<ouders>, a&b",
    )

    assert response.status_code == 302
    page = ArticlePage.objects.get()
    assert page.title == LOOKS_LIKE_A_TAG
    assert page.intro == "Tom &amp; Jerry: 3 < 5 en <i>niet</i> schuin."
    assert sorted(page.tags.names()) == ["<ouders>", "a&b"]


def test_a_title_that_is_all_markup_is_kept_not_refused(logged_in, home):
    ArticleIndexPageFactory()

    response = share(logged_in, title=ALL_MARKUP)

    assert response.status_code == 302
    assert ArticlePage.objects.get().title == ALL_MARKUP


def test_a_title_as_typed_is_shown_escaped(logged_in, home):
    ArticleIndexPageFactory()
    share(logged_in, title=LOOKS_LIKE_A_TAG)
    page = ArticlePage.objects.get()
    page.get_latest_revision().publish()

    html = logged_in.get(page.url).text

    assert "Gebruik &lt;geen naam&gt; in je verhaal" in html
    assert "<geen naam>" not in html


def test_plain_text_still_loses_control_characters_and_extra_spaces(logged_in, home):
    ArticleIndexPageFactory()

    share(logged_in, title="  Wat\x1b ons\u202e   hielp \x07", intro="Regel een  \r\nregel twee")

    page = ArticlePage.objects.get()
    assert (page.title, page.intro) == ("Wat ons hielp", "Regel een\nregel twee")


def test_a_title_over_150_characters_is_refused_with_its_length(logged_in, home):
    ArticleIndexPageFactory()

    response = share(logged_in, title="a" * 151)

    assert response.status_code == 400
    assert "Een titel mag hoogstens 150 tekens hebben; je titel heeft er 151." in response.text
    assert not ArticlePage.objects.exists()


def test_a_tag_over_50_characters_is_refused_not_cut(logged_in, home):
    ArticleIndexPageFactory()

    response = share(logged_in, tags="pleegzorg, " + "b" * 51)

    assert response.status_code == 400
    assert "Een trefwoord mag hoogstens 50 tekens hebben" in response.text
    assert "heeft er 51." in response.text
    assert not ArticlePage.objects.exists()


def test_the_title_field_states_its_limit(logged_in, home):
    html = logged_in.get("/deel-je-verhaal/artikel/").text

    assert 'maxlength="150"' in html
    assert "Hoogstens 150 tekens." in html


def test_a_webinar_registration_keeps_name_organisation_and_role_as_typed(client, home):
    webinar = WebinarPageFactory(capacity=10)

    client.post(
        f"{webinar.url}aanmelden/",
        {
            "name": "Sanne <de Vries>",
            "email": "sanne@example.org",
            "organisation": "Jeugd & Gezin <Noord>",
            "role": "<b>",
        },
    )

    registration = WebinarRegistration.objects.get()
    assert (registration.name, registration.organisation, registration.role) == (
        "Sanne <de Vries>",
        "Jeugd & Gezin <Noord>",
        "<b>",
    )


def test_a_dialogue_question_is_kept_as_typed(logged_in, home):
    DialogueIndexPageFactory()

    response = logged_in.post("/start-een-dialoog/", {"question": "Wat doe je met <geen idee>?"})

    assert response.status_code == 302
    assert DialogueThreadPage.objects.get().title == "Wat doe je met <geen idee>?"


def test_a_display_name_loses_control_characters_but_keeps_angle_brackets(logged_in, member):
    logged_in.post(
        "/mijn-account/", {"display_name": "Sanne\x1b <B.>\u202e", "role": "ouder", "region": ""}
    )

    member.refresh_from_db()
    assert member.display_name == "Sanne <B.>"


def test_a_title_and_intro_as_typed_stay_text_in_search_results_and_snippets(client, db):
    ArticlePageFactory(
        title="Pleegzorg <geen naam> <img src=x onerror=alert(1)>",
        intro="Over pleegzorg en <script>alert(2)</script> zo.",
    )

    html = client.get("/zoeken/", {"q": "pleegzorg"}).text

    assert "&lt;geen naam&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "<geen naam>" not in html
    assert dangers_in(html) == []
