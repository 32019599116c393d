"""Moderation of the stories members send in: the redactie's queue and who is told what.

Editors approve and request changes with Wagtail's own workflow screens. Members never see the
admin, so for a story with a contributor our e-mails replace the ones Wagtail sends (which link
to the admin): the member hears that the story is online or what to change, and the redactie
gets one message per submission with the privacy findings.
"""

from collections.abc import Iterable
from typing import Any, TypeGuard

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import models, transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState, get_default_page_content_type
from wagtail.query import PageQuerySet
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)

from accounts.models import User
from core.redactie import redactie_members
from core.site_address import absolute_url, email_subject

from .models import StoryPage

MY_CONTRIBUTIONS_PATH = "/mijn-bijdragen/"


def submitted_stories() -> PageQuerySet:
    """Stories members sent in that wait for the redactie, the longest waiting first.

    Each carries `submitted_at` (when its workflow started), `task_state_id` (the task the
    redactie acts on), its contributor and its consent.
    """
    waiting = WorkflowState.objects.filter(
        base_content_type_id=get_default_page_content_type().pk,
        # object_id is text, so that workflows can cover snippets with any kind of key.
        object_id=Cast(OuterRef("pk"), models.CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return (
        StoryPage.objects.filter(contributor__isnull=False)
        .annotate(
            submitted_at=Subquery(waiting.values("created_at")[:1]),
            task_state_id=Subquery(waiting.values("current_task_state_id")[:1]),
        )
        .filter(submitted_at__isnull=False)
        .select_related("contributor", "consent")
        .order_by("submitted_at", "pk")
    )


def contributed_story(workflow_state: WorkflowState) -> StoryPage | None:
    """The story a workflow state is about if a member sent it in, else None."""
    if workflow_state.base_content_type_id != get_default_page_content_type().pk:
        return None
    return (
        StoryPage.objects.filter(pk=workflow_state.object_id, contributor__isnull=False)
        .select_related("contributor")
        .first()
    )


def notify_contributor_of_approval(*, page: StoryPage) -> None:
    """E-mail the member that the redactie approved their story, with its public address."""
    member = getattr(page.specific, "contributor", None)
    if not reachable(member):
        return
    # Published before: the member changed a live story and the change is now online.
    updated = page.live and page.first_published_at != page.last_published_at
    noun = page.specific.contribution_noun
    if not page.live:
        subject = _("Je %(noun)s is goedgekeurd") % {"noun": noun}
    elif updated:
        subject = _("Je aangepaste %(noun)s staat online") % {"noun": noun}
    else:
        subject = _("Je %(noun)s staat online") % {"noun": noun}
    mail_after_commit(
        subject=subject,
        template_name="stories/emails/story_approved.txt",
        context={
            "member": member,
            "page": page,
            "noun": noun,
            "updated": updated,
            "url": page.full_url,
        },
        recipients=[member],
    )


def notify_contributor_of_changes_requested(*, page: StoryPage, comment: str) -> None:
    """E-mail the member what the redactie asks them to change, and where to do it."""
    member = getattr(page.specific, "contributor", None)
    if not reachable(member):
        return
    mail_after_commit(
        subject=_("De redactie vraagt je iets aan te passen"),
        template_name="stories/emails/story_changes_requested.txt",
        context={
            "member": member,
            "page": page,
            "noun": page.specific.contribution_noun,
            "comment": comment.strip(),
            "my_contributions_url": absolute_url(MY_CONTRIBUTIONS_PATH),
        },
        recipients=[member],
    )


def notify_redactie_of_submission(*, page: StoryPage) -> None:
    """E-mail every active member of the Redactie that a member's story waits for them."""
    page = page.specific
    member = getattr(page, "contributor", None)
    if member is None:
        return
    editors = redactie_members()
    mail_after_commit(
        subject=_("Nieuwe bijdrage ter beoordeling: %(title)s") % {"title": page.draft_title},
        template_name="stories/emails/story_submitted.txt",
        context={
            "member": member,
            "page": page,
            "type": page._meta.verbose_name,
            # The labels only: what was found (a BSN, a phone number) stays in the admin.
            "findings": [finding.get("label", "") for finding in page.privacy_findings],
            "edit_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        },
        recipients=list(editors),
    )


def reachable(member: User | None) -> TypeGuard[User]:
    return member is not None and member.is_active and bool(member.email)


def mail_after_commit(
    *,
    subject: str | Promise,
    template_name: str,
    context: dict[str, Any],
    recipients: Iterable[User],
) -> None:
    """Send one plain-text message to each recipient once the transaction commits."""
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        full_subject = email_subject(str(subject))
        body = render_to_string(template_name, context).strip() + "\n"
    messages = [(full_subject, body, None, [recipient.email]) for recipient in recipients]
    # robust: a mail server that is down must not turn a committed approval into an error page.
    transaction.on_commit(lambda: send_mass_mail(messages), robust=True)


def story_approved(sender: type, instance: WorkflowState, **kwargs: Any) -> None:
    """workflow_approved: the story was published (or scheduled); tell its member."""
    if page := contributed_story(instance):
        notify_contributor_of_approval(page=page)


def story_published_past_the_workflow(
    sender: type, instance: WorkflowState, user: User | None = None, **kwargs: Any
) -> None:
    """workflow_cancelled: an editor who publishes a submitted story straight from the editor
    cancels its workflow (WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH) instead of approving it. The
    member is told all the same; a member who cancels, or an editor who cancels without
    publishing, sends nothing."""
    page = contributed_story(instance)
    if page is None or user is None or user.pk == page.contributor_id:
        return
    revision = page.latest_revision
    published = page.live and page.live_revision_id == page.latest_revision_id
    scheduled = revision is not None and revision.approved_go_live_at is not None
    if published or scheduled:
        notify_contributor_of_approval(page=page)


def story_needs_changes(sender: type, instance: WorkflowState, **kwargs: Any) -> None:
    """workflow_rejected: Wagtail's "request changes"; send the member the editor's comment."""
    if page := contributed_story(instance):
        notify_contributor_of_changes_requested(
            page=page, comment=instance.current_task_state.comment
        )


class LeaveContributedStoriesToUs:
    """Makes one of Wagtail's workflow notifiers skip stories that a member sent in."""

    def can_handle(self, instance: TaskState | WorkflowState, **kwargs: Any) -> bool:
        if not super().can_handle(instance, **kwargs):  # type: ignore[misc]  # a mixin
            return False
        workflow_state = instance.workflow_state if isinstance(instance, TaskState) else instance
        return contributed_story(workflow_state) is None


class TaskSubmissionNotifier(
    LeaveContributedStoriesToUs, GroupApprovalTaskStateSubmissionEmailNotifier
):
    pass


class WorkflowSubmissionNotifier(
    LeaveContributedStoriesToUs, WorkflowStateSubmissionEmailNotifier
):
    pass


class WorkflowApprovalNotifier(LeaveContributedStoriesToUs, WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectionNotifier(LeaveContributedStoriesToUs, WorkflowStateRejectionEmailNotifier):
    pass


# Wagtail's notifiers, by the dispatch_uid wagtail/admin/signal_handlers.py connects them with.
WAGTAIL_NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
]
NOTIFIERS = [
    TaskSubmissionNotifier(),
    WorkflowSubmissionNotifier(),
    WorkflowApprovalNotifier(),
    WorkflowRejectionNotifier(),
]


def connect_signals() -> None:
    """Wire the member e-mails, and put our notifiers in the place of Wagtail's."""
    workflow_approved.connect(
        story_approved, sender=WorkflowState, dispatch_uid="stories_story_approved"
    )
    workflow_rejected.connect(
        story_needs_changes, sender=WorkflowState, dispatch_uid="stories_story_needs_changes"
    )
    workflow_cancelled.connect(
        story_published_past_the_workflow,
        sender=WorkflowState,
        dispatch_uid="stories_story_published_past_the_workflow",
    )
    # Taking over Wagtail's dispatch_uid works whichever app is ready first: a receiver that
    # Wagtail already connected is replaced, and Wagtail's later connect under a uid that is
    # taken is ignored (django.dispatch.Signal.connect).
    for (signal, sender, dispatch_uid), notifier in zip(WAGTAIL_NOTIFIERS, NOTIFIERS, strict=True):
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
