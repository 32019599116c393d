"""The redactie's queue of submitted stories: its filters, its wording and its row actions.

Approving and requesting changes from a row post to Wagtail's own workflow action view
(`wagtailadmin_pages:workflow_action`), so each goes through the story's TaskState and the
e-mails to the member (stories/moderation.py) leave exactly as from the editor.
"""

import datetime

import django_filters
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.models import get_page_models

from .models import Region, StoryPage

JUST_IN = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)
WEEK = datetime.timedelta(days=7)

WAITING_CHOICES = [
    ("dag", _("korter dan een dag")),
    ("week", _("1–7 dagen")),
    ("langer", _("langer dan een week")),
]


def waiting_label(since, now=None):
    """How long a story has waited, in words: "net binnen", "wacht 5 minuten", "wacht 2 dagen"."""
    now = now or timezone.now()
    if now - since < JUST_IN:
        return _("net binnen")
    return _("wacht %(duration)s") % {"duration": timesince(since, now, depth=1)}


def story_types():
    """The kinds of story a member can send in, by model name: {"articlepage": ArticlePage}."""
    return {
        model._meta.model_name: model
        for model in get_page_models()
        if issubclass(model, StoryPage) and not model._meta.abstract and model is not StoryPage
    }


class SubmittedStoriesFilterSet(WagtailFilterSet):
    """Narrow the queue by type of story, youth region and how long it has waited."""

    soort = django_filters.ChoiceFilter(
        label=_("Soort"), method="filter_type", choices=lambda: type_choices()
    )
    regio = django_filters.ModelChoiceFilter(
        label=_("Jeugdregio"), field_name="regions", queryset=Region.objects.order_by("name")
    )
    wacht = django_filters.ChoiceFilter(
        label=_("Wachttijd"), method="filter_waiting", choices=WAITING_CHOICES
    )

    class Meta:
        model = StoryPage
        fields = []

    def filter_type(self, queryset, name, value):
        model = story_types().get(value)
        return queryset.type(model) if model else queryset

    def filter_waiting(self, queryset, name, value):
        now = timezone.now()
        if value == "dag":
            return queryset.filter(submitted_at__gt=now - DAY)
        if value == "week":
            return queryset.filter(submitted_at__lte=now - DAY, submitted_at__gt=now - WEEK)
        if value == "langer":
            return queryset.filter(submitted_at__lte=now - WEEK)
        return queryset


def type_choices():
    return sorted(
        (
            (name, str(model._meta.verbose_name).capitalize())
            for name, model in story_types().items()
        ),
        key=lambda choice: choice[1],
    )


class WaitingColumn(Column):
    """How long a story has waited since the member sent it in: "net binnen", "wacht 3 dagen"."""

    cell_template_name = "stories/admin/waiting_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["waited"] = waiting_label(context["raw_value"])
        return context


class ActionsColumn(Column):
    """Approve, or request changes with a comment, right from the queue's row."""

    cell_template_name = "stories/admin/actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        task_state_id = instance.task_state_id

        def action_url(action):
            return reverse(
                "wagtailadmin_pages:workflow_action", args=[instance.pk, action, task_state_id]
            )

        context.update(
            story=instance,
            approve_url=action_url("approve"),
            reject_url=action_url("reject"),
            next_url=request.get_full_path(),
            csrf_token=get_token(request),
        )
        return context
