from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import admin_login, signup
from core import form_tokens, ranges
from hartvoordejeugd import health, robots
from search.sitemaps import TermSitemap
from stories import media

handler500 = "core.errors.server_error"

urlpatterns = [
    path("health/", health.health, name="health"),
    path("ready/", health.ready, name="ready"),
    path("formulier-sleutels/", form_tokens.form_tokens, name="form_tokens"),
    # One login for the site and the admin, with its rate limits and two-factor step.
    path("admin/login/", admin_login),
    path("admin/", include(wagtailadmin_urls)),
    # Documents answer Range requests (seeking in audio and video) after Wagtail's own checks.
    re_path(r"^documenten/(\d+)/(.*)$", media.serve_document, name="wagtaildocs_serve"),
    # Renditions of members' images: only for those who may see them (the web server in front
    # serves /media/images/ only).
    path("media/private_images/<path:path>", media.serve_private_rendition),
    path("documenten/", include(wagtaildocs_urls)),
    path("account/signup/", signup, name="account_signup"),
    path("account/", include("allauth.urls")),
    path("mijn-account/", include("accounts.urls")),
    path("", include("search.urls")),
    path("", include("webinars.urls")),
    path("", include("sharing.urls")),
    path("", include("dialogues.urls")),
    path("", include("adoptions.urls")),
    path("", include("ambassadors.urls")),
    path("", include("follows.urls")),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": Sitemap, "terms": TermSitemap}},
        name="sitemap",
    ),
    # The read API for partners (api/): live, public content only.
    path("api/v2/", include("api.urls")),
    path("robots.txt", robots.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(
        settings.MEDIA_URL, view=ranges.serve_media_file, document_root=settings.MEDIA_ROOT
    )

urlpatterns += [
    # Wagtail serves only paths without a dot (https://github.com/wagtail/wagtail/issues/3653);
    # this hands the webinars' .ics files and the podcasts' plain-text transcripts to the page's
    # route, with its live and privacy checks.
    re_path(
        r"^((?:[\w\-]+/)+(?:agenda\.ics|transcript\.txt))$",
        wagtail_views.serve,
        name="wagtail_serve_ics",
    ),
    path("", include(wagtail_urls)),
]
