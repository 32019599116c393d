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
