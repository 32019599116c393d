"""What members can do with their own data: export it and delete their account."""

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail.search.models import IndexEntry

from dialogues.replies import erase_replies, export_replies
from stories.models import StoryPage
from stories.registrations import erase_registrations, export_registrations
from stories.submission import delete_story_completely


def member_stories(member):
    """Every story the member shared or owns, live or not."""
    return StoryPage.objects.filter(Q(contributor=member) | Q(owner=member)).specific()


def verified_addresses(member):
    """The addresses the member proved are theirs; webinar registrations go by address."""
    return list(member.emailaddress_set.filter(verified=True).values_list("email", flat=True))


def export_member_data(*, member):
    """Everything the platform keeps about a member, as a JSON-ready dict."""
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": member.email,
            "display_name": member.display_name,
            "role": member.role,
            "region": member.region.name if member.region_id else None,
            "date_joined": member.date_joined.isoformat(),
            "last_login": member.last_login.isoformat() if member.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in member.emailaddress_set.all()
            ],
        },
        "stories": [
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
        ],
        "images": [
            {
                "title": image.title,
                "file": image.file.name,
                "uploaded_at": image.created_at.isoformat(),
            }
            for image in get_image_model().objects.filter(uploaded_by_user=member)
        ],
        "documents": [
            {
                "title": document.title,
                "file": document.file.name,
                "uploaded_at": document.created_at.isoformat(),
            }
            for document in get_document_model().objects.filter(uploaded_by_user=member)
        ],
        "replies": export_replies(member),
        "webinar_registrations": export_registrations(verified_addresses(member)),
    }


@transaction.atomic
def delete_member(*, member, keep_stories):
    """Remove a member's personal data; their published stories stay as "Oud-lid" or go too."""
    stories = list(member_stories(member))
    kept = [story for story in stories if keep_stories and story.live]
    for story in stories:
        if story not in kept:
            delete_story_completely(story)
    for story in kept:
        anonymise_story(story, member)
    get_image_model().objects.filter(uploaded_by_user=member).exclude(
        pk__in=[story.hero_image_id for story in kept if story.hero_image_id]
    ).delete()
    get_document_model().objects.filter(uploaded_by_user=member).delete()
    erase_replies(member)
    erase_registrations(verified_addresses(member))
    member.delete()
    compact_search_index()


def compact_search_index():
    """Make SQLite's full-text index drop deleted words now; it keeps them until a merge."""
    if connection.vendor != "sqlite":
        return
    table = f"{IndexEntry._meta.db_table}_fts"
    with connection.cursor() as cursor:
        if table in connection.introspection.table_names(cursor):
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608


def anonymise_story(story, member):
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
