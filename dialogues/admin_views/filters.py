"""Narrowing the reply queue by the youth region of the reply's dialogue."""

import django_filters
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from dialogues.models import DialogueThreadPage, Reply
from stories.models import Region


class ReplyFilterSet(WagtailFilterSet):
    """The replies in the dialogues of one region (as the dialogue is now published)."""

    regio = django_filters.ModelChoiceFilter(
        label=_("Jeugdregio"),
        queryset=Region.objects.order_by("name"),
        method="filter_region",
    )

    class Meta:
        model = Reply
        fields = []

    def filter_region(self, queryset, name, value):
        # A reply points at its dialogue by a text key (django-comments' object_pk).
        threads = (
            DialogueThreadPage.objects.filter(regions=value)
            .annotate(key=Cast("pk", CharField()))
            .values("key")
        )
        return queryset.filter(content_type=Reply.thread_content_type(), object_pk__in=threads)
