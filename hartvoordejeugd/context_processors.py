from home.navigation import main_navigation


def site_navigation(request):
    """The sections and content pages every page links to in its header and footer."""
    return {"site_navigation": main_navigation(request)}
