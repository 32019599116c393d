"""The site's own name and address, for every e-mail, feed and printed URL.

One source of truth: Wagtail's default Site record (site name, hostname, port), which an
administrator changes under Instellingen > Sites. Django's sites record follows it on every
save (`keep_django_site_in_step`), so that allauth's e-mails ("Hallo van ...") and Django's
syndication feeds say the same. Where there is a request, its host is used instead (Django
checks it against ALLOWED_HOSTS), so a feed is right on whatever address it was fetched from.

The SITE_URL setting seeds the record: the migration home/0005 on a fresh database, and
`load_demo` (which `make run PORT=...` runs with SITE_URL=http://HOST:PORT) on every run.
Wagtail writes http:// for every port but 443, so an https address needs port 443.
"""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from django.db import transaction
from django.http import HttpRequest
from wagtail.models import Site

from .sites import site_for


def configured_site() -> Site | None:
    """Wagtail's default Site, or None before the migrations have made one."""
    return Site.objects.filter(is_default_site=True).first()


def site_name(request: HttpRequest | None = None) -> str:
    """The site's name: of the Site that serves the request, else of the default Site."""
    site = site_for(request) if request is not None else configured_site()
    return (site and site.site_name) or settings.WAGTAIL_SITE_NAME


def base_url(request: HttpRequest | None = None) -> str:
    """Scheme, host and port without a trailing slash: the request's, else the Site record's."""
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    site = configured_site()
    return site.root_url if site else settings.SITE_URL.rstrip("/")


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    """`path` (e.g. "/mijn-bijdragen/") as a full URL on this site; full URLs stay as they are."""
    if urlsplit(path).scheme:
        return path
    return base_url(request) + path


def email_subject(subject: str) -> str:
    """An e-mail subject with the site's name in front, as allauth writes its subjects."""
    return f"[{site_name()}] {subject}"


def domain_of(site: Site) -> str:
    """The Site's host as Django's sites framework stores it: with the port unless 80 or 443."""
    if site.port in (80, 443):
        return site.hostname
    return f"{site.hostname}:{site.port}"


def address_fields(url: str) -> dict[str, Any]:
    """The hostname and port a Site record needs for `url` (e.g. "https://example.nl")."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise ValueError(f"Not a site address: {url!r}")
    return {
        "hostname": parts.hostname,
        "port": parts.port or (443 if parts.scheme == "https" else 80),
    }


@transaction.atomic
def set_site_address(*, url: str, name: str | None = None) -> Site:
    """Point the default Site (and so Django's sites record) at `url`, and rename it."""
    site = configured_site()
    if site is None:
        return None
    for field, value in address_fields(url).items():
        setattr(site, field, value)
    if name:
        site.site_name = name
    site.save()
    return site


def keep_django_site_in_step(sender: type, instance: Site, **kwargs: Any) -> None:
    """A post_save receiver for Wagtail's Site: the default one is copied to SITE_ID's record."""
    if not instance.is_default_site:
        return
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={
            "domain": domain_of(instance),
            "name": instance.site_name or settings.WAGTAIL_SITE_NAME,
        },
    )
