"""Read-mostly things every public page needs (the site, the home page in each language, locales, site settings,
first-level columns, ancestors, page routes), kept in each worker's memory for as long as the content version
stays the same. Publishing, unpublishing, moving or deleting a page, and saving settings, sites, locales or view
restrictions bump that version (gongkai/core/content_version.py), so one cache read tells a worker whether what it holds is
still current (read at most every GONGKAI_CONTENT_VERSION_MAX_AGE seconds). Without this, each page spent most of
its time asking the database the same questions."""

import contextvars
import threading

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.utils import timezone
from django.utils.translation import get_language

from gongkai.core.content_version import content_version

MAX_ENTRIES = 20000  # routes and ancestors grow with the site; start over rather than grow without bound

_lock = threading.Lock()
_memo = {"version": None, "values": {}}
# The version as read during the current request; outside requests (commands, the scheduler) it is read every time.
_OUTSIDE, _UNREAD = object(), object()
_request_version = contextvars.ContextVar("gongkai_request_version", default=_OUTSIDE)


def _request_started(**kwargs):
    _request_version.set(_UNREAD)


def _request_finished(**kwargs):
    _request_version.set(_OUTSIDE)


request_started.connect(_request_started, dispatch_uid="gongkai-site-cache-start")
request_finished.connect(_request_finished, dispatch_uid="gongkai-site-cache-finish")


def version(request=None):
    """The content version and the day, read once per request. What a page shows can change at midnight without a
    publish (a 置顶 ends, a consultation closes): everything kept under the version is renewed with the day."""
    current = _request_version.get()
    if current is _OUTSIDE:
        return f"{content_version()}-{timezone.localdate().isoformat()}"
    if current is _UNREAD:
        current = f"{content_version(max_age=getattr(settings, 'GONGKAI_CONTENT_VERSION_MAX_AGE', 0))}-{timezone.localdate().isoformat()}"
        _request_version.set(current)
    return current


def _values(request):
    """This worker's kept values for the current content version."""
    current = version(request)
    memo = _memo
    if memo["version"] != current or len(memo["values"]) > MAX_ENTRIES:
        with _lock:
            if _memo["version"] != current or len(_memo["values"]) > MAX_ENTRIES:
                _memo.update(version=current, values={})
        memo = _memo
    return memo["values"]


def remember(request, key, build):
    """build() once per worker and content version; later calls with the same key get the same object back,
    so callers must not change what they get."""
    if not getattr(settings, "GONGKAI_SITE_CACHE", True):  # the load benchmark measures pages without it too
        return build()
    values = _values(request)
    try:
        return values[key]
    except KeyError:
        value = values[key] = build()
        return value


def remember_each(request, kind, ids, build, keep=None):
    """remember() for many keys (kind, id) at once: build(ids not kept yet) returns {id: value} for all of them in
    one go, so a list of ten results costs one query on a cold worker, not ten. Returns {id: value}. keep(value),
    when given, says whether a new value is kept (a memory budget) or only returned."""
    if not getattr(settings, "GONGKAI_SITE_CACHE", True):
        return build(list(ids))
    values = _values(request)
    found = {id_: values[(kind, id_)] for id_ in ids if (kind, id_) in values}
    missing = [id_ for id_ in ids if id_ not in found]
    if missing:
        built = build(missing)
        for id_, value in built.items():
            if keep is None or keep(value):
                values[(kind, id_)] = value
        found.update(built)
    return found


def remember_published(request, key, build):
    """remember() for what a page's published version holds; a preview shows the draft's own."""
    if getattr(request, "is_preview", False):
        return build()
    return remember(request, key, build)


def page_url(request, page):
    """page.get_url(request) once per page, site and content version: lists, breadcrumbs and side menus show
    dozens of links, and Wagtail works each one out from the page's path and the site's root paths."""
    if request is None:
        return page.get_url(request)
    return remember_published(request, ("url", page.pk, request._get_raw_host()), lambda: page.get_url(request))


def site(request):
    """Site.find_for_request without a query per request."""
    from wagtail.models import Site

    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        host = request._get_raw_host()
        request._wagtail_site = remember(request, ("site", host, request.get_port()), lambda: Site._find_for_request(request))
    return request._wagtail_site


def home(request):
    """The home page in the language being read (/en/ has its own tree), as its specific type."""
    current_site = site(request)
    if current_site is None:
        return None
    return remember(request, ("home", current_site.pk, get_language()),
                    lambda: current_site.root_page.localized.specific)


def locales(request):
    """{language code: Locale}."""
    from wagtail.models import Locale

    return remember(request, "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()})


def menu_columns(request, root):
    """The first-level columns shown in menus, in tree order, as their own page types."""
    return remember(request, ("menu-columns", root.pk),
                    lambda: list(public(root.get_children().live().in_menu(), request).specific()))


def has_view_restrictions(request=None):
    """Whether any page on the site is private; when none is, the privacy checks need no query."""
    from wagtail.models import PageViewRestriction

    return remember(request, "view-restrictions", lambda: PageViewRestriction.objects.exists())


def public(queryset, request=None):
    """queryset.public(), which otherwise reads the restrictions table on every call."""
    return queryset.public() if has_view_restrictions(request) else queryset


def ancestors(request, page):
    """The page's ancestors below the tree root, top first; siblings share one entry."""
    from wagtail.models import Page

    parent_path = page.path[: -Page.steplen]
    return remember(request, ("ancestors", parent_path),
                    lambda: list(Page.objects.filter(path__in=[parent_path[:i] for i in range(2 * Page.steplen, len(parent_path) + 1, Page.steplen)]).order_by("path")))
