from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer: the platform pieces every app uses (forms sent once, honeypot,
    sanitising, rate limits, error pages, who the redactie is, absolute URLs, Range serving,
    the page cache). It imports no app of ours."""

    name = "core"
    verbose_name = _("Platform")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.contrib.search_promotions.models import SearchPromotion
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        # Registers the <id:...> path converter before any URL patterns are loaded.
        from . import converters  # noqa: F401
        from .page_cache import empty_page_cache, empty_page_cache_when_changed
        from .site_address import keep_django_site_in_step

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(empty_page_cache, dispatch_uid=f"page_cache_{id(signal)}")
        post_delete.connect(empty_page_cache, sender=Page, dispatch_uid="page_cache_del")
        # Wagtail's own models that show on public pages; each app names its own in its ready().
        empty_page_cache_when_changed(Site, PageViewRestriction, Redirect, SearchPromotion)
        # Django's sites record follows Wagtail's default Site (core.site_address).
        post_save.connect(keep_django_site_in_step, sender=Site, dispatch_uid="site_address")
