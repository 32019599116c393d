"""The API's own filters on the pages endpoint: ?thema=<slug> and ?regio=<slug>, the same
query parameters the site's listings take. An unknown slug gives an empty list, not an error:
a partner's saved query keeps working when a term is renamed, it just finds nothing."""

from rest_framework.filters import BaseFilterBackend

from stories.models import StoryPage

# Query parameter -> the story field it filters on (by the term's slug).
TAXONOMY_PARAMETERS = {"thema": "themes", "regio": "regions"}


class TaxonomyFilter(BaseFilterBackend):
    """Pages about a theme and/or in a youth region, named by slug."""

    def filter_queryset(self, request, queryset, view):
        for parameter, field in TAXONOMY_PARAMETERS.items():
            slug = request.GET.get(parameter)
            if slug is None:
                continue
            stories = StoryPage.objects.filter(**{f"{field}__slug": slug})
            queryset = queryset.filter(pk__in=stories.values("pk"))
        return queryset
