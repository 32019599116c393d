from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("account/", include("allauth.urls")),
    path("mijn-account/", include("hartvoordejeugd.accounts.urls")),
    path("", include("search.urls")),
    path("", include("stories.urls")),
    path("", include("dialogues.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail serves only paths without a dot (https://github.com/wagtail/wagtail/issues/3653);
    # this hands the webinars' .ics files to the page's route, with its live and privacy checks.
    re_path(r"^((?:[\w\-]+/)+agenda\.ics)$", wagtail_views.serve, name="wagtail_serve_ics"),
    path("", include(wagtail_urls)),
]
