"""What the content model keeps about a member, declared to accounts' registry of personal
data (stories/wagtail_hooks.py): the stories they shared or own, and the images and documents
they uploaded. Webinar registrations are declared by the webinars app."""

from typing import Any

from django.db.models import Model, Q
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.query import PageQuerySet

from accounts.models import User
from accounts.personal_data import PersonalData

from .models import StoryPage


def member_stories(member: User) -> PageQuerySet:
    """Every story the member shared or owns, live or not."""
    return StoryPage.objects.filter(Q(contributor=member) | Q(owner=member)).specific()


def export_stories(member: User) -> list[dict[str, Any]]:
    return [
        {
            "title": story.title,
            "type": str(story._meta.verbose_name),
            "live": story.live,
            "url": story.full_url if story.live else None,
            "intro": story.intro,
            "first_published_at": (
                story.first_published_at.isoformat() if story.first_published_at else None
            ),
            "themes": [theme.name for theme in story.themes.all()],
            "regions": [region.name for region in story.regions.all()],
        }
        for story in member_stories(member).prefetch_related("themes", "regions")
    ]


def erase_stories(member: User, *, keep_published: bool) -> None:
    """Delete the member's stories, or, when `keep_published`, keep the live ones without
    their name ("Oud-lid")."""
    for story in member_stories(member):
        if keep_published and story.live:
            anonymise_story(story, member)
        else:
            delete_story_completely(story)


def delete_story_completely(story: Page) -> None:
    """Delete a story with its revisions, workflow and log entries, and the files only it used."""
    story = story.specific
    files = member_files_of(story)
    page_id = story.pk
    story.delete()
    PageLogEntry.objects.filter(page_id=page_id).delete()
    for item in files:
        item.delete()


def member_files_of(story: Page) -> list[Model]:
    """The images and documents the contributor uploaded for this story."""
    candidates = [
        getattr(story, name, None)
        for name in (
            "hero_image",
            "attachment",
            "video_file",
            "audio_file",
            "poster_image",
            "captions",
        )
    ]
    return [
        item
        for item in candidates
        if item is not None
        and story.contributor_id
        and item.uploaded_by_user_id == story.contributor_id
    ]


def anonymise_story(story: Page, member: User) -> None:
    """Keep a story but remove who wrote it, also from its earlier revisions."""
    for revision in Revision.page_revisions.filter(object_id=str(story.pk)):
        content = revision.content
        if content.get("contributor") == member.pk:
            content["contributor"] = None
            content["contributor_left"] = True
        if content.get("owner") == member.pk:
            content["owner"] = None
        revision.content = content
        revision.save(update_fields=["content"])
    StoryPage.objects.filter(pk=story.pk).update(contributor=None, contributor_left=True)
    Page.objects.filter(pk=story.pk, owner=member).update(owner=None)


def export_uploads(
    model: type[AbstractImage | AbstractDocument], member: User
) -> list[dict[str, Any]]:
    return [
        {"title": item.title, "file": item.file.name, "uploaded_at": item.created_at.isoformat()}
        for item in model._default_manager.filter(uploaded_by_user=member)
    ]


def erase_images(member: User, *, keep_published: bool) -> None:
    """The member's images, except those a story kept online still shows (runs after
    `erase_stories`, so every story still standing is one the member chose to keep)."""
    kept_heroes = StoryPage.objects.filter(hero_image__uploaded_by_user=member)
    get_image_model().objects.filter(uploaded_by_user=member).exclude(
        pk__in=kept_heroes.values("hero_image")
    ).delete()


def erase_documents(member: User, *, keep_published: bool) -> None:
    get_document_model().objects.filter(uploaded_by_user=member).delete()


def personal_data() -> list[PersonalData]:
    """The kinds of personal data this app keeps, in the order they are erased."""
    return [
        PersonalData(
            "stories",
            export=export_stories,
            erase=erase_stories,
            count=lambda member: member_stories(member).count(),
        ),
        PersonalData(
            "images",
            export=lambda member: export_uploads(get_image_model(), member),
            erase=erase_images,
        ),
        PersonalData(
            "documents",
            export=lambda member: export_uploads(get_document_model(), member),
            erase=erase_documents,
        ),
    ]
