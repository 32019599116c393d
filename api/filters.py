"""The API's own filters on the pages endpoint: ?thema=<slug> and ?regio=<slug>, the same
query parameters the site's listings take. An unknown slug gives an empty list, not an error:
a partner's saved query keeps working when a term is renamed, it just finds nothing."""

import re

from rest_framework.filters import BaseFilterBackend

from stories.models import StoryPage

# Query parameter -> the story field it filters on (by the term's slug).
TAXONOMY_PARAMETERS = {"thema": "themes", "regio": "regions"}
# What a slug can be (TaxonomyTerm.slug); anything else names no term, and never reaches the
# database (PostgreSQL refuses a NUL character in a query with an error).
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,120}")


class TaxonomyFilter(BaseFilterBackend):
    """Pages about a theme and/or in a youth region, named by slug."""

    def filter_queryset(self, request, queryset, view):
        for parameter, field in TAXONOMY_PARAMETERS.items():
            slug = request.GET.get(parameter)
            if slug is None:
                continue
            if not SLUG.fullmatch(slug):
                return queryset.none()
            stories = StoryPage.objects.filter(**{f"{field}__slug": slug})
            queryset = queryset.filter(pk__in=stories.values("pk"))
        return queryset
