"""Pieces of HTML kept in the cache per generation of the page cache (core.page_cache).

Rendering a page's dozen story cards took most of an uncached listing's or home page's time.
A fragment that is the same for every visitor (no request state, no member, no token) is kept
under its namespace, the page cache's current generation and a key the caller gives (what the
HTML depends on: the object's id and how it is shown). Every publish, unpublish, move or
delete of a page and every change to replies, taxonomy and the like starts a new generation,
so a fragment is never shown after what it shows has changed; FRAGMENT_CACHE_SECONDS bounds
how long one is kept otherwise (an image's new file, which starts no generation, shows within
that time, as on cached pages). All fragments of a page are read with one `get_many` and the
missing ones written with one `set_many`.

Django's template fragment cache (`{% cache %}`) reads one key per fragment and knows nothing
of our generations, hence this small helper.
"""

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from .page_cache import current_generation

PREFIX = "hvdj:fragment"


def fragment_seconds() -> int:
    return settings.HVDJ_FRAGMENT_CACHE_SECONDS


def cached_fragments(
    namespace: str,
    items: Sequence[Any],
    *,
    key_of: Callable[[Any], Hashable],
    render: Callable[[list[Any]], list[str]],
) -> list[SafeString]:
    """The HTML of each of `items`, in order: kept fragments where there are, and for the
    others `render(missing items)`, which returns their HTML in the same order (and may fetch
    what they need, only for them). Only pass what is the same for every visitor."""
    if not items:
        return []
    keys = [str(key_of(item)) for item in items]
    by_key = {}
    for key, item in zip(keys, items, strict=True):
        by_key.setdefault(key, item)

    def rendered(missing):
        return dict(zip(missing, render([by_key[key] for key in missing]), strict=True))

    html = cached_values(namespace, list(by_key), rendered)
    return [mark_safe(html[key]) for key in keys]  # noqa: S308 - HTML our templates rendered


def cached_value(namespace: str, key: Hashable, compute: Callable[[], Any]) -> Any:
    """What `compute()` returns, kept like a fragment under `namespace`, the current generation
    and `key`: for what a page builds from many queries and shows the same to everyone (the
    home page's lists). The value must pickle; only pass what is the same for every visitor."""
    seconds = fragment_seconds()
    if seconds <= 0:
        return compute()
    cache_key = f"{PREFIX}:{namespace}:{current_generation()}:{key}"
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, timeout=seconds)
    return value


def cached_values(
    namespace: str, keys: Sequence[Hashable], compute: Callable[[list], dict]
) -> dict:
    """{key: value} for `keys`, kept like fragments under `namespace` and the generation:
    one `get_many` for all, and `compute(missing keys)` ({key: value}) for those not kept. For
    what a page shows of each of its items and is the same for everyone (a search result's
    marked snippet); the values must pickle."""
    seconds = fragment_seconds()
    if seconds <= 0:
        return compute(list(keys))
    generation = current_generation()
    cache_keys = {key: f"{PREFIX}:{namespace}:{generation}:{key}" for key in keys}
    stored = cache.get_many(list(cache_keys.values()))
    found = {key: stored[name] for key, name in cache_keys.items() if name in stored}
    missing = [key for key in keys if key not in found]
    if missing:
        computed = compute(missing)
        cache.set_many({cache_keys[key]: computed[key] for key in missing}, timeout=seconds)
        found.update(computed)
    return found
