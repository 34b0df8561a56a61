"""One number that changes whenever published content changes: every cached feed is keyed by it, so a
publish, unpublish, move or delete makes every feed current on the next request."""

import time

from django.core.cache import cache

VERSION_KEY = "syndication:version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        # Seeded from the clock rather than 1: when the cache is emptied, workers still holding objects for an
        # earlier version (core/site_cache.py) must not take a restarted count for their own.
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    return version


def _bump():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), None)


def content_changed(**kwargs):
    """Bump now, and again when the transaction commits: Wagtail publishes (and moves, and updates aliases) inside
    a transaction, and a page read by another worker between the signal and the commit would otherwise be kept,
    out of date, under the new version."""
    from django.db import transaction

    _bump()
    transaction.on_commit(_bump)
