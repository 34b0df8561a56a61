"""One number that changes whenever published content changes: every cached page, feed and menu is keyed by it, so
a publish, unpublish, move or delete makes them current on the next request.

Pages bump it by themselves (the signals below). Other models shown on public pages (settings, taxonomies,
published replies) are registered by the app that owns them, from its AppConfig.ready(), with
`bump_on_change(model)`: the base knows no feature app.

Every page view asks for it (gongkai/core/site_cache.py), and asking the shared cache costs a round trip to Redis: a tenth
of a page's time once the page's parts are in memory. A caller may accept a value this process read less than
`max_age` seconds ago; a change made in this process is seen at once, one made by another worker or the scheduler
within `max_age`."""

import time

from django.core.cache import cache

VERSION_KEY = "gongkai:content-version"


_last_read = {"version": None, "at": 0.0}


def content_version(max_age=0):
    if max_age > 0 and _last_read["version"] is not None and time.monotonic() - _last_read["at"] < max_age:
        return _last_read["version"]
    version = cache.get(VERSION_KEY)
    if version is None:
        # Seeded from the clock rather than 1: when the cache is emptied, workers still holding objects for an
        # earlier version (gongkai/core/site_cache.py) must not take a restarted count for their own.
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


def _model_changed(sender, **kwargs):
    content_changed()


def bump_on_change(*models, deletes_only=False):
    """Public pages show these models: saving or deleting one makes every cached page current.
    deletes_only: a new row changes nothing shown (a search query's log row), a deleted one does."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        label = model._meta.label_lower
        if not deletes_only:
            post_save.connect(_model_changed, sender=model, dispatch_uid=f"content-version-save-{label}")
        post_delete.connect(_model_changed, sender=model, dispatch_uid=f"content-version-delete-{label}")


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        content_changed()


def connect_page_signals():
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"content-version-{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="content-version-page-deleted")
