"""Serving uploaded files: who may see a document or image (served in parts by core.ranges)."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Page

from core.ranges import ranged_response
from core.redactie import REDACTIE, can_moderate, is_own_or_redactie
from mediafiles.signatures import detect_file_type

from .models import ArticlePage, PodcastPage, SafeRendition, StoryPage, VlogPage, WebinarPage
from .models.images import PRIVATE_RENDITIONS

# Types browsers play in an <audio>, <video> or <track> element rather than download.
PLAYABLE_TYPES = {
    "audio/mpeg",
    "audio/mp4",
    "audio/ogg",
    "video/mp4",
    "video/webm",
    "text/vtt",
}


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (privacy, collection restrictions, serve hooks, ETag), with
    audio, video and captions typed by their content, played inline and served in ranges.

    A file a member uploaded with a story stays private until a live, public page uses it.
    """
    document = get_object_or_404(get_document_model(), id=document_id)
    public = is_public_document(document)
    if not public and not may_see_private_document(request.user, document):
        raise Http404
    response = wagtail_serve_document(request, document_id, document_filename)
    if not public:
        keep_private(response)
    if response.get("Content-Encoding") in {"None", ""}:
        del response["Content-Encoding"]  # wagtail.utils.sendfile writes the literal "None"
    if isinstance(response, FileResponse) and response.status_code == 200:
        mime = detect_file_type(response.file_to_stream)
        if mime in PLAYABLE_TYPES:
            response["Content-Type"] = f"{mime}; charset=utf-8" if mime == "text/vtt" else mime
            response["Content-Disposition"] = content_disposition_header(
                as_attachment=False, filename=document_filename
            )
    return ranged_response(request, response)


def keep_private(response):
    """A file not everyone may see: no shared cache keeps it, no browser stores it."""
    response["Cache-Control"] = "private, no-store"
    return response


def is_public_document(document):
    """Whether everyone may download the document: an editor's upload outside a private
    collection, or a member's upload once a live, public page uses it."""
    if document.collection.get_view_restrictions().exists():
        return False
    uploader = document.uploaded_by_user
    return (
        uploader is None or can_moderate(uploader) or used_by_a_live_page(DOCUMENT_USES, document)
    )


def may_see_private_document(user, document):
    """Who may download a document that is not public: Wagtail's own rules decide for the
    redactie's uploads (private collections); a member's upload is for the member and the
    redactie."""
    uploader = document.uploaded_by_user
    if uploader is None or can_moderate(uploader):
        return True
    return is_own_or_redactie(user, uploader.pk)


def is_public_image(image):
    """Whether everyone may see the image: the redactie's own, or a member's once a live,
    public page shows it."""
    if not image.uploaded_by_member():
        return True
    return used_by_a_live_page(IMAGE_USES, image)


def serve_private_rendition(request, path):
    """A rendition of a member's image, for the member and the redactie until a live, public
    page shows it, then for everyone; 404 to anyone else."""
    rendition = (
        SafeRendition.objects.filter(file=f"{PRIVATE_RENDITIONS}/{path}")
        .select_related("image__uploaded_by_user")
        .first()
    )
    if rendition is None:
        raise Http404
    public = is_public_image(rendition.image)
    if not public and not is_own_or_redactie(request.user, rendition.image.uploaded_by_user_id):
        raise Http404
    response = FileResponse(rendition.file.open("rb"), content_type=None)
    if public:
        # The same address turns private again when the story goes offline: no shared caches.
        response["Cache-Control"] = "private, max-age=3600"
    else:
        keep_private(response)
    return ranged_response(request, response)


# Where pages use documents and images: a member's upload is public once a live, public page
# uses it in one of these fields.
DOCUMENT_USES = {
    ArticlePage: ("attachment",),
    PodcastPage: ("audio_file", "transcript_file"),
    VlogPage: ("video_file", "captions"),
    WebinarPage: ("recording_file", "slides"),
}
IMAGE_USES = {
    StoryPage: ("hero_image",),
    VlogPage: ("poster_image",),
}


def used_by_a_live_page(uses, file):
    """Whether a live, public page uses `file` in one of the `uses`' fields."""
    for model, fields in uses.items():
        used = Q()
        for field in fields:
            used |= Q(**{field: file})
        if model.objects.live().public().filter(used).exists():
            return True
    return False


def used_by_live_pages(uses):
    """The ids of the files that live, public pages use in the `uses`' fields (a Q)."""
    used = Q()
    public = Page.objects.live().public().values("pk")  # the view restrictions, read once
    for model, fields in uses.items():
        pages = model.objects.filter(pk__in=public)
        for field in fields:
            used |= Q(pk__in=pages.filter(**{f"{field}__isnull": False}).values(field))
    return used


def redactie_upload():
    """The queryset form of core.redactie.can_moderate for a file's uploader (Q): no uploader,
    or an active superuser or member of the Redactie."""
    moderators = get_user_model().objects.filter(
        Q(is_superuser=True) | Q(groups__name=REDACTIE), is_active=True
    )
    return Q(uploaded_by_user__isnull=True) | Q(uploaded_by_user__in=moderators.values("pk"))


def public_documents() -> QuerySet:
    """The documents everyone may download (is_public_document, as a queryset)."""
    documents = get_document_model().objects.all()
    for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
        documents = documents.exclude(collection__path__startswith=path)
    return documents.filter(redactie_upload() | used_by_live_pages(DOCUMENT_USES))


def public_images() -> QuerySet:
    """The images everyone may see (is_public_image, as a queryset)."""
    return get_image_model().objects.filter(redactie_upload() | used_by_live_pages(IMAGE_USES))
