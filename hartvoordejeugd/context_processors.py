from django.urls import reverse

from home.navigation import main_navigation


def site_navigation(request):
    """The menu, footer links and footer text every page shows (home.navigation)."""
    return {"site_navigation": main_navigation(request)}


def search_links(request):
    """Where the search app answers, for templates of apps below it (stories, core) that link
    to a search or a theme's or region's page: the project passes these URLs down, so those
    apps name no URL of the search app. `theme` and `region` are prefixes: add the slug and "/".
    """
    return {
        "search_links": {
            "search": reverse("search"),
            "theme": reverse("theme", kwargs={"slug": "x"})[: -len("x/")],
            "region": reverse("region", kwargs={"slug": "x"})[: -len("x/")],
        }
    }
