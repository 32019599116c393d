"""Form uploads that arrive whole or not at all.

Django's multipart parser reads until the body ends. When a connection breaks off in the middle
of an upload, what arrived looks like a shorter form: a file cut in half, fields missing. This
middleware remembers the last bytes of every multipart body and answers 400 when the body does
not end with its closing boundary, before any view sees the half form.
"""

from django.http.multipartparser import MultiPartParserError
from django.utils.http import parse_header_parameters

# Browsers end the body with the closing boundary; RFC 2046 allows a short epilogue after it.
EPILOGUE_ALLOWANCE = 1024


class TailRecordingStream:
    """Passes reads through and keeps the last `keep` bytes that were read."""

    def __init__(self, stream, keep):
        self.stream = stream
        self.keep = keep
        self.tail = b""

    def _remember(self, data):
        self.tail = (self.tail + data)[-self.keep :]
        return data

    def read(self, *args, **kwargs):
        return self._remember(self.stream.read(*args, **kwargs))

    def readline(self, *args, **kwargs):
        return self._remember(self.stream.readline(*args, **kwargs))


def closing_boundary(request):
    """The bytes a complete multipart body of this request ends with, or None."""
    content_type, parameters = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
    if content_type != "multipart/form-data" or not parameters.get("boundary"):
        return None
    return b"--" + parameters["boundary"].encode("ascii", "replace") + b"--"


class CompleteMultipartMiddleware:
    """400 for a multipart body that stops before its closing boundary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ending = closing_boundary(request) if request.method == "POST" else None
        if ending is not None and int(request.META.get("CONTENT_LENGTH") or 0) > 0:
            recorder = TailRecordingStream(request._stream, len(ending) + EPILOGUE_ALLOWANCE)
            request._stream = recorder
            request.POST  # noqa: B018 (parse now: the parser reads the body to its end)
            if ending not in recorder.tail:
                raise MultiPartParserError("De verzonden gegevens zijn niet compleet aangekomen.")
        return self.get_response(request)
