"""Wagtail look-ups that every uncached page repeats, kept per generation of the page cache
(the Site of a request is kept the same way, in core.sites).

- The tree paths of the pages with a view restriction (a password, a login, groups): what a
  query needs to leave out private pages by path, as Wagtail's `PageQuerySet.public()` does,
  without reading the restrictions again or joining them to every row.
- The view restrictions themselves, for `KeptViewRestrictionsMixin`: Wagtail asks a page for
  its own and its ancestors' before serving it (two queries), while a site has a handful.

They change rarely; a PageViewRestriction that is saved or deleted starts a new generation
(core.apps), and so does every publish, unpublish, move or delete of a page. Kept
like story cards (core.fragments.cached_value): in the shared cache, so every process sees the
same, and each request gets its own copy of the objects.
"""

from django.db.models import F, Q
from wagtail.models import Page, PageViewRestriction

from .compiled import filled
from .fragments import cached_value


def view_restrictions():
    """[(path of the page, restriction)] of every view restriction, and whether any page is an
    alias (whose restrictions are its source page's, which paths alone do not tell)."""

    def read():
        restrictions = PageViewRestriction.objects.annotate(page_path=F("page__path"))
        kept = [(restriction.page_path, restriction) for restriction in restrictions]
        return kept, Page.objects.filter(alias_of__isnull=False).exists()

    return cached_value("view-restrictions", "all", read)


def restricted_paths() -> list[str]:
    """The tree paths of every page with a view restriction (its subtree is private)."""
    kept, _aliases = view_restrictions()
    return sorted({path for path, _restriction in kept})


def public_q() -> Q:
    """Pages outside every view restriction."""
    condition = Q()
    for path in restricted_paths():
        condition &= ~Q(path__startswith=path)
    return condition


class KeptViewRestrictionsMixin:
    """A page model whose `get_view_restrictions()` (its own and its ancestors', which Wagtail
    checks before serving it) comes from the kept restrictions: no query. The same queryset as
    Wagtail's, its rows already read; where a page is an alias, Wagtail's own look-up."""

    def get_view_restrictions(self):
        kept, aliases = view_restrictions()
        if aliases or self.path is None:
            return super().get_view_restrictions()
        matching = [restriction for path, restriction in kept if self.path.startswith(path)]
        restrictions = PageViewRestriction.objects.filter(pk__in=[r.pk for r in matching])
        return filled(restrictions, matching)
