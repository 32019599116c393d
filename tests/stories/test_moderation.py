"""The redactie's queue of submitted stories and the e-mails around approving them."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from stories.moderation import notify_redactie_of_submission
from stories.wagtail_hooks import SubmittedStoriesPanel
from tests.factories import (
    ArticlePageFactory,
    ContributorFactory,
    EditorFactory,
    StoryConsentFactory,
    UserFactory,
    VlogPageFactory,
)

SUBJECT_PREFIX = "[Hart voor de Jeugd] "
FINDINGS = [
    {"kind": "phone", "label": "telefoonnummer", "text": "06-12345678"},
    {"kind": "bsn", "label": "BSN", "text": "111222333"},
]


def submit(page, member):
    """What the share form does: a revision by the member and the Redactie's workflow."""
    page.save_revision(user=member)
    page.get_workflow().start(page, member)
    page.refresh_from_db()
    return page


def submitted_story(member, factory=ArticlePageFactory, **kwargs):
    page = factory(live=False, owner=member, contributor=member, **kwargs)
    return submit(page, member)


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_state.current_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        {"comment": comment},
    )


@pytest.fixture
def member(db):
    return ContributorFactory(display_name="Marloes, moeder van twee")


@pytest.fixture
def story(member):
    return submitted_story(member, title="Hoe wij pleegouder werden", privacy_findings=FINDINGS)


@pytest.fixture
def admin_user_outside_the_redactie(db):
    """Someone who may enter the admin but does not judge stories."""
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def dashboard_panel(client):
    """The HTML of the "Ingezonden verhalen" panel on the dashboard, or "" without one."""
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    if 'id="submitted-stories-section"' not in content:
        return ""
    return content.split('id="submitted-stories-section"')[1].split("</section>")[0]


# E-mails to the member


def test_approving_in_the_admin_publishes_the_story_and_mails_the_member_its_address(
    client, editor, member, story, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, story, "approve")

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live
    [message] = mailoutbox
    assert message.to == [member.email]
    assert message.subject == SUBJECT_PREFIX + "Je verhaal staat online"
    assert story.full_url in message.body
    assert "Beste Marloes, moeder van twee," in message.body
    assert "“Hoe wij pleegouder werden”" in message.body


def test_requesting_changes_mails_the_member_the_comment_and_keeps_the_story_offline(
    client, editor, member, story, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(
            client, story, "reject", comment="Laat de naam van de school & de wijk weg."
        )

    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live
    assert story.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    [message] = mailoutbox
    assert message.to == [member.email]
    assert message.subject == SUBJECT_PREFIX + "De redactie vraagt je iets aan te passen"
    assert "Laat de naam van de school & de wijk weg." in message.body
    assert "http://testserver/mijn-bijdragen/" in message.body


def test_no_mail_leaves_before_the_approval_is_committed(
    client, editor, story, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workflow_action(client, story, "approve")

    assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 1


def test_publishing_a_submitted_story_straight_from_the_editor_also_mails_the_member(
    editor, member, story, mailoutbox, django_capture_on_commit_callbacks
):
    # "Publiceren" in the editor: Wagtail publishes the revision and cancels the workflow.
    with django_capture_on_commit_callbacks(execute=True):
        story.get_latest_revision().publish(user=editor)

    story.refresh_from_db()
    assert story.live
    assert story.current_workflow_state is None
    [message] = mailoutbox
    assert message.to == [member.email]
    assert message.subject == SUBJECT_PREFIX + "Je verhaal staat online"
    assert story.full_url in message.body


def test_a_scheduled_story_published_straight_from_the_editor_mails_when_it_goes_online(
    editor, member, mailoutbox, django_capture_on_commit_callbacks
):
    go_live_at = timezone.now() + datetime.timedelta(days=30)
    scheduled = submitted_story(member, go_live_at=go_live_at)

    with django_capture_on_commit_callbacks(execute=True):
        scheduled.get_latest_revision().publish(user=editor)

    [message] = mailoutbox
    assert message.subject == SUBJECT_PREFIX + "Je verhaal is goedgekeurd"
    assert f"Vanaf {timezone.localtime(go_live_at).day} " in message.body


def test_cancelling_the_workflow_without_publishing_mails_nobody(
    editor, member, story, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story.current_workflow_state.cancel(user=editor)

    story.refresh_from_db()
    assert not story.live
    assert mailoutbox == []


def test_approving_a_scheduled_story_tells_the_member_when_it_goes_online(
    client, editor, member, mailoutbox, django_capture_on_commit_callbacks
):
    go_live_at = timezone.now() + datetime.timedelta(days=30)
    scheduled = submitted_story(member, go_live_at=go_live_at)
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, scheduled, "approve")

    scheduled.refresh_from_db()
    assert not scheduled.live
    [message] = mailoutbox
    assert message.subject == SUBJECT_PREFIX + "Je verhaal is goedgekeurd"
    assert f"Vanaf {timezone.localtime(go_live_at).day} " in message.body


def test_approving_a_change_to_a_live_story_tells_the_member_the_change_is_online(
    client, editor, member, mailoutbox, django_capture_on_commit_callbacks
):
    live_story = ArticlePageFactory(owner=member, contributor=member)
    live_story.title = "Hoe wij pleegouder werden, een jaar later"
    submit(live_story, member)
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, live_story, "approve")

    [message] = mailoutbox
    assert message.subject == SUBJECT_PREFIX + "Je aangepaste verhaal staat online"
    assert "je aanpassingen aan “Hoe wij pleegouder werden, een jaar later”" in message.body
    assert live_story.full_url in message.body


def test_a_submitted_story_sends_none_of_wagtails_own_workflow_emails(
    client, editor, member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = submitted_story(member)
    assert mailoutbox == []
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, story, "approve")

    assert [message.subject for message in mailoutbox] == [
        SUBJECT_PREFIX + "Je verhaal staat online"
    ]


def test_an_editor_created_page_mails_nobody_when_it_is_approved(
    client, editor, mailoutbox, django_capture_on_commit_callbacks
):
    page = submit(ArticlePageFactory(live=False, owner=editor), editor)
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "approve")

    page.refresh_from_db()
    assert page.live
    assert mailoutbox == []


def test_wagtail_still_notifies_editors_about_pages_an_editor_wrote(
    client, editor, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = EditorFactory()
    page = submit(ArticlePageFactory(live=False, owner=colleague), colleague)
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "approve")

    assert {address for message in mailoutbox for address in message.to} == {
        editor.email,
        colleague.email,
    }
    assert not any(message.subject.startswith(SUBJECT_PREFIX) for message in mailoutbox)


# E-mail to the redactie


def test_the_redactie_is_mailed_about_a_submission_with_its_member_type_and_findings(
    editor, member, story, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = EditorFactory()
    EditorFactory(is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        notify_redactie_of_submission(page=story)

    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [editor.email, colleague.email]
    )
    message = mailoutbox[0]
    assert message.subject == (
        SUBJECT_PREFIX + "Nieuwe bijdrage ter beoordeling: Hoe wij pleegouder werden"
    )
    assert f"http://testserver/admin/pages/{story.pk}/edit/" in message.body
    assert "Ingestuurd door: Marloes, moeder van twee" in message.body
    assert "Soort: artikel" in message.body
    assert "- telefoonnummer\n- BSN\n" in message.body


def test_the_redactie_mail_leaves_the_personal_data_itself_in_the_admin(
    editor, story, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify_redactie_of_submission(page=story)

    [message] = mailoutbox
    assert "06-12345678" not in message.body
    assert "111222333" not in message.body


def test_a_page_without_a_contributor_mails_the_redactie_nothing(
    editor, mailoutbox, django_capture_on_commit_callbacks
):
    page = ArticlePageFactory(live=False, owner=editor)

    with django_capture_on_commit_callbacks(execute=True):
        notify_redactie_of_submission(page=page)

    assert mailoutbox == []


# The dashboard panel


def test_the_dashboard_lists_a_submitted_story_with_its_member_and_findings_for_an_editor(
    client, editor, story
):
    client.force_login(editor)

    panel = dashboard_panel(client)

    assert "Hoe wij pleegouder werden" in panel
    assert reverse("wagtailadmin_pages:edit", args=[story.pk]) in panel
    assert "Marloes, moeder van twee" in panel
    assert "2 mogelijke persoonsgegevens" in panel
    assert "net binnen" in panel


def test_the_dashboard_has_no_submitted_stories_panel_for_someone_outside_the_redactie(
    client, admin_user_outside_the_redactie, story
):
    client.force_login(admin_user_outside_the_redactie)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert "submitted-stories" not in response.content.decode()


def test_the_dashboard_shows_the_ten_longest_waiting_stories_and_links_to_the_rest(
    client, editor, member
):
    stories = [submitted_story(member, title=f"Verhaal nummer {n:02}") for n in range(11)]
    WorkflowState.objects.filter(object_id=str(stories[0].pk)).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    client.force_login(editor)

    panel = dashboard_panel(client)

    shown = [story.title for story in stories if story.title in panel]
    assert shown == [story.title for story in stories[:10]]
    assert panel.index("Verhaal nummer 00") < panel.index("Verhaal nummer 01")
    assert "wacht 3\xa0dagen" in panel
    assert "Alle 11 ingezonden verhalen bekijken" in panel
    assert reverse("submitted_stories") in panel


def test_the_dashboard_panel_leaves_out_stories_waiting_for_their_member_and_editor_pages(
    client, editor, member, story
):
    sent_back = submitted_story(member, title="Terug naar het lid")
    task_state = sent_back.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "reject", comment="Graag inkorten.")
    submit(ArticlePageFactory(live=False, owner=editor, title="Van de redactie zelf"), editor)
    client.force_login(editor)

    panel = dashboard_panel(client)

    assert story.title in panel
    assert "Terug naar het lid" not in panel
    assert "Van de redactie zelf" not in panel


def render_panel(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    with CaptureQueriesContext(connection) as context:
        html = SubmittedStoriesPanel().render_html({"request": request})
    return html, len(context.captured_queries)


def test_the_dashboard_panel_takes_the_same_number_of_queries_for_more_submissions(
    editor, member, django_assert_max_num_queries
):
    submitted_story(member, privacy_findings=FINDINGS)
    StoryConsentFactory(page=submitted_story(member))
    render_panel(editor)  # looks up the content types once
    _, queries_for_two = render_panel(editor)

    for _ in range(4):
        submitted_story(ContributorFactory(), privacy_findings=FINDINGS)
        StoryConsentFactory(page=submitted_story(ContributorFactory(), factory=VlogPageFactory))
    render_panel(editor)
    with django_assert_max_num_queries(3):
        html, queries_for_ten = render_panel(editor)

    assert html.count("<tr") == 1 + 10
    assert queries_for_ten == queries_for_two


# The full listing


def test_the_listing_shows_submitted_stories_with_their_consent_to_an_editor(
    client, editor, story
):
    consent = StoryConsentFactory(page=story, valid_until=datetime.date(2031, 6, 30))
    client.force_login(editor)

    response = client.get(reverse("submitted_stories"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Hoe wij pleegouder werden" in content
    assert "Marloes, moeder van twee" in content
    assert (
        f"Over een kind ({consent.get_child_age_group_display()}); toestemming van "
        f"{consent.get_given_by_display()}, tot 30 juni 2031"
    ) in content


def test_the_listing_says_when_no_consent_was_recorded(client, editor, story):
    client.force_login(editor)

    response = client.get(reverse("submitted_stories"))

    assert "Niet vastgelegd" in response.content.decode()


def test_the_listing_is_closed_to_a_contributor(client, member, story):
    client.force_login(member)

    response = client.get(reverse("submitted_stories"))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_listing_is_closed_to_someone_outside_the_redactie(
    client, admin_user_outside_the_redactie, story
):
    client.force_login(admin_user_outside_the_redactie)

    response = client.get(reverse("submitted_stories"))

    assert response.status_code in (302, 403)
    assert story.title not in response.content.decode()


# The page editor


def test_the_editor_shows_the_privacy_findings_and_consent_of_a_submitted_story(
    client, editor, story
):
    StoryConsentFactory(page=story, media="alleen tekst")
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Privacy en toestemming" in content
    assert "06-12345678" in content
    assert "alleen tekst" in content
    assert "de ouder of voogd én de jongere" in content


def test_the_editor_warns_when_the_consent_has_expired(client, editor, story):
    StoryConsentFactory(page=story, valid_until=timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))

    assert "Deze toestemming is verlopen." in response.content.decode()


def test_the_editor_has_no_privacy_panel_for_a_page_without_findings_or_consent(client, editor):
    page = ArticlePageFactory()
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 200
    assert "Privacy en toestemming" not in response.content.decode()
