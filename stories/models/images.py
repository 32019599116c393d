import secrets
from pathlib import PurePath

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from stories.uploads import strip_image_metadata


class SafeImage(AbstractImage):
    """An uploaded image whose stored original carries no location or camera metadata.

    Photos of families must never carry their address: EXIF (GPS), XMP and comments are removed
    before the original is stored, so no rendition made from it can carry them either.
    """

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("afbeelding")
        verbose_name_plural = _("afbeeldingen")

    def get_upload_to(self, filename):
        # A random name: a file name can say who is in the picture ("sanne-12-jaar.jpg"), and
        # the address of an image of a story that is not published yet can't be guessed.
        extension = PurePath(filename).suffix.lower()[:5]
        return super().get_upload_to(f"{secrets.token_urlsafe(16)}{extension}")

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):
            self.file = strip_image_metadata(self.file)
            self._set_image_file_metadata()
        super().save(*args, **kwargs)


class SafeRendition(AbstractRendition):
    """A resized version of a SafeImage."""

    image = models.ForeignKey(SafeImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
