"""The redactie's reply queue in the Wagtail admin: which replies each tab shows and in what
order, the columns, the listing and the page with one reply in full.

The buttons in the queue post to the views in `actions.py`.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, QueryDict
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.models import Page

from dialogues.models import Reply, ReplyReport

from .filters import ReplyFilterSet

# --- What the queue shows ---------------------------------------------------------------------


def replies_for_moderation() -> QuerySet[Reply]:
    """Replies with what an editor needs to judge them: the dialogue's title, the author, and
    the open reports (`reporter_count` different people; the reports as `open_reports`).

    Replies erased with their member's account are left out: there is nothing to judge.
    """
    open_reports = ReplyReport.objects.filter(handled_at__isnull=True)
    reporters = (
        open_reports.filter(reply=OuterRef("pk"))
        .order_by()
        .values("reply")
        .annotate(total=Count("reporter_key", distinct=True))
        .values("total")
    )
    return (
        Reply.objects.exclude(comment="")
        .annotate_thread_title()
        .annotate(reporter_count=Coalesce(Subquery(reporters), 0))
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=open_reports.order_by("created_at", "pk"),
                to_attr="open_reports",
            )
        )
    )


def held(replies: QuerySet[Reply]) -> QuerySet[Reply]:
    # Worries about a child's safety first, then whoever has waited longest.
    return replies.held().order_by("-urgent", "submit_date", "pk")


def reported(replies: QuerySet[Reply]) -> QuerySet[Reply]:
    return replies.filter(reporter_count__gt=0, is_removed=False).order_by(
        "-urgent", "-reporter_count", "submit_date", "pk"
    )


def recent(replies: QuerySet[Reply]) -> QuerySet[Reply]:
    return replies.order_by("-submit_date", "-pk")


def removed(replies: QuerySet[Reply]) -> QuerySet[Reply]:
    return replies.filter(is_removed=True).order_by("-moderated_at", "-submit_date", "-pk")


@dataclass(frozen=True)
class Tab:
    """One view of the queue, chosen with ?status=<slug>: which replies, in what order."""

    slug: str
    label: str
    empty: str
    select: Callable[[QuerySet], QuerySet]


TABS = [
    Tab(
        "wachtend",
        gettext_lazy("Wachtend"),
        gettext_lazy("Er wachten geen reacties op de redactie."),
        held,
    ),
    Tab(
        "gemeld",
        gettext_lazy("Gemeld"),
        gettext_lazy("Er zijn geen open meldingen over reacties."),
        reported,
    ),
    Tab(
        "recent",
        gettext_lazy("Recent"),
        gettext_lazy("Er zijn nog geen reacties."),
        recent,
    ),
    Tab(
        "verwijderd",
        gettext_lazy("Verwijderd"),
        gettext_lazy("Er zijn geen verwijderde reacties."),
        removed,
    ),
]
DEFAULT_TAB = TABS[0]


def tab_counts() -> dict[str, int]:
    """How many replies wait and how many have open reports, in one query, for the tabs."""
    open_report = ReplyReport.objects.filter(reply=OuterRef("pk"), handled_at__isnull=True)
    return Reply.objects.aggregate(
        wachtend=Count("pk", filter=Q(is_public=False, is_removed=False)),
        gemeld=Count("pk", filter=Q(Exists(open_report), is_removed=False)),
    )


def attach_thread_urls(replies: Iterable[Reply], request: HttpRequest) -> None:
    """Give each reply `thread_url`: its dialogue's public address, or "" when not online."""
    thread_ids = {int(reply.object_pk) for reply in replies if reply.object_pk.isdigit()}
    pages = Page.objects.live().filter(pk__in=thread_ids).in_bulk()
    for reply in replies:
        page = pages.get(int(reply.object_pk)) if reply.object_pk.isdigit() else None
        reply.thread_url = page.get_url(request) if page else ""


def reports_summary(reply: Reply) -> list[tuple[str, int]]:
    """The reasons of the open reports, most given first: [("Reclame of spam", 2), ...]."""
    return Counter(report.get_reason_display() for report in reply.open_reports).most_common()


# --- Columns ----------------------------------------------------------------------------------


class ThreadColumn(Column):
    """The dialogue's title, linking to the live page."""

    cell_template_name = "dialogues/admin/thread_cell.html"


class StateColumn(Column):
    """Visible, waiting (and why, and whether it is urgent) or removed (and why)."""

    cell_template_name = "dialogues/admin/state_cell.html"

    def get_value(self, instance):
        return instance


class ReportsColumn(Column):
    """How many different people reported the reply, and their reasons."""

    cell_template_name = "dialogues/admin/reports_cell.html"

    def get_value(self, instance):
        return instance.reporter_count

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["reasons"] = reports_summary(instance)
        return context


class ActionsColumn(Column):
    """Approve, remove or restore: small POST forms that come back to the same tab."""

    cell_template_name = "dialogues/admin/actions_cell.html"

    def __init__(self, name, *, return_url, **kwargs):
        super().__init__(name, **kwargs)
        self.return_url = return_url

    def get_value(self, instance):
        return instance

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(reply_actions(instance, parent_context["request"], self.return_url))
        return context


def reply_actions(reply: Reply, request: HttpRequest, return_url: str) -> dict[str, str]:
    """What an editor can do with the reply, as URLs and labels for the templates."""
    args = [reply.pk]
    actions = {
        "csrf_token": get_token(request),
        "next": return_url,
        "approve_url": "",
        "approve_label": "",
        "remove_url": "",
        "restore_url": "",
    }
    if reply.is_removed:
        actions["restore_url"] = reverse("reply_moderation:restore", args=args)
    else:
        actions["remove_url"] = (
            f"{reverse('reply_moderation:remove', args=args)}?{next_query(return_url)}"
        )
        if reply.is_held:
            actions["approve_url"] = reverse("reply_moderation:approve", args=args)
            actions["approve_label"] = _("Goedkeuren")
        elif reply.reporter_count:
            actions["approve_url"] = reverse("reply_moderation:approve", args=args)
            actions["approve_label"] = _("Laten staan")
    return actions


def next_query(url: str) -> str:
    query = QueryDict(mutable=True)
    query["next"] = url
    return query.urlencode()


# --- Views ------------------------------------------------------------------------------------


class ReplyIndexView(IndexView):
    """The queue: held, reported, recent and removed replies, one tab each."""

    template_name = "dialogues/admin/reply_index.html"
    page_title = gettext_lazy("Reacties")
    filterset_class = ReplyFilterSet

    @cached_property
    def tab(self):
        status = self.request.GET.get("status", "")
        return next((tab for tab in TABS if tab.slug == status), DEFAULT_TAB)

    def get_base_queryset(self):
        return self.tab.select(replies_for_moderation())

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        replies = list(object_list)
        attach_thread_urls(replies, self.request)
        page.object_list = replies
        return paginator, page, replies, is_paginated

    @cached_property
    def return_url(self):
        """This tab and page of the queue, for the actions to come back to."""
        query = self.request.GET.copy()
        query["status"] = self.tab.slug
        return f"{self.index_url}?{query.urlencode()}"

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "comment",
                label=gettext_lazy("Reactie"),
                accessor=lambda reply: Truncator(reply.comment).chars(140),
                get_url=self.get_inspect_url,
            ),
            Column("author", label=gettext_lazy("Schrijver"), accessor="author_name"),
            ThreadColumn("thread", label=gettext_lazy("Dialoog"), accessor="thread_title"),
            DateColumn("submit_date", label=gettext_lazy("Geplaatst")),
            StateColumn("state", label=gettext_lazy("Status")),
            ReportsColumn("reports", label=gettext_lazy("Meldingen")),
            ActionsColumn("actions", label=gettext_lazy("Acties"), return_url=self.return_url),
        ]

    @cached_property
    def no_results_message(self):
        return self.tab.empty

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        counts = tab_counts()
        # Another tab keeps the chosen filters, from its first page.
        query = self.request.GET.copy()
        query.pop("p", None)

        def tab_url(tab):
            query["status"] = tab.slug
            return f"{self.index_url}?{query.urlencode()}"

        context["tabs"] = [
            {
                "label": tab.label,
                "url": tab_url(tab),
                "count": counts.get(tab.slug),
                "current": tab == self.tab,
            }
            for tab in TABS
        ]
        return context


class ReplyInspectView(InspectView):
    """One reply in full, with every report about it and the actions."""

    template_name = "dialogues/admin/reply_inspect.html"
    page_title = gettext_lazy("Reactie")

    def get_object(self, queryset=None):
        reply = get_object_or_404(replies_for_moderation(), pk=self.pk)
        attach_thread_urls([reply], self.request)
        return reply

    def get_fields(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reply = self.object
        parent = None
        if reply.parent_id and reply.parent_id != reply.pk:
            parent = Reply.objects.filter(pk=reply.parent_id).first()
        context.update(
            reply=reply,
            parent=parent,
            reports=reply.reports.select_related("reporter").order_by("-created_at", "-pk"),
            **reply_actions(reply, self.request, reverse(self.index_url_name)),
        )
        return context
