"""The Redactie approves every page before it goes public (see home/migrations/0004)."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowPage, WorkflowState

from stories.moderation import notify_redactie_of_submission
from tests.factories import ArticlePageFactory, ContentPageFactory

WORKFLOW_NAME = "Goedkeuring door de redactie"


@pytest.fixture
def submitted_story(contributor, editor):
    """A new article a contributor saved as a draft and submitted to the Redactie."""
    story = ArticlePageFactory(live=False, owner=contributor, contributor=contributor)
    story.save_revision(user=contributor)
    story.get_workflow().start(story, contributor)
    story.refresh_from_db()
    return story


def approve(story, user, action="approve", **kwargs):
    task_state = story.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, user, action, **kwargs)
    story.refresh_from_db()


def test_the_redactie_workflow_is_assigned_to_the_root_of_the_tree(db):
    assignment = WorkflowPage.objects.get(page=Page.get_first_root_node())

    assert assignment.workflow.name == WORKFLOW_NAME
    assert assignment.workflow.active
    [task] = assignment.workflow.tasks
    assert [group.name for group in task.specific.groups.all()] == ["Redactie"]


def test_every_kind_of_page_falls_under_the_redactie_workflow(home):
    for page in (
        home,
        ArticlePageFactory(),
        ArticlePageFactory().get_parent(),
        ContentPageFactory(),
    ):
        assert page.get_workflow().name == WORKFLOW_NAME


def test_a_contributor_cannot_reach_the_admin(client, contributor):
    client.force_login(contributor)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_contributor_cannot_open_the_page_editor(client, submitted_story):
    client.force_login(submitted_story.owner)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[submitted_story.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_redactie_member_can_reach_the_admin(client, editor):
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200


def test_a_redactie_member_can_edit_and_publish_every_page(editor, home):
    permissions = home.permissions_for_user(editor)

    assert permissions.can_edit()
    assert permissions.can_publish()
    assert permissions.can_add_subpage()


def test_a_submitted_story_is_not_live_until_the_redactie_approves(
    client, submitted_story, editor
):
    assert not submitted_story.live
    assert submitted_story.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get(submitted_story.url).status_code == 404

    approve(submitted_story, editor)

    assert submitted_story.live
    assert client.get(submitted_story.url).status_code == 200
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED


def test_the_redactie_is_emailed_when_a_story_is_submitted(
    submitted_story, editor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify_redactie_of_submission(page=submitted_story)

    assert [message.to for message in mailoutbox] == [[editor.email]]
    assert submitted_story.title in mailoutbox[0].subject


def test_the_contributor_is_emailed_when_the_redactie_approves(
    submitted_story, editor, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        approve(submitted_story, editor)

    assert [message.to for message in mailoutbox] == [[submitted_story.owner.email]]


def test_requesting_changes_keeps_the_story_offline_and_tells_the_contributor(
    client, submitted_story, editor, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        approve(submitted_story, editor, action="reject", comment="Graag de namen weglaten.")

    assert not submitted_story.live
    assert client.get(submitted_story.url).status_code == 404
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [message.to for message in mailoutbox] == [[submitted_story.owner.email]]


def test_approving_in_the_admin_publishes_the_story(client, submitted_story, editor):
    task_state = submitted_story.current_workflow_state.current_task_state
    client.force_login(editor)

    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[submitted_story.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )

    assert response.status_code == 302
    submitted_story.refresh_from_db()
    assert submitted_story.live
    assert client.get(submitted_story.url).status_code == 200


def test_a_contributor_cannot_approve_their_own_story(client, submitted_story):
    task_state = submitted_story.current_workflow_state.current_task_state
    client.force_login(submitted_story.owner)

    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[submitted_story.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )

    assert task_state.task.specific.get_actions(submitted_story, submitted_story.owner) == []
    submitted_story.refresh_from_db()
    assert not submitted_story.live
