"""What can be followed, named the same way in forms, links and the database.

A target travels in a form or a signed link as (kind, value): a theme's, region's or change
task's slug, a dialogue's page id, or a search's query string. `resolve` turns that into the
thing itself (or refuses), `follow_fields` into the columns of a `Follow`, and `describe` a
stored follow into what a person reads: a Dutch label, the name and the page it is about.

A search is stored normalised (`normalise_search`): read as the search page reads it
(`Search.from_params`: the words cleaned, unknown filter values dropped, the order of the
results left out), then written in one fixed order, so that the same search is one follow.
"""

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dialogues.models import DialogueThreadPage
from search.engine import Search
from search.facets import FACETS, FACETS_BY_PARAMETER
from stories.models import ChangeTask, Region, Theme

from .exceptions import FollowRefused
from .models import Follow

Kind = Follow.Kind
TERM_MODELS = {Kind.THEME: Theme, Kind.REGION: Region, Kind.CHANGE_TASK: ChangeTask}
MAX_QUERY_LENGTH = Follow._meta.get_field("query").max_length
# "Volg deze ..." per kind, and what a member sees once they follow it.
FOLLOW_LABELS = {
    Kind.THEME: _("Volg dit thema"),
    Kind.REGION: _("Volg deze regio"),
    Kind.CHANGE_TASK: _("Volg deze veranderopgave"),
    Kind.DIALOGUE: _("Volg deze dialoog"),
    Kind.SEARCH: _("Volg deze zoekopdracht"),
}
FOLLOWING_LABELS = {
    Kind.THEME: _("Je volgt dit thema"),
    Kind.REGION: _("Je volgt deze regio"),
    Kind.CHANGE_TASK: _("Je volgt deze veranderopgave"),
    Kind.DIALOGUE: _("Je volgt deze dialoog"),
    Kind.SEARCH: _("Je volgt deze zoekopdracht"),
}


@dataclass(frozen=True)
class Target:
    """One thing to follow: its kind, the object (None for a search) and the search's query."""

    kind: str
    obj: Any = None
    query: str = ""

    @property
    def value(self) -> str:
        """How the target travels in a form or a signed link."""
        if self.kind == Kind.SEARCH:
            return self.query
        if self.kind == Kind.DIALOGUE:
            return str(self.obj.pk)
        return self.obj.slug

    @property
    def name(self) -> str:
        return search_summary(self.query) if self.kind == Kind.SEARCH else str(self.obj)

    def follow_fields(self) -> dict[str, Any]:
        """The columns of a `Follow` of this target."""
        if self.kind == Kind.SEARCH:
            return {"kind": self.kind, "query": self.query}
        return {"kind": self.kind, self.kind: self.obj}


def normalise_search(query_string: str) -> str:
    """A search's query string in one form: the words and the known filter values only."""
    search = Search.from_params(QueryDict(query_string))
    pairs = [("q", search.query)] if search.query else []
    for facet in FACETS:
        pairs += [
            (facet.parameter, value) for value in sorted(search.chosen.get(facet.parameter, []))
        ]
    return urlencode(pairs)


def search_summary(query: str) -> str:
    """A stored search as a person reads it: pleegzorg · Thema: wijkteams."""
    params = QueryDict(query)
    parts = [params["q"]] if params.get("q") else []
    for parameter, values in params.lists():
        facet = FACETS_BY_PARAMETER.get(parameter)
        if facet is not None:
            parts.append(f"{facet.label}: {', '.join(values)}")
    return " · ".join(parts) or str(_("Alle verhalen"))


def resolve(kind: str, value: str) -> Target:
    """The target a form or link names; refused when it does not exist (or is not public)."""
    value = (value or "").strip()
    if kind == Kind.SEARCH:
        query = normalise_search(value)
        if not query:
            raise FollowRefused(
                _(
                    "Zoek eerst op een woord of kies een filter; dan kun je die zoekopdracht "
                    "volgen."
                )
            )
        if len(query) > MAX_QUERY_LENGTH:
            raise FollowRefused(
                _("Deze zoekopdracht is te lang om te volgen. Kies minder filters.")
            )
        return Target(kind, query=query)
    if kind == Kind.DIALOGUE:
        thread = None
        if re.fullmatch(r"[0-9]{1,9}", value):
            thread = DialogueThreadPage.objects.live().public().filter(pk=int(value)).first()
        if thread is not None:
            return Target(kind, obj=thread)
    elif kind in TERM_MODELS:
        term = TERM_MODELS[kind].objects.filter(slug=value[:120]).first()
        if term is not None:
            return Target(kind, obj=term)
    raise FollowRefused(_("Dit onderwerp bestaat niet (meer). Het kan niet gevolgd worden."))


def target_of(follow: Follow) -> Target:
    """The target a stored follow is about."""
    if follow.kind == Kind.SEARCH:
        return Target(follow.kind, query=follow.query)
    return Target(follow.kind, obj=getattr(follow, follow.kind))


def url_of(target: Target) -> str:
    """The page about the target: a theme's or region's page, a dialogue, a search."""
    if target.kind in (Kind.THEME, Kind.REGION):
        return reverse(target.kind, args=[target.obj.slug])
    if target.kind == Kind.DIALOGUE:
        return target.obj.url or ""
    if target.kind == Kind.CHANGE_TASK:
        return reverse("search") + "?" + urlencode({"opgave": target.obj.slug})
    return reverse("search") + "?" + target.query


def describe(follow: Follow) -> dict[str, str]:
    """What a person reads about one follow: {"kind", "name", "url"}."""
    target = target_of(follow)
    return {"kind": follow.get_kind_display(), "name": target.name, "url": url_of(target)}
