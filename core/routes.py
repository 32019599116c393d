"""Where a URL leads, kept per generation of the page cache, so a page is found with one query.

Wagtail finds the page for a URL by walking the tree from the site's home page: per level a
query for the child with the slug and one for its specific row, six queries for a story (a
fifth of an uncached story page's time at 100,000 pages). What that walk ends on is kept as
the page's content type and id under the current generation (core.page_cache), which every
publish, unpublish, move or delete starts anew, so a kept route never outlives its page. Then
the page is read with one query and routes itself with no path left: a plain page checks that
it is live, a routable one (a podcast episode, a webinar) resolves its own index route.

Kept only when the walk ended on a page whose own URL is the requested one: a sub-route of a
routable page (a feed, a transcript, an agenda file) or a URL an ancestor answers walks as
Wagtail walks it, every time. Kept as long as story cards are (FRAGMENT_CACHE_SECONDS); 0 keeps
nothing.

A URL that is not kept yet (every story page, the first time after a change) is looked up by
its `url_path` before walking: one query (by `slug`, which Wagtail indexes; compiled once per
number of slugs, core.compiled) reads the page and each page on the way, and one its specific
row. That is the walk's answer when no page on the way routes otherwise than Wagtail's
default: a routable page on the way (a section with its feed) is asked whether one of its own
routes takes the rest of the URL, as its `route` would, and any other `route` of our own makes
it walk.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from .compiled import compiled_objects, compiled_rows
from .fragments import fragment_seconds
from .page_cache import current_generation

PREFIX = "hvdj:route"
# URLs this deep or less (a story is two) are looked up with SQL compiled once per shape.
COMPILED_DEPTH = 4


def cached_route(root, request, path_components, walk):
    """`walk(request, path_components)` (Wagtail's route from `root`), or the kept page's own
    route."""
    if not path_components:
        return walk(request, path_components)
    seconds = fragment_seconds()
    wanted = root.url_path + "/".join(path_components) + "/"
    key = f"{PREFIX}:{current_generation()}:{root.pk}:{wanted}"
    if seconds > 0:
        kept = cache.get(key)
        if kept is not None:
            page = specific_page(*kept)
            if page is not None and page.url_path == wanted:
                return page.route(request, [])
    page = found_by_url_path(root, path_components)
    if page is not None:
        result = page.route(request, [])
        if seconds > 0:
            cache.set(key, (page.content_type_id, page.pk), timeout=seconds)
        return result
    result = walk(request, path_components)
    page = result[0]
    if seconds > 0 and page.url_path == wanted:
        cache.set(key, (page.content_type_id, page.pk), timeout=seconds)
    return result


def found_by_url_path(root, path_components):
    """The specific page the walk from `root` would end on, read by `url_path`; None when a page
    on the way may route otherwise, or there is no such page (the walk then says 404)."""
    url_paths = [
        root.url_path + "/".join(path_components[:depth]) + "/"
        for depth in range(1, len(path_components) + 1)
    ]
    slugs = sorted(set(path_components))

    def build(*values):
        return Page.objects.filter(
            slug__in=values[: len(slugs)], url_path__in=values[len(slugs) :]
        ).values_list("url_path", "path", "content_type_id", "pk", "live")

    if len(url_paths) <= COMPILED_DEPTH:
        name = f"route:{len(slugs)}:{len(url_paths)}"
        found = compiled_rows(name, build, *slugs, *url_paths)
    else:
        found = build(*slugs, *url_paths)
    rows = {
        url_path: (path, content_type_id, pk, live)
        for url_path, path, content_type_id, pk, live in found
    }
    if len(rows) != len(url_paths):
        return None
    parent_path = root.path
    for depth, url_path in enumerate(url_paths, start=1):
        path, content_type_id, _pk, live = rows[url_path]
        if not path.startswith(parent_path) or len(path) != len(parent_path) + Page.steplen:
            return None
        parent_path = path
        if depth < len(url_paths):
            rest = path_components[depth:]
            if not routes_as_default(content_type_id, live, rest):
                return None
    _path, content_type_id, pk, _live = rows[url_paths[-1]]
    return specific_page(content_type_id, pk)


def specific_page(content_type_id, pk):
    """The page `pk` as its own type, read with one query (compiled once per model,
    core.compiled), with what its model names in `serve_select_related` (a story's hero image
    and contributor); None when it is gone."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    related = getattr(model, "serve_select_related", ())

    def build(pk):
        pages = model.objects.filter(pk=pk)
        return pages.select_related(*related) if related else pages

    found = compiled_objects(f"page:{model._meta.label}", build, pk)
    return found[0] if found else None


def routes_as_default(content_type_id, live, rest):
    """Whether a page of this type passes the rest of the URL on to its child, as Page.route."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return False
    if model.route is Page.route:
        return True
    if issubclass(model, RoutablePageMixin) and model.route is RoutablePageMixin.route:
        if not live:
            return True
        try:
            model.get_resolver().resolve("/" + "/".join(rest) + "/")
        except Http404:
            return True
    return False
