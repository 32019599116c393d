import secrets
from pathlib import PurePath

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from core.redactie import can_moderate
from mediafiles.images import strip_image_metadata
from stories.renditions import image_filter


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

    def uploaded_by_member(self):
        """Whether a member (not the redactie) uploaded this image, with a story."""
        uploader = self.uploaded_by_user
        return uploader is not None and not can_moderate(uploader)

    def get_rendition(self, filter):
        # Wagtail's get_rendition writes the rendition to the cache on every call, even one
        # it has just found among the renditions prefetched with the image (get_renditions
        # leaves those alone): 18 writes to Redis on every render of the home page.
        if isinstance(filter, str):
            filter = image_filter(filter)
        return next(iter(self.get_renditions(filter).values()))

    def find_existing_renditions(self, *filters):
        # Wagtail marks only prefetched renditions as found: get_renditions wrote every
        # rendition it had just read from the cache back to it, and the next lookup of the same
        # image (a hero, then its share image and structured data) asked the cache again. Found
        # renditions are marked as kept, and kept with this image object for its lifetime.
        if self._get_prefetched_renditions() is not None:
            return super().find_existing_renditions(*filters)
        known = self.__dict__.setdefault("_found_renditions", {})
        keys = {filter: (filter.spec, filter.get_cache_key(self)) for filter in filters}
        found = {}
        for filter, key in keys.items():
            if key in known:
                found[filter] = known[key]
                found[filter]._from_cache = True  # in the cache by now
        rest = [filter for filter in filters if filter not in found]
        if rest:
            rendition_model = self.get_rendition_model()
            cache_keys = {
                rendition_model.construct_cache_key(self, keys[filter][1], filter.spec): filter
                for filter in rest
            }
            kept = rendition_model.cache_backend.get_many(list(cache_keys))
            for cache_key, rendition in kept.items():
                rendition.image = self
                rendition._from_cache = True
                found[cache_keys[cache_key]] = rendition
            missing = [filter for filter in rest if filter not in found]
            if missing:
                # Rare (a new rendition): Wagtail asks the cache once more, then the table.
                found.update(super().find_existing_renditions(*missing))
        for filter, rendition in found.items():
            known[keys[filter]] = rendition
        return found

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):
            self.file = strip_image_metadata(self.file)
            self._set_image_file_metadata()
        super().save(*args, **kwargs)


def prefetch_kept_renditions(images, specs):
    """Give each of `images` its renditions of `specs`, as Wagtail's `prefetch_renditions`
    does, but from the renditions cache first: one `get_many` for every image, and one query
    for the images that are missing some (whose renditions are then kept). A page's cards
    read no renditions table when the cache has them, where the prefetch always asked the
    database (a query for every list of cards not kept)."""
    # By object, not by pk: stories read with select_related have a copy each of a shared image.
    images = [
        image for image in {id(image): image for image in images}.values() if image is not None
    ]
    if not images:
        return
    rendition_model = SafeImage.get_rendition_model()
    filters = {spec: image_filter(spec) for spec in specs}
    focal_keys, keys = {}, {}  # by (image pk, spec)
    for image in images:
        for spec, filter in filters.items():
            focal_key = focal_keys[image.pk, spec] = filter.get_cache_key(image)
            keys[image.pk, spec] = rendition_model.construct_cache_key(image, focal_key, spec)
    kept = rendition_model.cache_backend.get_many(list(keys.values()))
    missing = []
    for image in images:
        found = [kept.get(keys[image.pk, spec]) for spec in filters]
        if all(found):
            for rendition in found:
                rendition.image = image
                rendition._from_cache = True
            image.prefetched_renditions = found
        else:
            missing.append(image)
    if not missing:
        return
    renditions = rendition_model.objects.filter(filter_spec__in=list(filters))
    prefetch_related_objects(missing, models.Prefetch("renditions", queryset=renditions))
    rendition_model.cache_backend.set_many(
        {
            keys[image.pk, rendition.filter_spec]: rendition
            for image in missing
            for rendition in image.renditions.all()
            if rendition.focal_point_key == focal_keys[image.pk, rendition.filter_spec]
        }
    )


# Renditions of images members upload are kept apart and served by a view that checks who
# may see them (stories.media.serve_private_rendition); the web server serves only "images/".
PRIVATE_RENDITIONS = "private_images"


class SafeRendition(AbstractRendition):
    """A resized version of a SafeImage."""

    image = models.ForeignKey(SafeImage, on_delete=models.CASCADE, related_name="renditions")

    def get_upload_to(self, filename):
        if self.image.uploaded_by_member():
            name = self.file.field.storage.get_valid_name(filename)
            return f"{PRIVATE_RENDITIONS}/{name}"
        return super().get_upload_to(filename)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
