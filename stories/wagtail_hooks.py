from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Ambassador, Audience, ChangeTask, Region, Theme


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")


class ChangeTaskViewSet(TermViewSet):
    model = ChangeTask
    icon = "list-ul"
    menu_label = _("Veranderopgaven")


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"
    menu_label = _("Jeugdregio's")
    list_display = ["name", "province"]
    list_filter = ["province"]


class AudienceViewSet(TermViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Doelgroepen")


class AmbassadorViewSet(SnippetViewSet):
    model = Ambassador
    icon = "user"
    menu_label = _("Ambassadeurs")
    list_display = ["name", "kind", "role"]
    list_filter = ["kind", "regions"]
    search_fields = ["name", "role"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, ChangeTaskViewSet, RegionViewSet, AudienceViewSet, AmbassadorViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Taxonomie")
    menu_name = "taxonomie"


register_snippet(TaxonomyViewSetGroup)
