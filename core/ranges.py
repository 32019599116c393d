"""HTTP Range serving: a whole-file response cut to the part a Range header asks for, so that
audio and video can be played from any point and resumed.

Django has no Range support of its own (https://code.djangoproject.com/ticket/22479) and
Wagtail's document view hands us a whole-file response; this wraps either.
"""

import posixpath
import re

from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.utils.http import parse_http_date_safe
from django.views import static

# One range only (https://www.rfc-editor.org/rfc/rfc9110#name-range): "a-b", "a-" or "-n".
BYTE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$", re.IGNORECASE)
UNSATISFIABLE = object()
CHUNK_SIZE = 64 * 1024
# The folders of MEDIA_ROOT anyone may read straight from disk: the web server in front serves
# these and only these (README, "Production"); /media/private_images/ has its own view.
PUBLIC_MEDIA_FOLDERS = ("images/",)


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
