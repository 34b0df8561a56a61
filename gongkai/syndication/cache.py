"""One number that changes whenever published content changes: every cached feed is keyed by it, so a
publish, unpublish, move or delete makes every feed current on the next request.

Every page view asks for it (core/site_cache.py), and asking the shared cache costs a round trip to Redis: a tenth
of a page's time once the page's parts are in memory. A caller may accept a value this process read less than
`max_age` seconds ago; a change made in this process is seen at once, one made by another worker or the scheduler
within `max_age`."""

import time

from django.core.cache import cache

VERSION_KEY = "syndication:version"


_last_read = {"version": None, "at": 0.0}


def content_version(max_age=0):
    if max_age > 0 and _last_read["version"] is not None and time.monotonic() - _last_read["at"] < max_age:
        return _last_read["version"]
    version = cache.get(VERSION_KEY)
    if version is None:
        # Seeded from the clock rather than 1: when the cache is emptied, workers still holding objects for an
        # earlier version (core/site_cache.py) must not take a restarted count for their own.
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    _last_read.update(version=version, at=time.monotonic())
    return version


def forget_read_version():
    """The next content_version() call asks the shared cache, whatever its max_age."""
    _last_read["version"] = None


def _bump():
    forget_read_version()
    try:
        cache.incr(VERSION_KEY)
        # The file and database caches' incr() re-sets the key with the default timeout (5 minutes): the version, and
        # with it every cached page, would expire on its own.
        cache.touch(VERSION_KEY, None)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), None)


def content_changed(**kwargs):
    """Bump now, and again when the transaction commits: Wagtail publishes (and moves, and updates aliases) inside
    a transaction, and a page read by another worker between the signal and the commit would otherwise be kept,
    out of date, under the new version."""
    from django.db import transaction

    _bump()
    transaction.on_commit(_bump)
