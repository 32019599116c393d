"""The Wagtail admin's document form, checking media, captions and PDFs by their content."""

import os

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from mediafiles.uploads import AUDIO, CAPTIONS, DOCUMENT, VIDEO, check_upload

# What a file must really be, by the extension it is uploaded with; other extensions that
# WAGTAILDOCS_EXTENSIONS allows (docx, csv, ...) are stored as they are.
KINDS_BY_EXTENSION = {
    "mp3": AUDIO,
    "m4a": AUDIO,
    "ogg": AUDIO,
    "mp4": VIDEO,
    "webm": VIDEO,
    "vtt": CAPTIONS,
    "pdf": DOCUMENT,
}


class CheckedDocumentForm(BaseDocumentForm):
    """Refuses an uploaded file that is not the audio, video, captions or PDF its name says,
    or that is damaged, with a Dutch message on the file field (WAGTAILDOCS_DOCUMENT_FORM_BASE).
    """

    class Meta(BaseDocumentForm.Meta):
        pass

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            extension = os.path.splitext(file.name)[1].lstrip(".").lower()
            kind = KINDS_BY_EXTENSION.get(extension)
            if kind is not None:
                check_upload(file, kind)
        return file
