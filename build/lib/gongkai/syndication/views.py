import hashlib

from django.core.cache import cache
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from wagtail.models import Page

from gongkai.core import site_cache

from .feeds import AtomListFeed, ListFeed
from .mixins import FeedMixin

FEED_CACHE_SECONDS = 3600


def serve_feed(request, page, atom=False):
    """A list's feed, cached until published content changes, with ETag and Last-Modified (304 on repeat)."""
    kind = "atom" if atom else "rss"
    key = f"syndication:feed:{kind}:{page.pk}:{request.get_host()}:{site_cache.version(request)}"
    cached = cache.get(key)
    if cached is None:
        feed = (AtomListFeed if atom else ListFeed)()
        response = feed(request, page=page)
        changed = max((feed.item_updateddate(item) for item in feed.items(page)), default=page.last_published_at)
        cached = {
            "content": response.content,
            "content_type": response["Content-Type"],
            "etag": '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"',
            "last_modified": changed.timestamp() if changed else None,
        }
        cache.set(key, cached, FEED_CACHE_SECONDS)
    conditional = get_conditional_response(request, etag=cached["etag"], last_modified=cached["last_modified"])
    if conditional is not None:
        return conditional
    response = HttpResponse(cached["content"], content_type=cached["content_type"])
    response["ETag"] = cached["etag"]
    if cached["last_modified"]:
        response["Last-Modified"] = http_date(cached["last_modified"])
    response["Cache-Control"] = "public, max-age=300"
    return response


def feed_columns(root):
    """The lists below the home page that have a feed, in the order of the page tree."""
    from wagtail.models import get_page_models

    models = [model for model in get_page_models() if issubclass(model, FeedMixin)]
    pages = site_cache.public(Page.objects.descendant_of(root).live().type(*models)).order_by("path").specific()
    return [page for page in pages if page.has_feed()]


def feed_list(request):
    """Every feed of the site, for people who subscribe by hand."""
    root = site_cache.home(request)
    return TemplateResponse(request, "gongkai_syndication/feed_list.html", {
        "root": root,
        "columns": feed_columns(root) if root else [],
    })
