"""How our own values look in the read API: taxonomy terms, tags, the contributor's public
name, durations, choices with their label, a page's image, and a dialogue's reply count.

Small DRF fields on top of Wagtail's API v2 serializers; none of them reads personal data
beyond the name a contributor shows on the site.
"""

from django.utils.duration import duration_iso_string
from rest_framework import serializers
from wagtail.images.models import SourceImageIOError

from dialogues.models import ThreadActivity


class TermSerializer(serializers.Serializer):
    """A theme, change task, region or audience: its name and the slug the filters take."""

    name = serializers.CharField()
    slug = serializers.CharField()


class TagNamesField(serializers.Field):
    """A story's free tags, as a list of names."""

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class IsoDurationField(serializers.Field):
    """A duration in ISO 8601 ("PT32M"), as schema.org and podcast apps write it."""

    def to_representation(self, value):
        return duration_iso_string(value).replace("P0DT", "PT") if value else None


class LabelledChoiceField(serializers.Field):
    """A choice as its stored value and the label visitors read."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        value = getattr(instance, self.field_name)
        if not value:
            return None
        return {"value": value, "label": getattr(instance, f"get_{self.field_name}_display")()}


class PageImageField(serializers.Field):
    """An image on a page as a rendition, with the alternative text the page gives it."""

    def __init__(self, filter_spec, *, image_field, alt_field=None, **kwargs):
        self.filter_spec = filter_spec
        self.image_field = image_field
        self.alt_field = alt_field
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        image = getattr(page, self.image_field)
        if image is None:
            return None
        try:
            rendition = image.get_rendition(self.filter_spec)
        except SourceImageIOError:
            return None
        return {
            "url": rendition.full_url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(page, self.alt_field) if self.alt_field else "",
        }


class ReplyCountField(serializers.Field):
    """How many replies visitors see in a dialogue (dialogues.ThreadActivity)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, thread):
        if hasattr(thread, "reply_count"):  # listed with dialogues.models.with_activity
            return thread.reply_count
        activity = ThreadActivity.objects.filter(thread_id=thread.pk).first()
        return activity.reply_count if activity else 0
