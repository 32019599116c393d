"""Mijn bijdragen: where each of a member's stories stands, and withdrawing one for good."""

from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, TaskState, WorkflowState

from accounts.models import User
from core.site_address import email_subject
from stories.models import StoryPage
from stories.personal_data import delete_story_completely


class Status:
    """Where a member's story stands, as "Mijn bijdragen" shows it."""

    DRAFT = "concept"
    IN_REVIEW = "in_behandeling"
    CHANGES_REQUESTED = "aanpassen"
    PUBLISHED = "gepubliceerd"
    NOT_PLACED = "niet_geplaatst"

    LABELS = {
        DRAFT: gettext_lazy("Nog niet ingestuurd"),
        IN_REVIEW: gettext_lazy("Bij de redactie"),
        CHANGES_REQUESTED: gettext_lazy("Aanpassen gevraagd"),
        PUBLISHED: gettext_lazy("Gepubliceerd"),
        NOT_PLACED: gettext_lazy("Niet geplaatst"),
    }


def member_contributions(*, member: User) -> list[tuple[StoryPage, str, str]]:
    """The member's stories, newest first, each with its status and the editor's last comment."""
    stories = list(
        StoryPage.objects.filter(contributor=member).order_by("-latest_revision_created_at", "-pk")
    )
    states = {
        state.object_id: state
        for state in WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(story.pk) for story in stories],
        ).order_by("created_at")
    }
    comments = {
        task_state.workflow_state_id: task_state.comment
        for task_state in TaskState.objects.filter(
            workflow_state__in=list(states.values()), status=TaskState.STATUS_REJECTED
        ).order_by("finished_at")
    }
    return [(story, *status_of(story, states.get(str(story.pk)), comments)) for story in stories]


def status_of(
    story: StoryPage, state: WorkflowState | None, comments: dict[int, str]
) -> tuple[str, str]:
    """The status label key and the editor's comment for one story."""
    if state is None:
        return (Status.PUBLISHED if story.live else Status.DRAFT), ""
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return Status.CHANGES_REQUESTED, comments.get(state.pk, "")
    if state.status == WorkflowState.STATUS_IN_PROGRESS:
        return Status.IN_REVIEW, ""
    if story.live:
        return Status.PUBLISHED, ""
    if state.status == WorkflowState.STATUS_CANCELLED:
        return Status.NOT_PLACED, comments.get(state.pk, "")
    return Status.DRAFT, ""


@transaction.atomic
def withdraw_story(*, page: StoryPage, member: User) -> str:
    """Take a member's story offline for good: the page, its files and its replies go."""
    page = StoryPage.objects.select_for_update().get(pk=page.pk, contributor=member).specific
    title = page.title
    if page.current_workflow_state:
        page.current_workflow_state.cancel(user=member)
    delete_story_completely(page)
    noun = page.contribution_noun
    transaction.on_commit(lambda: notify_withdrawn(member=member, title=title, noun=noun))
    return title


def notify_withdrawn(*, member: User, title: str, noun: str | Promise) -> None:
    """Tell the member their story is gone, so they know it is done."""
    subject = _("Je %(noun)s is offline gehaald") % {"noun": noun}
    send_mail(
        subject=email_subject(subject),
        message=render_to_string(
            "stories/emails/withdrawn.txt", {"member": member, "title": title, "noun": noun}
        ),
        from_email=None,
        recipient_list=[member.email],
    )
