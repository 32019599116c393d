"""Pieces for the redactie's admin screens that several apps share."""


class ListingOnlyViewSetMixin:
    """For an admin ModelViewSet that lists and never creates, edits or deletes: its URLs are
    the ones it declares, and no button points at views it does not have."""

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )
