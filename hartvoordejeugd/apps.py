from django.apps import AppConfig


class HartVoorDeJeugdConfig(AppConfig):
    """Holds the project-wide templates, static files and translations."""

    name = "hartvoordejeugd"
    verbose_name = "Hart voor de Jeugd"

    def ready(self):
        # Registers the <id:...> path converter before any URL patterns are loaded.
        from . import converters  # noqa: F401

        connect_page_cache_signals()
        connect_site_address_signals()


def connect_page_cache_signals():
    """Whatever changes what anonymous visitors see empties the page cache."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .page_cache import empty_page_cache

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(empty_page_cache, dispatch_uid=f"page_cache_{id(signal)}")
    post_delete.connect(empty_page_cache, sender="wagtailcore.Page", dispatch_uid="page_cache_del")
    for label in SHOWN_MODELS:
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(
                empty_page_cache, sender=model, dispatch_uid=f"page_cache_{label}_{id(signal)}"
            )


def connect_site_address_signals():
    """Django's sites record follows Wagtail's default Site (hartvoordejeugd.site_address)."""
    from django.db.models.signals import post_save

    from .site_address import keep_django_site_in_step

    post_save.connect(
        keep_django_site_in_step, sender="wagtailcore.Site", dispatch_uid="site_address"
    )


# Models, other than pages, whose changes show on public pages.
SHOWN_MODELS = [
    "dialogues.Reply",
    "stories.Theme",
    "stories.ChangeTask",
    "stories.Region",
    "stories.Audience",
    "stories.Ambassador",
    "search.SynonymGroup",
    "wagtailsearchpromotions.SearchPromotion",
    "wagtailcore.Site",
    "wagtailredirects.Redirect",
]
