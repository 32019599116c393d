"""What a regio-ambassadeur hears about their region: an e-mail when a member sends in a story
or a dialogue for it.

Ambassadors are not editors, so the message links to the public site only: the region's
page, and the story itself when an earlier version of it is online. A story under review is
not public, so its own address is never given. The member is named by their public name only.
"""

from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState
from wagtail.signals import workflow_submitted

from core.site_address import absolute_url, email_subject
from stories.models import Ambassador, Region, StoryPage
from stories.moderation import contributed_story


def ambassadors_to_tell(regions: list[Region]) -> dict[Ambassador, list[Region]]:
    """The ambassadors of these regions who want to hear of submissions, each with the
    regions of theirs that the story is about."""
    told: dict[Ambassador, list[Region]] = defaultdict(list)
    ambassadors = (
        Ambassador.objects.filter(regions__in=regions, notify_on_submissions=True)
        .exclude(email="")
        .prefetch_related("regions")
        .distinct()
        .order_by("name", "pk")
    )
    region_ids = {region.pk for region in regions}
    for ambassador in ambassadors:
        told[ambassador] = [
            region for region in ambassador.regions.all() if region.pk in region_ids
        ]
    return told


def notify_ambassadors_of_submission(*, page: StoryPage) -> int:
    """E-mail each ambassador of the story's regions (as in its latest version) that it was sent
    in; the messages leave once the transaction commits. Returns how many there are."""
    draft = page.get_latest_revision_as_object()
    regions = list(draft.regions.all())
    if not regions:
        return 0
    public_url = page.full_url if page.live and not page.get_view_restrictions() else ""
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        subject = email_subject(
            _("Nieuw uit je regio ingestuurd: %(title)s") % {"title": draft.title}
        )
        for ambassador, own_regions in ambassadors_to_tell(regions).items():
            context = {
                "ambassador": ambassador,
                "title": draft.title,
                "type": draft._meta.verbose_name,
                "member_name": page.contributor.public_name if page.contributor else "",
                "regions": [
                    (region.name, absolute_url(reverse("region", args=[region.slug])))
                    for region in own_regions
                ],
                "public_url": public_url,
            }
            body = render_to_string("ambassadors/emails/submission.txt", context).strip() + "\n"
            messages.append((subject, body, None, [ambassador.email]))
    if messages:
        # robust: a mail server that is down must not undo the member's submission.
        transaction.on_commit(lambda: send_mass_mail(messages), robust=True)
    return len(messages)


def story_submitted(sender: type, instance: WorkflowState, **kwargs: Any) -> None:
    """workflow_submitted: a member's story or dialogue starts its review (once per
    submission; saving it again, or resuming it after changes, starts no new workflow)."""
    if page := contributed_story(instance):
        notify_ambassadors_of_submission(page=page.specific)


def connect_signals() -> None:
    workflow_submitted.connect(
        story_submitted, sender=WorkflowState, dispatch_uid="ambassadors_story_submitted"
    )
