"""What is new for one follower in one period: the period's window and the pages to list.

A digest covers a closed period in Europe/Amsterdam: the previous calendar day (daily) or the
previous ISO week, Monday to Sunday (weekly). Per follow it lists:

- a theme, region or change task: the live, public stories with that term first published in
  the window (not dialogues, not webinars); the upcoming webinars with the term that were
  published in the window or start in the next period; the dialogues with the term that
  were started in the window or have replies that became visible in it;
- a dialogue: how many replies in it became visible in the window;
- a search: the live, public stories first published in the window that the saved search
  finds, newest first, through the public search engine (`search.engine.newest`, as the
  search's RSS feed finds them).

A follow's window never starts before the follow was made, so following something does not
bring a flood of old content. Each page is listed once per digest, under the first follow
(in the order they were made) that found it. The queries are a fixed number per follower
(a few per search follow), whatever the number of pages.
"""

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Max, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils import timezone

from dialogues.models import DialogueThreadPage, Reply
from search.engine import NEWEST, Search, newest
from stories.models import StoryPage

from .models import Follow, Follower, Period

Kind = Follow.Kind
# The stories' relation of each term a follow can name.
TERM_RELATIONS = {Kind.THEME: "themes", Kind.REGION: "regions", Kind.CHANGE_TASK: "change_tasks"}
# How many of a search's newest results are read: those first published after the window
# come first, so this is room for them plus the window's own.
SEARCH_RESULTS = 100


@dataclass(frozen=True)
class Window:
    """A closed period: from `start` up to (not including) `end`; `next_end` closes the
    period after it, in which starting webinars count as upcoming."""

    period: str
    start: dt.datetime
    end: dt.datetime
    next_end: dt.datetime


def window_for(period: str, *, now: dt.datetime | None = None) -> Window:
    """The last whole day (daily) or ISO week (weekly) before `now`, in the site's time zone."""
    zone = ZoneInfo(settings.TIME_ZONE)
    today = timezone.localtime(now or timezone.now(), zone).date()
    if period == Period.DAILY:
        first, days = today - dt.timedelta(days=1), 1
    elif period == Period.WEEKLY:
        first, days = today - dt.timedelta(days=today.weekday() + 7), 7
    else:
        raise ValueError(f"Not a period: {period!r}")

    def midnight(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time.min, tzinfo=zone)

    return Window(
        period=period,
        start=midnight(first),
        end=midnight(first + dt.timedelta(days=days)),
        next_end=midnight(first + dt.timedelta(days=2 * days)),
    )


@dataclass
class Section:
    """What one follow brought: stories, upcoming webinars, active dialogues, and for a
    followed dialogue the number of its new replies."""

    follow: Follow
    stories: list[StoryPage] = field(default_factory=list)
    webinars: list[StoryPage] = field(default_factory=list)
    dialogues: list[StoryPage] = field(default_factory=list)
    new_replies: int = 0

    @property
    def pages(self) -> list[StoryPage]:
        return [*self.stories, *self.webinars, *self.dialogues]

    def __bool__(self) -> bool:
        return bool(self.pages)


@dataclass
class DigestContent:
    """Everything one follower's digest lists for one window; empty when nothing is new."""

    follower: Follower
    window: Window
    sections: list[Section]

    def __bool__(self) -> bool:
        return bool(self.sections)

    def summary(self) -> dict:
        """What the digest listed, for its record (Digest.summary)."""
        return {
            "window": [self.window.start.isoformat(), self.window.end.isoformat()],
            "follows": [section.follow.pk for section in self.sections],
            "pages": [page.pk for section in self.sections for page in section.pages],
            "replies": {
                str(section.follow.dialogue_id): section.new_replies
                for section in self.sections
                if section.new_replies
            },
        }


def shown_at() -> Coalesce:
    """When a reply became visible: its approval by the redactie, else its posting."""
    return Coalesce("moderated_at", "submit_date")


def visible_replies(start: dt.datetime, end: dt.datetime) -> QuerySet[Reply]:
    """The replies in dialogues that became visible from `start` up to `end`."""
    return (
        Reply.objects.visible()
        .filter(content_type=ContentType.objects.get_for_model(DialogueThreadPage))
        .annotate(shown=shown_at())
        .filter(shown__gte=start, shown__lt=end)
        .order_by()
    )


def collect(
    follower: Follower, window: Window, *, now: dt.datetime | None = None
) -> DigestContent:
    """What is new for `follower` in `window`, per follow, each page once."""
    now = now or timezone.now()
    follows = list(
        follower.follows.select_related("theme", "region", "change_task", "dialogue").order_by(
            "created_at", "pk"
        )
    )
    starts = {follow.pk: max(window.start, follow.created_at) for follow in follows}
    follows = [follow for follow in follows if starts[follow.pk] < window.end]
    if not follows:
        return DigestContent(follower, window, [])
    earliest = min(starts[follow.pk] for follow in follows)
    finder = _Finder(window=window, earliest=earliest, now=now, follows=follows)
    sections = []
    seen: set[int] = set()
    for follow in follows:
        section = finder.section(follow, starts[follow.pk])
        section.stories = [page for page in section.stories if page.pk not in seen]
        section.webinars = [page for page in section.webinars if page.pk not in seen]
        section.dialogues = [page for page in section.dialogues if page.pk not in seen]
        seen.update(page.pk for page in section.pages)
        if section:
            sections.append(section)
    return DigestContent(follower, window, sections)


class _Finder:
    """The queries behind one follower's digest, run once for all their follows."""

    def __init__(
        self, *, window: Window, earliest: dt.datetime, now: dt.datetime, follows: list[Follow]
    ) -> None:
        self.window, self.earliest, self.now = window, earliest, now
        self.thread_type = ContentType.objects.get_for_model(DialogueThreadPage)
        term_follows = [follow for follow in follows if follow.kind in TERM_RELATIONS]
        dialogue_ids = {follow.dialogue_id for follow in follows if follow.kind == Kind.DIALOGUE}
        # {thread pk: when its last reply in the window became visible}
        self.active = {}
        if term_follows:
            self.active = {
                int(pk): last
                for pk, last in visible_replies(earliest, window.end)
                .values("object_pk")
                .annotate(last=Max("shown"))
                .values_list("object_pk", "last")
            }
        # {followed thread pk: [when each of its replies in the window became visible]}
        self.reply_times: dict[int, list[dt.datetime]] = {}
        if dialogue_ids:
            for pk, shown in (
                visible_replies(earliest, window.end)
                .filter(object_pk__in=[str(pk) for pk in dialogue_ids])
                .values_list("object_pk", "shown")
            ):
                self.reply_times.setdefault(int(pk), []).append(shown)
        # {(kind, term pk): {page pks}} and the pages themselves, live and public.
        self.by_term: dict[tuple[str, int], set[int]] = {}
        # public() reads the view restrictions when it is called: once.
        self.public = StoryPage.objects.live().public()
        candidates = self.candidates()
        for kind, relation in TERM_RELATIONS.items():
            terms = {getattr(f, f"{kind}_id") for f in term_follows if f.kind == kind}
            if not terms:
                continue
            rows = candidates.filter(**{f"{relation}__in": terms}).values_list("pk", relation)
            for pk, term in rows:
                self.by_term.setdefault((kind, term), set()).add(pk)
        wanted = set().union(*self.by_term.values(), self.reply_times)
        self.pages = {}
        if wanted:
            self.pages = self.public.annotate(webinar_start=F("webinarpage__start")).in_bulk(
                wanted
            )

    def candidates(self) -> QuerySet[StoryPage]:
        """Live, public stories that may be new in the window for a term: first published in
        it, upcoming webinars starting in the next period, and dialogues active in it."""
        window = self.window
        return (
            self.public.filter(
                Q(first_published_at__gte=self.earliest, first_published_at__lt=window.end)
                | Q(
                    webinarpage__start__gt=self.now,
                    webinarpage__start__gte=window.end,
                    webinarpage__start__lt=window.next_end,
                )
                | Q(pk__in=list(self.active))
            )
            .order_by()
            .distinct()
        )

    def section(self, follow: Follow, start: dt.datetime) -> Section:
        section = Section(follow)
        if follow.kind == Kind.DIALOGUE and follow.dialogue_id is not None:
            thread = self.pages.get(follow.dialogue_id)
            times = self.reply_times.get(follow.dialogue_id, [])
            section.new_replies = sum(1 for shown in times if shown >= start)
            if thread is not None and section.new_replies:
                section.dialogues = [thread]
            return section
        if follow.kind == Kind.SEARCH:
            section.stories = self.search(follow.query, start)
            return section
        pks = self.by_term.get((follow.kind, getattr(follow, f"{follow.kind}_id")), set())
        for page in (self.pages[pk] for pk in pks if pk in self.pages):
            self.place(section, page, start)
        section.stories.sort(key=lambda page: page.first_published_at, reverse=True)
        section.webinars.sort(key=lambda page: page.webinar_start)
        section.dialogues.sort(key=lambda page: self.activity_of(page), reverse=True)
        return section

    def place(self, section: Section, page: StoryPage, start: dt.datetime) -> None:
        """Put `page` in the section's list it belongs in, if it is new since `start`."""
        window = self.window
        published = page.first_published_at and start <= page.first_published_at < window.end
        if page.content_type_id == self.thread_type.pk:
            last_reply = self.active.get(page.pk)
            if published or (last_reply is not None and last_reply >= start):
                section.dialogues.append(page)
        elif page.webinar_start is not None:
            upcoming = page.webinar_start > self.now
            soon = window.end <= page.webinar_start < window.next_end
            if upcoming and (published or soon):
                section.webinars.append(page)
        elif published:
            section.stories.append(page)

    def activity_of(self, page: StoryPage) -> dt.datetime:
        return max(filter(None, [self.active.get(page.pk), page.first_published_at]))

    def search(self, query: str, start: dt.datetime) -> list[StoryPage]:
        """The saved search's results first published from `start` to the window's end."""
        search = Search.from_params(QueryDict(query))
        search.sort = NEWEST
        stories = self.public.filter(
            first_published_at__gte=start, first_published_at__lt=self.window.end
        )
        return newest(search, stories, limit=SEARCH_RESULTS)
