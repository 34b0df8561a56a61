"""Whole-page caching for anonymous readers. A page is stored under the site's content version (bumped on every
publish, unpublish, move, delete and settings change), so nothing shown can go stale; pages that carry a form
token, set a cookie or ask not to be cached are never stored. Redis in production, local memory otherwise."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseNotModified
from django.utils.cache import patch_cache_control

from . import site_cache

SKIP_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/documents/", "/reading/", "/apply/", "/mailbox/write/",
                 "/mailbox/status/", "/mailbox/done/", "/visits/", "/static/", "/media/")
CACHED_TYPES = {"text/html", "application/rss+xml", "application/atom+xml"}
BROWSER_SECONDS = 60  # browsers check back after a minute
SHARED_SECONDS = 300  # a CDN may keep a page longer: publishing purges it (wagtail.contrib.frontend_cache)


# Cookies that change what a page looks like (the reading aids' choices): each value is cached apart. Apps add
# theirs with vary_on_cookie() from their AppConfig.ready().
_vary_cookies = []


def vary_on_cookie(name):
    if name not in _vary_cookies:
        _vary_cookies.append(name)


def enabled():
    return getattr(settings, "GONGKAI_PAGE_CACHE", True)


def _key(request):
    path = request.get_full_path()
    # The version includes the day (site_cache.version): a page may change at midnight without a publish.
    raw = "|".join([getattr(request, "LANGUAGE_CODE", ""), *(request.COOKIES.get(name, "") for name in _vary_cookies), request.get_host(), path])
    return f"gongkai:page:{site_cache.version(request)}:{hashlib.sha256(raw.encode('utf-8')).hexdigest()}"


def _cacheable_request(request):
    return (
        enabled() and request.method in ("GET", "HEAD") and not request.path.startswith(SKIP_PREFIXES)
        and not request.user.is_authenticated
    )


def _cacheable_response(request, response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200 and not response.streaming and not response.cookies
        and response.get("Content-Type", "").split(";")[0] in CACHED_TYPES
        and not any(word in control for word in ("private", "no-cache", "no-store", "max-age=0"))
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not request.META.get("CSRF_COOKIE_USED")
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            etag = cached.get("ETag")
            if etag and etag in request.headers.get("If-None-Match", ""):
                not_modified = HttpResponseNotModified()
                for header in ("ETag", "Last-Modified", "Cache-Control", "Vary"):
                    if header in cached:
                        not_modified[header] = cached[header]
                return not_modified
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _cacheable_response(request, response):
            patch_cache_control(response, public=True, max_age=BROWSER_SECONDS, s_maxage=SHARED_SECONDS)
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.render()
            cache.set(key, response, getattr(settings, "GONGKAI_PAGE_CACHE_SECONDS", 24 * 3600))
            response["X-Page-Cache"] = "miss"
        return response
