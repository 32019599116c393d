"""Members start a dialogue from the front end; the redactie approves it like a story."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from dialogues.models import DialogueThreadPage
from tests.factories import (
    ContributorFactory,
    DialogueIndexPageFactory,
    EditorFactory,
    RegionFactory,
    ThemeFactory,
)
from tests.sharing.test_submitted_text_is_inert import dangers_in
from tests.stories.xss_payloads import XSS_PAYLOADS

START_URL = "/start-een-dialoog/"
WORKFLOW_NAME = "Goedkeuring door de redactie"


@pytest.fixture
def index(db):
    return DialogueIndexPageFactory()


@pytest.fixture
def member(contributor):
    """A contributor who verified their e-mail address, as starting a dialogue requires."""
    EmailAddress.objects.create(
        user=contributor, email=contributor.email, verified=True, primary=True
    )
    return contributor


@pytest.fixture
def logged_in(client, member, index):
    client.force_login(member)
    return client


def start(client, **data):
    return client.post(START_URL, {"question": "Wat heb jij nodig van het wijkteam?", **data})


def act(page, action, **kwargs):
    """An editor's action on the page's current workflow task, as the admin performs it."""
    page = Page.objects.get(pk=page.pk).specific
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, EditorFactory(), action, **kwargs)
    return DialogueThreadPage.objects.get(pk=page.pk)


def test_an_anonymous_visitor_is_sent_to_log_in_first(client, index):
    response = client.get(START_URL)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={START_URL}"


def test_a_member_without_a_verified_email_address_is_asked_to_verify_it(client, index):
    client.force_login(ContributorFactory())

    response = start(client)

    assert response.status_code == 200
    assert "account/verified_email_required.html" in [t.name for t in response.templates]
    assert not DialogueThreadPage.objects.exists()


def test_the_form_has_dutch_labels_and_marks_the_question_as_required(logged_in):
    html = logged_in.get(START_URL).content.decode()

    assert "<h1>Start een dialoog</h1>" in html
    assert "Je vraag of stelling" in html
    assert "Toelichting (niet verplicht)" in html
    assert 'class="required"' in html
    assert 'name="website"' in html


def test_a_valid_dialogue_becomes_a_draft_in_the_redactie_workflow_and_the_redactie_is_mailed(
    logged_in, member, index, mailoutbox, django_capture_on_commit_callbacks
):
    editor = EditorFactory()
    theme = ThemeFactory(name="Wijkteams")
    region = RegionFactory(name="Amsterdam-Amstelland")

    with django_capture_on_commit_callbacks(execute=True):
        response = start(
            logged_in,
            explanation="Wij wachtten maanden.\n\nHoe ging het bij jullie?",
            themes=[theme.pk],
            region=region.pk,
        )

    assert response.status_code == 302
    assert response["Location"] == "/mijn-bijdragen/"
    page = DialogueThreadPage.objects.get()
    assert page.get_parent().specific == index
    assert page.title == "Wat heb jij nodig van het wijkteam?"
    assert not page.live
    assert (page.owner, page.contributor) == (member, member)
    assert list(page.themes.all()) == [theme]
    assert list(page.regions.all()) == [region]
    assert page.explanation == "<p>Wij wachtten maanden.</p><p>Hoe ging het bij jullie?</p>"
    assert page.intro == "Wij wachtten maanden. Hoe ging het bij jullie?"
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    assert state.requested_by == member
    [message] = mailoutbox
    assert message.to == [editor.email]
    assert "Wat heb jij nodig van het wijkteam?" in message.subject
    assert "dialoog" in message.body


def test_the_member_is_thanked_and_sees_the_dialogue_in_my_contributions_at_the_redactie(
    logged_in,
):
    response = start(logged_in)

    html = logged_in.get(response["Location"]).content.decode()
    assert "Je dialoog ligt nu bij de redactie" in html
    assert "Wat heb jij nodig van het wijkteam?" in html
    assert "Dialoog" in html
    assert "Bij de redactie" in html


def test_an_editor_approving_the_dialogue_publishes_it_under_dialogen(logged_in):
    start(logged_in, explanation="Vertel het ons.")

    page = act(DialogueThreadPage.objects.get(), "approve")

    assert page.live
    assert page.url.startswith("/dialogen/")
    assert "Gepubliceerd" in logged_in.get("/mijn-bijdragen/").content.decode()
    logged_in.logout()
    assert "Vertel het ons." in logged_in.get(page.url).content.decode()


def test_the_member_is_mailed_about_their_dialogue_not_a_story(
    logged_in, member, mailoutbox, django_capture_on_commit_callbacks
):
    start(logged_in, question="Eerste vraag?")
    start(logged_in, question="Tweede vraag?")
    with django_capture_on_commit_callbacks(execute=True):
        act(DialogueThreadPage.objects.get(title="Eerste vraag?"), "reject", comment="Korter.")
        act(DialogueThreadPage.objects.get(title="Tweede vraag?"), "approve")

    [changes, approved] = [message for message in mailoutbox if message.to == [member.email]]
    assert "je dialoog “Eerste vraag?”" in changes.body
    assert "Pas je dialoog aan" in changes.body
    assert approved.subject.endswith("Je dialoog staat online")
    assert "je dialoog “Tweede vraag?” goedgekeurd" in approved.body
    assert "verhaal" not in changes.body + approved.body


def test_the_question_can_be_filled_in_from_the_link_on_the_search_page(logged_in):
    html = logged_in.get(START_URL, {"vraag": 'Pleegzorg <b>"na"</b> je 18e?'}).content.decode()

    assert 'value="Pleegzorg &lt;b&gt;&quot;na&quot;&lt;/b&gt; je 18e?"' in html


def test_an_empty_question_is_refused_in_dutch_and_the_explanation_is_kept(logged_in):
    response = start(logged_in, question="   ", explanation="Mijn toelichting blijft staan.")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Nog niet alles is goed ingevuld" in html
    assert "Vul je vraag of stelling in." in html
    assert "Mijn toelichting blijft staan." in html
    assert not DialogueThreadPage.objects.exists()


def test_a_question_that_looks_like_markup_is_kept_as_typed_and_shown_as_text(logged_in):
    response = start(logged_in, question="<script>alert(1)</script>")

    assert response.status_code == 302
    assert DialogueThreadPage.objects.get().title == "<script>alert(1)</script>"
    html = logged_in.get("/mijn-bijdragen/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert dangers_in(html) == []


def test_a_too_long_question_and_an_unknown_region_get_dutch_messages(logged_in):
    response = start(logged_in, question="x" * 256, region="999999")

    html = response.content.decode()
    assert "hoogstens 255 tekens (nu 256)" in html
    assert "Kies een jeugdregio uit de lijst." in html
    assert not DialogueThreadPage.objects.exists()


@pytest.mark.parametrize("payload", XSS_PAYLOADS[::6])
def test_script_in_the_question_or_explanation_is_inert_on_the_published_dialogue(
    logged_in, settings, payload
):
    settings.HVDJ_SUBMISSIONS_PER_HOUR = 100
    response = start(logged_in, question=f"Vraag {payload}", explanation=f"Uitleg. {payload}")

    assert response.status_code == 302
    page = DialogueThreadPage.objects.get()
    act(page, "approve")
    logged_in.logout()
    assert dangers_in(logged_in.get(page.url).content.decode()) == []
    assert dangers_in(logged_in.get("/dialogen/").content.decode()) == []


def test_a_member_can_start_only_a_few_dialogues_an_hour(logged_in, settings):
    settings.HVDJ_SUBMISSIONS_PER_HOUR = 2
    for number in range(3):
        response = start(logged_in, question=f"Vraag {number}?")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Je hebt het afgelopen uur al 2 bijdragen ingestuurd." in html
    assert 'value="Vraag 2?"' in html
    assert DialogueThreadPage.objects.count() == 2


def test_the_honeypot_stops_bots(logged_in):
    response = start(logged_in, website="https://spam.example")

    assert response.status_code == 400
    assert "Dit veld moet leeg blijven." in response.content.decode()
    assert not DialogueThreadPage.objects.exists()


def test_without_a_dialogue_section_the_member_is_told_so_instead_of_an_error(client, member):
    client.force_login(member)

    response = start(client)

    assert response.status_code == 200
    assert "Een dialoog starten kan op dit moment niet." in response.content.decode()
    assert not DialogueThreadPage.objects.exists()


def test_personal_data_waits_for_the_member_as_with_a_story(logged_in, member):
    response = start(logged_in, explanation="Bel me op 06-12345678.")

    page = DialogueThreadPage.objects.get()
    assert response["Location"] == f"/mijn-bijdragen/{page.pk}/controleren/"
    assert not page.workflow_in_progress
    assert "06-12345678" in logged_in.get(response["Location"]).content.decode()

    logged_in.post(f"/mijn-bijdragen/{page.pk}/insturen/")

    assert DialogueThreadPage.objects.get().workflow_in_progress


def test_a_dialogue_sent_back_is_changed_on_its_own_form_and_goes_back_to_the_redactie(
    logged_in,
):
    start(logged_in, explanation="Eerste alinea.\n\nTweede alinea.")
    page = act(DialogueThreadPage.objects.get(), "reject", comment="Maak de vraag wat opener.")

    response = logged_in.get(f"/mijn-bijdragen/{page.pk}/aanpassen/")
    assert response["Location"] == f"/mijn-bijdragen/{page.pk}/dialoog-aanpassen/"
    form = logged_in.get(response["Location"]).content.decode()
    assert "<h1>Dialoog aanpassen</h1>" in form
    assert "Eerste alinea.\n\nTweede alinea." in form

    response = start_at(logged_in, response["Location"], question="Wat vind jij van wijkteams?")

    assert response["Location"] == "/mijn-bijdragen/"
    page = DialogueThreadPage.objects.get()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    page = act(page, "approve")
    assert page.live
    assert page.title == "Wat vind jij van wijkteams?"


def start_at(client, url, **data):
    return client.post(url, {"explanation": "", **data})


def test_a_member_cannot_change_another_members_dialogue(client, logged_in):
    start(logged_in)
    page = DialogueThreadPage.objects.get()
    other = ContributorFactory()
    EmailAddress.objects.create(user=other, email=other.email, verified=True, primary=True)
    client.force_login(other)

    assert client.get(f"/mijn-bijdragen/{page.pk}/dialoog-aanpassen/").status_code == 404


def test_the_dialogue_section_invites_members_to_start_a_dialogue(client, index):
    html = client.get(index.url).content.decode()

    assert 'href="/start-een-dialoog/"' in html
    assert "Start een dialoog" in html
    assert "Er zijn nog geen dialogen." in html
