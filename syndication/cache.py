"""One number that changes whenever published content changes: every cached feed is keyed by it, so a
publish, unpublish, move or delete makes every feed current on the next request."""

from django.core.cache import cache

VERSION_KEY = "syndication:version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def content_changed(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)
