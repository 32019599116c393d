"""Members share stories: a draft page owned by the member, reviewed by the redactie.

A story with personal data in it (the privacy guard, `sharing.privacy`) waits as a draft until
the member changes it or sends it anyway; otherwise it goes straight into the Redactie's
workflow (`stories.moderation` tells the redactie). Changes to a story go the same way.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Revision, WorkflowState
from wagtail.rich_text import RichText

from accounts.models import User
from core.sanitise import clean_one_line, clean_plain_text, clean_rich_text
from stories.models import (
    ArticleIndexPage,
    ArticlePage,
    PodcastIndexPage,
    PodcastPage,
    StoryConsent,
    StoryIndexPage,
    StoryPage,
    VlogIndexPage,
    VlogPage,
)
from stories.moderation import notify_redactie_of_submission
from stories.slugs import unique_slug

from .forms import ShareStoryForm, StoryKind
from .privacy import find_personal_data

PAGE_TYPES: dict[str, tuple[type[StoryPage], type[StoryIndexPage]]] = {
    StoryKind.ARTICLE: (ArticlePage, ArticleIndexPage),
    StoryKind.LINK: (ArticlePage, ArticleIndexPage),
    StoryKind.VLOG: (VlogPage, VlogIndexPage),
    StoryKind.PODCAST: (PodcastPage, PodcastIndexPage),
}


class TooManySubmissions(PermissionDenied):
    """The member shared more stories in the last hour than the platform accepts."""


def submissions_per_hour() -> int:
    return getattr(settings, "HVDJ_SUBMISSIONS_PER_HOUR", 5)


def check_submission_rate(*, member: User) -> None:
    """Refuse a new story when the member already started too many in the last hour."""
    since = timezone.now() - datetime.timedelta(hours=1)
    recent = (
        Revision.page_revisions.filter(user=member, created_at__gte=since)
        .values("object_id")
        .distinct()
        .count()
    )
    if recent >= submissions_per_hour():
        raise TooManySubmissions(
            _(
                "Je hebt het afgelopen uur al %(count)s bijdragen ingestuurd. "
                "Probeer het later opnieuw."
            )
            % {"count": recent}
        )


def rich_text_from_member(text: str) -> str:
    """Member text as safe HTML: their own simple markup, or paragraphs from blank lines."""
    if "<" in text:
        return clean_rich_text(text)
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        f"<p>{escape(clean_plain_text(part)).replace(chr(10), '<br>')}</p>"
        for part in paragraphs
        if part
    )


def privacy_findings(texts: Iterable[str]) -> list[dict[str, str]]:
    """What the privacy guard finds in the member's texts, as JSON-ready dicts."""
    return [
        {"kind": finding.kind, "label": str(finding.label), "text": finding.text}
        for text in texts
        for finding in find_personal_data(text)
    ]


class StoredFiles:
    """Remembers the files written during a submission, to remove them if it fails."""

    def __init__(self) -> None:
        self.files: list[FieldFile] = []

    def image(self, file: File, *, title: str, member: User) -> Any:
        return self.store(get_image_model(), file, title=title, member=member)

    def document(self, file: File, *, title: str, member: User) -> Any:
        return self.store(get_document_model(), file, title=title, member=member)

    def store(self, model: Any, file: File, *, title: str, member: User) -> Any:
        item = model(
            title=title, uploaded_by_user=member, collection=Collection.get_first_root_node()
        )
        item.file = file
        item.save()
        self.files.append(item.file)
        return item

    def remove(self) -> None:
        for file in self.files:
            if file.name:
                file.storage.delete(file.name)


def submit_story(*, member: User, form: ShareStoryForm) -> StoryPage:
    """Create the member's story as a draft page; it goes to the redactie unless findings wait.

    Returns the page. When the privacy guard found personal data, the page waits as a draft
    ("controleren") until the member changes it or confirms with `send_to_redactie`.
    """
    check_submission_rate(member=member)
    stored = StoredFiles()
    try:
        with transaction.atomic():
            page = create_draft(member=member, form=form, stored=stored)
            if not page.privacy_findings:
                send_to_redactie(page=page, member=member)
    except Exception:
        stored.remove()
        raise
    return page


def create_draft(*, member: User, form: ShareStoryForm, stored: StoredFiles) -> StoryPage:
    data = form.cleaned_data
    model, index_model = PAGE_TYPES[form.kind]
    parent = index_model.objects.live().first()
    if parent is None:
        raise PermissionDenied(_("Dit soort verhalen kan nu niet worden gedeeld."))
    title = data["title"]
    page = model(
        title=title,
        slug=unique_slug(parent, title),
        intro=data["intro"],
        live=False,
        owner=member,
        contributor=member,
        privacy_findings=privacy_findings(form.texts()),
        **type_fields(form.kind, data, stored=stored, member=member, title=title),
    )
    if data.get("hero_image"):
        page.hero_image = stored.image(data["hero_image"], title=title, member=member)
        page.hero_image_alt = clean_one_line(data["hero_image_alt"])
    page.themes = list(data["themes"])
    page.change_tasks = list(data["change_tasks"])
    page.regions = [data["region"]] if data.get("region") else []
    page.audiences = list(data["audiences"])
    page.tags.add(*data["tags"])
    parent.add_child(instance=page)
    page.save_revision(user=member)
    StoryConsent.objects.create(page=page, **consent_fields(data))
    return page


def consent_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The consent record's values from a share form."""
    child = data["concerns_child"]
    return {
        "recognisable_people_agreed": data["recognisable_people_agreed"],
        "no_identifying_details": data["no_identifying_details"],
        "house_rules_accepted": data["house_rules_accepted"],
        "concerns_child": child,
        "child_age_group": data.get("child_age_group", "") if child else "",
        "given_by": data.get("consent_given_by", "") if child else "",
        "media": clean_plain_text(data.get("consent_media", "")) if child else "",
        "valid_until": data.get("consent_valid_until") if child else None,
    }


def type_fields(
    kind: str, data: dict[str, Any], *, stored: StoredFiles, member: User, title: str
) -> dict[str, Any]:
    """The fields of each kind's page type; files only when a new one was uploaded."""
    fields: dict[str, Any] = {}
    if kind in (StoryKind.ARTICLE, StoryKind.LINK) and data.get("body"):
        fields["body"] = [("paragraph", RichText(rich_text_from_member(data["body"])))]
    if kind == StoryKind.LINK:
        fields["source_url"] = data["source_url"]
    if kind in (StoryKind.VLOG, StoryKind.PODCAST):
        fields["transcript"] = clean_plain_text(data["transcript"])
    if kind == StoryKind.VLOG:
        fields["video_url"] = data.get("video_url", "")
    uploads = {"attachment": "attachment", "video_file": "video_file", "audio_file": "audio_file"}
    for field, name in uploads.items():
        if data.get(name):
            fields[field] = stored.document(data[name], title=title, member=member)
    return fields


def kind_of(page: StoryPage) -> str | None:
    """Which share form a member's page was made with; None for a type started elsewhere."""
    if isinstance(page, VlogPage):
        return StoryKind.VLOG
    if isinstance(page, PodcastPage):
        return StoryKind.PODCAST
    if isinstance(page, ArticlePage):
        return StoryKind.LINK if page.source_url else StoryKind.ARTICLE
    return None


def initial_from(page: StoryPage) -> dict[str, Any]:
    """The share form's initial values from the latest version of a member's story."""
    draft = page.get_latest_revision_as_object()
    initial = {
        "title": draft.title,
        "intro": draft.intro,
        "themes": list(draft.themes.all()),
        "change_tasks": list(draft.change_tasks.all()),
        "region": draft.regions.first(),
        "audiences": list(draft.audiences.all()),
        "tags": ", ".join(sorted(draft.tags.names())),
        "hero_image_alt": draft.hero_image_alt,
    }
    if isinstance(draft, ArticlePage):
        initial["body"] = "".join(
            str(block.value) for block in draft.body if block.block_type == "paragraph"
        )
        initial["source_url"] = draft.source_url
    else:
        initial["transcript"] = draft.transcript
    if isinstance(draft, VlogPage):
        initial["video_url"] = draft.video_url
    consent = StoryConsent.objects.filter(page=page).first()
    if consent is not None:
        initial.update(
            recognisable_people_agreed=consent.recognisable_people_agreed,
            no_identifying_details=consent.no_identifying_details,
            house_rules_accepted=consent.house_rules_accepted,
            concerns_child=consent.concerns_child,
            child_age_group=consent.child_age_group,
            consent_given_by=consent.given_by,
            consent_media=consent.media,
            consent_valid_until=consent.valid_until,
        )
    return initial


@transaction.atomic
def send_to_redactie(*, page: StoryPage, member: User) -> StoryPage:
    """Start the Redactie's workflow on the member's draft and tell the redactie."""
    page = StoryPage.objects.select_for_update().get(pk=page.pk).specific
    if page.contributor_id != member.pk:
        raise PermissionDenied
    if page.workflow_in_progress:
        return page
    page.get_workflow().start(page, member)
    notify_redactie_of_submission(page=page)
    return page


def revisable(page: StoryPage) -> bool:
    """Whether the member may change this story now (not while the redactie is reviewing it)."""
    state = page.current_workflow_state
    return state is None or state.status == WorkflowState.STATUS_NEEDS_CHANGES


def revise_story(*, member: User, page: StoryPage, form: ShareStoryForm) -> StoryPage:
    """Save the member's changes as a new revision and send it (back) to the redactie.

    A published story stays live as it was until the redactie approves the change.
    """
    check_submission_rate(member=member)
    stored = StoredFiles()
    try:
        with transaction.atomic():
            page = apply_changes(member=member, page=page, form=form, stored=stored)
            if not page.privacy_findings:
                resubmit(page=page, member=member)
    except Exception:
        stored.remove()
        raise
    return page


def apply_changes(
    *, member: User, page: StoryPage, form: ShareStoryForm, stored: StoredFiles
) -> StoryPage:
    data = form.cleaned_data
    draft = page.get_latest_revision_as_object()
    draft.title = draft.draft_title = data["title"]
    draft.intro = data["intro"]
    draft.privacy_findings = privacy_findings(form.texts())
    for name, value in type_fields(
        form.kind, data, stored=stored, member=member, title=data["title"]
    ).items():
        setattr(draft, name, value)
    if data.get("hero_image"):
        draft.hero_image = stored.image(data["hero_image"], title=data["title"], member=member)
    if data.get("hero_image_alt") is not None:
        draft.hero_image_alt = clean_one_line(data["hero_image_alt"])
    draft.themes = list(data["themes"])
    draft.change_tasks = list(data["change_tasks"])
    draft.regions = [data["region"]] if data.get("region") else []
    draft.audiences = list(data["audiences"])
    draft.tags.set(data["tags"], clear=True)
    draft.save_revision(user=member)
    StoryPage.objects.filter(pk=page.pk).update(privacy_findings=draft.privacy_findings)
    StoryConsent.objects.update_or_create(page=page, defaults=consent_fields(data))
    return StoryPage.objects.get(pk=page.pk).specific


def resubmit(*, page: StoryPage, member: User) -> None:
    """Back to the redactie: resume a workflow that asked for changes, or start a new one."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=member)
        notify_redactie_of_submission(page=page)
    else:
        send_to_redactie(page=page, member=member)
