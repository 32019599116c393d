"""The read API's addresses, under /api/v2/ (hartvoordejeugd/urls.py)."""

from wagtail.api.v2.router import WagtailAPIRouter

from .views import DocumentsAPIViewSet, ImagesAPIViewSet, PagesAPIViewSet

# Wagtail's router reverses its detail URLs in this namespace.
app_name = "wagtailapi"
api_router = WagtailAPIRouter(app_name)
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)

urlpatterns = api_router.get_urlpatterns()
