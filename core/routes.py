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
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from .fragments import fragment_seconds
from .page_cache import current_generation

PREFIX = "hvdj:route"


def cached_route(root, request, path_components, walk):
    """`walk(request, path_components)` (Wagtail's route from `root`), or the kept page's own
    route."""
    seconds = fragment_seconds()
    if not path_components or seconds <= 0:
        return walk(request, path_components)
    wanted = root.url_path + "/".join(path_components) + "/"
    key = f"{PREFIX}:{current_generation()}:{root.pk}:{wanted}"
    kept = cache.get(key)
    if kept is not None:
        content_type_id, pk = kept
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=pk).first() if model is not None else None
        if page is not None and page.url_path == wanted:
            return page.route(request, [])
    result = walk(request, path_components)
    page = result[0]
    if page.url_path == wanted:
        cache.set(key, (page.content_type_id, page.pk), timeout=seconds)
    return result
