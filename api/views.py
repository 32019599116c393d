"""The endpoints of the read API at /api/v2/: Wagtail's pages, images and documents
endpoints, narrowed to what everyone may see on the site.

- pages: live and not under a view restriction (`.live().public()`), for every visitor alike
  (Wagtail's own queryset lets a signed-in user see login-restricted pages);
- images and documents: only those the site itself serves to everyone (stories.media); an
  image's original is not served publicly, so an image shows a rendition instead.
Read-only and JSON only, with a rate limit (api.throttling).
"""

from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet

from dialogues.models import DialogueThreadPage, with_activity
from stories.media import public_documents, public_images
from stories.models import StoryPage, card_queryset

from .fields import api_fields
from .filters import TAXONOMY_PARAMETERS, TaxonomyFilter
from .serializers import TagNamesField
from .throttling import PartnerRateThrottle, TooManyRequests

IMAGE_RENDITION = "max-1600x1600"


class ReadOnlyAPIMixin:
    """JSON only (no browsable HTML pages), for everyone alike, with the rate limit and its
    Dutch 429."""

    renderer_classes = [JSONRenderer]
    # Anonymous only: no login through the API (DRF's default Basic authentication would take
    # passwords without the site's login limits).
    authentication_classes = []
    throttle_classes = [PartnerRateThrottle]

    def throttled(self, request, wait):
        raise TooManyRequests(wait)


class PagesAPIViewSet(ReadOnlyAPIMixin, WagtailPagesAPIViewSet):
    """Live, public pages, with our fields (api.fields) and the theme and region filters."""

    filter_backends = [
        *WagtailPagesAPIViewSet.filter_backends[:-1],
        TaxonomyFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = WagtailPagesAPIViewSet.known_query_parameters.union(
        TAXONOMY_PARAMETERS
    )

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields([*cls.body_fields, *api_fields(model)])

    def get_base_queryset(self):
        # Asked for several times a request; each asks for the view restrictions again.
        if not hasattr(self, "_public_pages"):
            self._public_pages = super().get_base_queryset().public()
        return self._public_pages

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        if issubclass(queryset.model, StoryPage):
            queryset = card_queryset(queryset).prefetch_related(
                "change_tasks", "regions", "audiences", "tags"
            )
        if issubclass(queryset.model, DialogueThreadPage):
            queryset = with_activity(queryset)
        return queryset


class PublicFilesMixin(ReadOnlyAPIMixin):
    """The files everyone may see (`public_files`), each with its tags read in one query."""

    @classmethod
    def get_field_serializer_overrides(cls, model):
        # Wagtail's TagsField asks the database for every file's tags; this reads the prefetch.
        return {**super().get_field_serializer_overrides(model), "tags": TagNamesField()}

    def get_queryset(self):
        # Asked for twice a request (the serializer wants the model); each builds the rules.
        if not hasattr(self, "_public_files"):
            self._public_files = self.public_files().prefetch_related("tags").order_by("id")
        return self._public_files


class ImagesAPIViewSet(PublicFilesMixin, WagtailImagesAPIViewSet):
    """The images everyone may see, each with a rendition instead of its original file."""

    meta_fields = [
        field for field in WagtailImagesAPIViewSet.meta_fields if field != "download_url"
    ]
    body_fields = [*WagtailImagesAPIViewSet.body_fields, "rendition"]
    listing_default_fields = [
        *(f for f in WagtailImagesAPIViewSet.listing_default_fields if f != "download_url"),
        "rendition",
    ]
    nested_default_fields = [
        *(f for f in WagtailImagesAPIViewSet.nested_default_fields if f != "download_url"),
        "rendition",
    ]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            **super().get_field_serializer_overrides(model),
            "rendition": ImageRenditionField(IMAGE_RENDITION, source="*"),
        }

    def public_files(self):
        return public_images().prefetch_renditions(IMAGE_RENDITION)


class DocumentsAPIViewSet(PublicFilesMixin, WagtailDocumentsAPIViewSet):
    """The documents everyone may download."""

    def public_files(self):
        return public_documents()
