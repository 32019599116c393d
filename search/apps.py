from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import post_page_move

        from core.page_cache import empty_page_cache_when_changed

        from .models import SynonymGroup
        from .synonyms import forget_synonyms
        from .tantivy.changes import (
            TERM_RELATIONS,
            page_moved,
            term_about_to_change,
            term_changed,
            view_restriction_changed,
        )

        empty_page_cache_when_changed(SynonymGroup)
        post_save.connect(forget_synonyms, sender=SynonymGroup)
        post_delete.connect(forget_synonyms, sender=SynonymGroup)
        # What Wagtail's own signals do not index: the embedded index's `public` field.
        post_page_move.connect(page_moved, dispatch_uid="search_index_page_moved")
        for signal in (post_save, post_delete):
            signal.connect(view_restriction_changed, sender=PageViewRestriction)
        # The names of a story's terms are in its entry: a renamed or deleted term re-indexes.
        for term in TERM_RELATIONS:
            for signal in (pre_save, pre_delete):
                signal.connect(term_about_to_change, sender=term)
            for signal in (post_save, post_delete):
                signal.connect(term_changed, sender=term)
