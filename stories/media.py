"""Serving uploaded files: who may see a document or image, and serving it in parts."""

import posixpath
import re

from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header, parse_http_date_safe
from django.views import static
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document

from mediafiles.signatures import detect_file_type

# Types browsers play in an <audio>, <video> or <track> element rather than download.
PLAYABLE_TYPES = {
    "audio/mpeg",
    "audio/mp4",
    "audio/ogg",
    "video/mp4",
    "video/webm",
    "text/vtt",
}
# One range only (https://www.rfc-editor.org/rfc/rfc9110#name-range): "a-b", "a-" or "-n".
BYTE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$", re.IGNORECASE)
UNSATISFIABLE = object()
CHUNK_SIZE = 64 * 1024
# The folders of MEDIA_ROOT anyone may read straight from disk: the web server in front serves
# these and only these (README, "Production"); /media/private_images/ has its own view.
PUBLIC_MEDIA_FOLDERS = ("images/",)


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
    from .moderation import can_moderate

    if document.collection.get_view_restrictions().exists():
        return False
    uploader = document.uploaded_by_user
    return uploader is None or can_moderate(uploader) or is_used_by_a_live_page(document)


def may_see_private_document(user, document):
    """Who may download a document that is not public: Wagtail's own rules decide for the
    redactie's uploads (private collections); a member's upload is for the member and the
    redactie."""
    from .moderation import can_moderate

    uploader = document.uploaded_by_user
    if uploader is None or can_moderate(uploader):
        return True
    return is_own_or_redactie(user, uploader.pk)


def is_public_image(image):
    """Whether everyone may see the image: the redactie's own, or a member's once a live,
    public page shows it."""
    from .models import StoryPage, VlogPage

    if not image.uploaded_by_member():
        return True
    return (
        StoryPage.objects.live().public().filter(hero_image=image).exists()
        or VlogPage.objects.live().public().filter(poster_image=image).exists()
    )


def is_own_or_redactie(user, uploader_id):
    """Whether `user` uploaded the file, or is in the redactie."""
    from .moderation import can_moderate

    return user.is_authenticated and (user.pk == uploader_id or can_moderate(user))


def serve_private_rendition(request, path):
    """A rendition of a member's image, for the member and the redactie until a live, public
    page shows it, then for everyone; 404 to anyone else."""
    from .models import SafeRendition
    from .models.images import PRIVATE_RENDITIONS

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


def is_used_by_a_live_page(document):
    from .models import ArticlePage, PodcastPage, VlogPage, WebinarPage

    uses = {
        ArticlePage: ("attachment",),
        PodcastPage: ("audio_file", "transcript_file"),
        VlogPage: ("video_file", "captions"),
        WebinarPage: ("recording_file", "slides"),
    }
    for model, fields in uses.items():
        used = Q()
        for field in fields:
            used |= Q(**{field: document})
        if model.objects.live().public().filter(used).exists():
            return True
    return False


def serve_media_file(request, path, document_root=None, show_indexes=False):
    """Django's view for MEDIA_ROOT under `make run` (DEBUG), answering Range requests too.

    It serves what the web server serves in production and nothing more: the public image
    renditions. Originals and documents go only through the views that check who may see them.
    """
    if not posixpath.normpath(path).startswith(PUBLIC_MEDIA_FOLDERS):
        raise Http404
    return ranged_response(request, static.serve(request, path, document_root, show_indexes))


def ranged_response(request, response):
    """A whole-file response turned into the part the request's Range header asks for.

    206 with that part, 416 when it lies outside the file, and the whole file (200) when
    there is no usable Range header or If-Range names another version of the file.
    """
    if not isinstance(response, FileResponse) or response.status_code != 200:
        return response
    response["Accept-Ranges"] = "bytes"
    header = request.headers.get("Range")
    if (
        request.method not in {"GET", "HEAD"}
        or not header
        or not _if_range_holds(request, response)
    ):
        return response
    file = response.file_to_stream
    size = _size(response, file)
    requested = _parse_range(header, size)
    if requested is None:
        return response
    if requested is UNSATISFIABLE:
        file.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        refused["Accept-Ranges"] = "bytes"
        return refused
    start, end = requested
    part = StreamingHttpResponse(_read_part(file, start, end - start + 1), status=206)
    for name, value in response.items():
        if name.lower() != "content-length":
            part[name] = value
    part["Content-Range"] = f"bytes {start}-{end}/{size}"
    part["Content-Length"] = str(end - start + 1)
    return part


def _if_range_holds(request, response):
    """Whether the client's copy (If-Range: an ETag or a date) is the version we would send."""
    if_range = request.headers.get("If-Range")
    if if_range is None:
        return True
    if_range = if_range.strip()
    if if_range.startswith(('"', "W/")):
        # Only a strong ETag can validate a range (RFC 9110, 13.1.5).
        etag = response.get("ETag", "")
        return if_range == etag and not etag.startswith("W/")
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return modified is not None and modified == parse_http_date_safe(if_range)


def _parse_range(header, size):
    """(first, last byte) asked for, UNSATISFIABLE, or None to send the whole file."""
    match = BYTE_RANGE.match(header.replace(" ", ""))
    if match is None:
        return None  # malformed, another unit, or several ranges: we may ignore it
    first, last = match.groups()
    if not first:
        if not last:
            return None
        suffix = int(last)
        if suffix == 0 or size == 0:
            return UNSATISFIABLE
        return max(size - suffix, 0), size - 1
    first = int(first)
    if last and int(last) < first:
        return None
    if first >= size:
        return UNSATISFIABLE
    return first, min(int(last), size - 1) if last else size - 1


def _size(response, file):
    if response.has_header("Content-Length"):
        return int(response["Content-Length"])
    return file.seek(0, 2)


def _read_part(file, start, length):
    try:
        file.seek(start)
        while length > 0:
            chunk = file.read(min(CHUNK_SIZE, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        file.close()
