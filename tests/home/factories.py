"""Test-only factories of pages: any page published like an editor would, and content pages."""

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Page

from home.models import ContentPage, HomePage


def home_page():
    """The HomePage that the migrations create as the root of the default site."""
    return HomePage.objects.get()


class PageFactory(DjangoModelFactory):
    """Creates a page through `parent.add_child()` and publishes it, like an editor would.

    `parent` defaults to `default_parent()`; `live=False` leaves a draft with one revision;
    `first_published_at` is applied after publishing, to order listings.
    """

    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    live = True

    class Meta:
        abstract = True

    @classmethod
    def default_parent(cls):
        return home_page()

    @classmethod
    def _create(cls, model_class, *args, parent=None, first_published_at=None, **kwargs):
        parent = (parent or cls.default_parent()).specific
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision(log_action=False)
        if page.live:
            revision.publish(log_action=False)
            if first_published_at is not None:
                Page.objects.filter(pk=page.pk).update(
                    first_published_at=first_published_at, last_published_at=first_published_at
                )
                page.first_published_at = page.last_published_at = first_published_at
        return page


class ContentPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Over ons {n}")
    intro = factory.Sequence(lambda n: f"Wie wij zijn en waarom dit platform bestaat ({n}).")
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>De redactie leest alles voordat het online komt.</p>")]
    )
    show_in_menus = True

    class Meta:
        model = ContentPage
